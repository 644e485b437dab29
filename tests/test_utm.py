"""UTM tags (smroi.utm): links built with them, read back out of odd links, and the
importer filling utm_* from a file's landing-page column.

Every expected link and warning is written out by hand.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smroi.ingest import read_file
from smroi.utm import (
    UTM_KEYS,
    build_link,
    build_links,
    check_convention,
    parse_utm,
    suggest,
    utm_columns,
)
from smroi.workbook import table_csv

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LANDING_PAGES = FIXTURES / "landing_pages.csv"


def tags(**given: str) -> dict[str, str | None]:
    """parse_utm's answer: the tags given, None for the others."""
    return {key: given.get(key) for key in UTM_KEYS}


def texts(column: pd.Series) -> list[str | None]:
    """A canonical text column as plain values, None where missing."""
    return [None if pd.isna(value) else str(value) for value in column.astype(object)]


# ---------------------------------------------------------------- building one link


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("https://shop.example/p?id=3&color=red#reviews", "facebook", "social", "spring"),
            "https://shop.example/p?id=3&color=red"
            "&utm_source=facebook&utm_medium=social&utm_campaign=spring#reviews",
        ),
        (
            ("https://app.example/#/signup", "facebook", "social", "spring"),
            "https://app.example/?utm_source=facebook&utm_medium=social&utm_campaign=spring"
            "#/signup",
        ),
        (
            ("https://shop.example/", "face book", "paid social", "50% off & more", "a/b+c", "x?"),
            "https://shop.example/?utm_source=face%20book&utm_medium=paid%20social"
            "&utm_campaign=50%25%20off%20%26%20more&utm_content=a%2Fb%2Bc&utm_term=x%3F",
        ),
        (
            ("https://shop.example/", "facebook", "social", "sälg", "=1#2"),
            "https://shop.example/?utm_source=facebook&utm_medium=social"
            "&utm_campaign=s%C3%A4lg&utm_content=%3D1%232",
        ),
        (
            ("https://shop.example/?UTM_SOURCE=old&ref=x&utm_content=old", "fb", "cpc", "spring"),
            "https://shop.example/?ref=x&utm_source=fb&utm_medium=cpc&utm_campaign=spring",
        ),
        (
            ("https://shop.example/?a=b%20c&flag", "fb", "cpc", "spring"),
            "https://shop.example/?a=b%20c&flag&utm_source=fb&utm_medium=cpc&utm_campaign=spring",
        ),
        (
            ("https://shop.example", "fb", "cpc", "spring"),
            "https://shop.example/?utm_source=fb&utm_medium=cpc&utm_campaign=spring",
        ),
        (
            ("  https://shop.example/  ", " fb ", "cpc", "spring", "", "  "),
            "https://shop.example/?utm_source=fb&utm_medium=cpc&utm_campaign=spring",
        ),
    ],
    ids=[
        "query-and-fragment-kept",
        "spa-fragment-stays-at-the-end",
        "spaces-and-specials-encoded",
        "non-ascii-and-hash-encoded",
        "old-utm-replaced",
        "other-parameters-as-written",
        "no-path",
        "whitespace-and-empty-optional-tags",
    ],
)
def test_build_link(args: tuple[str, ...], expected: str) -> None:
    assert build_link(*args) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("", "fb", "cpc", "spring"), "the base URL is empty"),
        (("https://shop.example/", "fb", "cpc", "  "), "utm_campaign is empty"),
        (("https://shop.example/", "", "", "spring"), "utm_source is empty"),
        (("http://[::1/", "fb", "cpc", "spring"), "is not a URL"),
    ],
    ids=["no-base", "blank-campaign", "no-source", "broken-host"],
)
def test_build_link_refuses_a_link_without_its_parts(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        build_link(*args)


# ---------------------------------------------------------------- the convention


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("facebook", "facebook"),
        ("Facebook", "facebook"),
        ("  Spring  Sale ", "spring-sale"),
        ("Paid\tSocial", "paid-social"),
        ("Spring Sale!", "spring-sale!"),
    ],
    ids=["already", "capitals", "spaces-stripped-and-joined", "tab", "other-characters-kept"],
)
def test_suggest(value: str, expected: str) -> None:
    assert suggest(value) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("https://shop.example/spring", "facebook", "paid_social", "spring-2026.v2"), []),
        (
            ("https://shop.example/", "Facebook", "cpc", "spring"),
            ["source 'Facebook' has capital letters; write 'facebook'."],
        ),
        (
            ("https://shop.example/", "facebook", "paid social", "spring"),
            ["medium 'paid social' has spaces; write 'paid-social'."],
        ),
        (
            ("https://shop.example/", "facebook", "paid/social", "spring"),
            [
                "medium 'paid/social' has characters other than a-z, 0-9, -, _ and .; "
                "write it without '/'."
            ],
        ),
        (
            ("https://shop.example/", "facebook", "cpc", "Spring Sale!", "Video A"),
            [
                "campaign 'Spring Sale!' has capital letters, spaces and characters other than "
                "a-z, 0-9, -, _ and .; write 'spring-sale!' without '!'.",
                "content 'Video A' has capital letters and spaces; write 'video-a'.",
            ],
        ),
        (
            ("https://shop.example/", "facebook", "cpc", "spring", None, "Shoes"),
            ["term 'Shoes' has capital letters; write 'shoes'."],
        ),
        (
            ("https://shop.example/", "", "cpc", None),
            [
                "source is empty; every link needs a source, a medium and a campaign.",
                "campaign is empty; every link needs a source, a medium and a campaign.",
            ],
        ),
        (
            ("shop.example/spring", "facebook", "cpc", "spring"),
            [
                "the base URL 'shop.example/spring' is not a web address: it should start "
                "with http:// or https:// and a host name, such as https://example.com/page."
            ],
        ),
        (
            ("ftp://shop.example/", "facebook", "cpc", "spring"),
            [
                "the base URL 'ftp://shop.example/' is not a web address: it should start "
                "with http:// or https:// and a host name, such as https://example.com/page."
            ],
        ),
        (
            ("https:///spring", "facebook", "cpc", "spring"),
            [
                "the base URL 'https:///spring' is not a web address: it should start "
                "with http:// or https:// and a host name, such as https://example.com/page."
            ],
        ),
        (
            ("https://shop.example/my page", "facebook", "cpc", "spring"),
            [
                "the base URL 'https://shop.example/my page' has spaces; a link is cut at its "
                "first space in many apps, so write each space as %20."
            ],
        ),
        (
            ("https://shop.example/?UTM_Source=x&utm_medium=y", "facebook", "cpc", "spring"),
            ["the base URL already has utm_source and utm_medium; the link replaces its utm tags."],
        ),
        (
            ("", "facebook", "cpc", "spring"),
            ["the base URL is empty; give the page the link should open."],
        ),
    ],
    ids=[
        "conventional",
        "capitals",
        "spaces",
        "slash",
        "several-problems-and-content",
        "term",
        "empty-required",
        "no-scheme",
        "not-web",
        "no-host",
        "space-in-base",
        "base-already-tagged",
        "no-base",
    ],
)
def test_check_convention(args: tuple[str | None, ...], expected: list[str]) -> None:
    assert check_convention(*args) == expected


# ---------------------------------------------------------------- many links


def test_build_links_adds_link_and_warnings_with_a_consistency_check() -> None:
    frame = pd.DataFrame(
        {
            "base_url": [
                "https://shop.example/a",
                "https://shop.example/b",
                "https://shop.example/c",
            ],
            "source": ["Facebook", "facebook", "instagram"],
            "medium": ["social", "social", "social"],
            "campaign": ["spring", "spring", None],
        },
        index=[7, 8, 9],
    )
    before = frame.copy()
    result = build_links(frame)

    pd.testing.assert_frame_equal(frame, before)  # the caller's frame is not changed
    assert list(result.columns) == ["base_url", "source", "medium", "campaign", "link", "warnings"]
    assert list(result.index) == [7, 8, 9]
    assert result["link"].tolist() == [
        "https://shop.example/a?utm_source=Facebook&utm_medium=social&utm_campaign=spring",
        "https://shop.example/b?utm_source=facebook&utm_medium=social&utm_campaign=spring",
        None,
    ]
    assert result["warnings"].tolist() == [
        "source 'Facebook' has capital letters; write 'facebook'. "
        "source 'Facebook' is written 'facebook' in other rows; analytics tools count each "
        "spelling apart, so write 'facebook' in every row.",
        "source 'facebook' is written 'Facebook' in other rows; analytics tools count each "
        "spelling apart, so write 'facebook' in every row.",
        "campaign is empty; every link needs a source, a medium and a campaign.",
    ]


def test_build_links_finds_spaces_variants_and_reads_loose_headers() -> None:
    frame = pd.DataFrame(
        {
            "Base URL": ["https://shop.example/", "https://shop.example/"],
            "utm_source": ["fb", "fb"],
            "Medium": ["cpc", "cpc"],
            "Campaign": ["spring sale", "spring-sale"],
            "Content": [float("nan"), 2026.0],  # a number the spreadsheet made
        }
    )
    result = build_links(frame)
    assert result["link"].tolist() == [
        "https://shop.example/?utm_source=fb&utm_medium=cpc&utm_campaign=spring%20sale",
        "https://shop.example/?utm_source=fb&utm_medium=cpc&utm_campaign=spring-sale"
        "&utm_content=2026",
    ]
    assert result["warnings"].tolist() == [
        "campaign 'spring sale' has spaces; write 'spring-sale'. "
        "campaign 'spring sale' is written 'spring-sale' in other rows; analytics tools count "
        "each spelling apart, so write 'spring-sale' in every row.",
        "campaign 'spring-sale' is written 'spring sale' in other rows; analytics tools count "
        "each spelling apart, so write 'spring-sale' in every row.",
    ]


def test_build_links_leaves_other_spellings_alone() -> None:
    """Only capitals and spaces make two spellings of one name; "fb" and "facebook" are two
    names as far as the check knows."""
    frame = pd.DataFrame(
        {
            "base_url": ["https://shop.example/"] * 2,
            "source": ["fb", "facebook"],
            "medium": ["cpc", "cpc"],
            "campaign": ["spring_sale", "spring-sale"],
        }
    )
    assert build_links(frame)["warnings"].tolist() == ["", ""]


def test_build_links_needs_its_columns() -> None:
    frame = pd.DataFrame({"base_url": ["https://shop.example/"], "source": ["fb"]})
    with pytest.raises(ValueError, match="the table has no medium or campaign column"):
        build_links(frame)


def test_build_links_result_downloads_with_table_csv() -> None:
    frame = pd.DataFrame(
        {
            "base_url": ["https://shop.example/"],
            "source": ["fb"],
            "medium": ["cpc"],
            "campaign": ["=1+1"],
        }
    )
    text = table_csv(build_links(frame)).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        ["base_url", "source", "medium", "campaign", "link", "warnings"],
        [
            "https://shop.example/",
            "fb",
            "cpc",
            "'=1+1",  # formula text escaped
            "https://shop.example/?utm_source=fb&utm_medium=cpc&utm_campaign=%3D1%2B1",
            "campaign '=1+1' has characters other than a-z, 0-9, -, _ and .; "
            "write it without '+' and '='.",
        ],
    ]


# ---------------------------------------------------------------- reading links


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://shop.example/?utm_source=face%20book&utm_campaign=50%25%20off",
            tags(utm_source="face book", utm_campaign="50% off"),
        ),
        ("https://shop.example/?utm_campaign=spring+sale", tags(utm_campaign="spring sale")),
        ("https://shop.example/?utm_term=a%2Bb", tags(utm_term="a+b")),
        ("https://shop.example/?utm_campaign=s%C3%A4lg", tags(utm_campaign="sälg")),
        ("https://shop.example/?utm_source=%C3%28", tags(utm_source="\ufffd(")),
        ("https://shop.example/?utm_content=100%", tags(utm_content="100%")),
        ("https://shop.example/?utm_source=fb#reviews", tags(utm_source="fb")),
        (
            "https://app.example/#/signup?utm_source=fb&utm_medium=cpc",
            tags(utm_source="fb", utm_medium="cpc"),
        ),
        ("https://app.example/page#utm_campaign=spring", tags(utm_campaign="spring")),
        (
            "https://app.example/?utm_source=fb#/p?utm_source=ig&utm_medium=cpc",
            tags(utm_source="fb"),
        ),
        ("https://shop.example/?utm_source=fb&utm_source=ig", tags(utm_source="fb")),
        ("https://shop.example/?utm_source=&utm_source=ig", tags(utm_source="ig")),
        (
            "https://shop.example/?UTM_Source=Facebook&Utm_Medium=CPC",
            tags(utm_source="Facebook", utm_medium="CPC"),
        ),
        ("https://shop.example/?utm%5Fsource=fb", tags(utm_source="fb")),
        ("example.com/?utm_source=x", tags(utm_source="x")),
        ("/shop?utm_medium=email", tags(utm_medium="email")),
        ("https://shop.example/?utm_source=&utm_medium=%20&utm_campaign", tags()),
        (
            "https://shop.example/?utm_source=fb&amp;utm_medium=cpc",
            tags(utm_source="fb", utm_medium="cpc"),
        ),
        ("https://shop.example/?fbclid=abc&utm_source=fb&gclid=x", tags(utm_source="fb")),
        ("  https://shop.example/?utm_source=fb  ", tags(utm_source="fb")),
        ("http://[::1/?utm_source=x", tags(utm_source="x")),
        ("https://shop.example/spring", tags()),
    ],
    ids=[
        "percent-encoded",
        "plus-is-space",
        "encoded-plus",
        "utf8",
        "bad-utf8-replaced",
        "lone-percent",
        "fragment-after-query",
        "spa-fragment",
        "tags-in-fragment",
        "query-wins-fragment-not-mixed",
        "duplicate-first-wins",
        "duplicate-first-non-empty-wins",
        "upper-case-keys",
        "encoded-key",
        "no-scheme",
        "path-only",
        "empty-values",
        "html-escaped-ampersand",
        "other-parameters",
        "whitespace-around",
        "broken-ipv6-host",
        "no-tags",
    ],
)
def test_parse_utm(url: str, expected: dict[str, str | None]) -> None:
    assert parse_utm(url) == expected


@pytest.mark.parametrize(
    "garbage",
    [None, math.nan, 42, 3.5, b"?utm_source=x", ["?utm_source=x"], "", "   ", "%%%", "?&&==&"],
    ids=["none", "nan", "int", "float", "bytes", "list", "empty", "blank", "percents", "amps"],
)
def test_parse_utm_of_garbage_is_none_everywhere(garbage: object) -> None:
    assert parse_utm(garbage) == tags()


@given(st.one_of(st.text(), st.binary(), st.integers(), st.floats(), st.none()))
def test_parse_utm_never_raises(value: object) -> None:
    found = parse_utm(value)
    assert list(found) == list(UTM_KEYS)
    assert all(tag is None or (isinstance(tag, str) and tag) for tag in found.values())


BASES = st.sampled_from(
    [
        "https://shop.example",
        "https://shop.example/spring",
        "https://shop.example/p?id=3&color=red",
        "https://shop.example/?utm_source=old&UTM_TERM=old",
        "https://app.example/#/signup?utm_source=zzz",
        "http://shop.example:8080/a/b?x=1#reviews",
        "shop.example/no-scheme",
    ]
)
REQUIRED_TEXT = st.text().filter(lambda text: bool(text.strip()))


@given(
    BASES, REQUIRED_TEXT, REQUIRED_TEXT, REQUIRED_TEXT, st.none() | st.text(), st.none() | st.text()
)
def test_parse_utm_reads_back_what_build_link_wrote(
    base: str, source: str, medium: str, campaign: str, content: str | None, term: str | None
) -> None:
    """Any text comes back as written, but for surrounding whitespace (which both drop)."""
    link = build_link(base, source, medium, campaign, content, term)
    assert parse_utm(link) == {
        "utm_source": source.strip(),
        "utm_medium": medium.strip(),
        "utm_campaign": campaign.strip(),
        "utm_content": (content or "").strip() or None,
        "utm_term": (term or "").strip() or None,
    }


@pytest.mark.parametrize("dtype", [object, "string"], ids=["object", "string"])
def test_utm_columns_one_row_per_link_on_the_links_index(dtype: object) -> None:
    urls = pd.Series(
        [
            "https://shop.example/?utm_source=fb&utm_medium=cpc",
            None,
            "https://shop.example/?utm_source=fb&utm_medium=cpc",
            "not a link",
            "https://app.example/#/p?utm_campaign=spring+sale&utm_term=shoes",
        ],
        index=[10, 20, 30, 40, 50],
        dtype=dtype,  # type: ignore[call-overload]
    )
    expected = pd.DataFrame(
        {
            "utm_source": ["fb", None, "fb", None, None],
            "utm_medium": ["cpc", None, "cpc", None, None],
            "utm_campaign": [None, None, None, None, "spring sale"],
            "utm_content": [None, None, None, None, None],
            "utm_term": [None, None, None, None, "shoes"],
        },
        index=[10, 20, 30, 40, 50],
        dtype=object,
    )
    pd.testing.assert_frame_equal(utm_columns(urls), expected)


def test_utm_columns_of_no_links() -> None:
    result = utm_columns(pd.Series([], dtype=object))
    assert list(result.columns) == list(UTM_KEYS)
    assert result.empty


# ---------------------------------------------------------------- the importer


def test_importer_fills_utm_columns_from_the_landing_page_column() -> None:
    table, report = read_file(LANDING_PAGES.name, LANDING_PAGES.read_bytes())
    assert (report.rows_read, report.rows_used) == (5, 5)
    assert texts(table["utm_source"]) == ["facebook", "Instagram", "facebook", None, None]
    assert texts(table["utm_medium"]) == ["paid_social", "paid social", "cpc", None, None]
    assert texts(table["utm_campaign"]) == ["spring", "spring sale", "spring", None, None]
    assert texts(table["utm_content"]) == ["video-a", None, None, None, None]
    assert "utm_term" not in table.columns  # the canonical table has no utm_term
    assert report.column_map["Landing page"] == (
        "utm_source / utm_medium / utm_campaign / utm_content (read from its links' tags)"
    )
    assert report.ignored_columns == []
    assert report.summary() == []


def test_importer_keeps_the_files_own_utm_source_column() -> None:
    """The file's own column wins, whole: a row it leaves blank is not filled from the link."""
    lines = LANDING_PAGES.read_text(encoding="utf-8").splitlines()
    own = ["utm_source", "fb-own", "", "fb-own", "li-own", "fb-own"]
    text = "\n".join(f"{cell},{line}" for cell, line in zip(own, lines, strict=True))
    table, report = read_file("landing_pages_tagged.csv", text.encode("utf-8"))
    assert texts(table["utm_source"]) == ["fb-own", None, "fb-own", "li-own", "fb-own"]
    assert texts(table["utm_medium"]) == ["paid_social", "paid social", "cpc", None, None]
    assert report.column_map["utm_source"] == "utm_source"
    assert report.column_map["Landing page"] == (
        "utm_medium / utm_campaign / utm_content (read from its links' tags)"
    )


@pytest.mark.parametrize(
    "header",
    [
        "Landing page URL",
        "Final URL",
        "Website URL",
        "Link",
        "URL",
        "Destination URL",
        "Page location",
        "Landing page + query string",
    ],
)
def test_importer_reads_tags_from_any_link_column(header: str) -> None:
    text = f"date,spend,{header}\n2026-03-02,5,https://shop.example/?utm_source=fb&utm_term=x\n"
    table, report = read_file("links.csv", text.encode("utf-8"))
    assert texts(table["utm_source"]) == ["fb"]
    assert report.column_map[header] == "utm_source (read from its links' tags)"


def test_importer_leaves_a_link_column_without_tags_unused() -> None:
    text = "date,spend,Final URL\n2026-03-02,5,https://shop.example/spring\n"
    table, report = read_file("links.csv", text.encode("utf-8"))
    assert table["utm_source"].isna().all()
    assert "Final URL" not in report.column_map
    assert report.ignored_columns == ["Final URL"]


def test_importer_respects_a_link_column_chosen_as_not_used() -> None:
    table, report = read_file(
        LANDING_PAGES.name, LANDING_PAGES.read_bytes(), column_map={"Landing page": ""}
    )
    assert table["utm_source"].isna().all()
    assert report.ignored_columns == ["Landing page"]
