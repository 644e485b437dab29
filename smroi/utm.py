"""UTM tags: links built with them, and read back out of the links people clicked.

A UTM tag is a query parameter (utm_source, utm_medium, utm_campaign, utm_content,
utm_term) that tells an analytics tool which post, ad or platform a visit came from
(docs/DOMAIN.md item 2). The convention checked here is the usual one: lower case,
no spaces, only a-z 0-9 - _ . — because analytics tools count "Facebook" and
"facebook" as two sources.

Reading tags (`parse_utm`) never raises. Its rules, for links as files hold them:

- keys are compared in lower case (``UTM_Source`` is utm_source); values keep their case;
- values are percent-decoded, "+" is a space, surrounding whitespace is dropped, and an
  empty value is None;
- a key given twice: the first non-empty value wins (``utm_source=&utm_source=fb`` is fb);
- the query after "#" (``#/path?utm_source=x`` in single-page apps, or ``#utm_source=x``)
  is read only when the query before it has no utm value at all: the two are not mixed;
- no scheme (``example.com/?utm_source=x``) or only a path (``/shop?utm_source=x``) is fine;
- parameters are separated by "&" only, as browsers do (";" is part of a value); ``&amp;``
  (a link copied out of HTML) is read as ``&``;
- anything that is not text gives None for every key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

import numpy as np
import pandas as pd

from smroi.exports import normalise_header
from smroi.i18n import DEFAULT_LANGUAGE, _, translate_message

UTM_KEYS: tuple[str, ...] = (
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_content",
    "utm_term",
)
# the parts of a link the builder fills, in the order of build_link's arguments
FIELDS: tuple[str, ...] = ("source", "medium", "campaign", "content", "term")
REQUIRED: tuple[str, ...] = ("base_url", "source", "medium", "campaign")
_ALLOWED = re.compile(r"[a-z0-9\-_.]")
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- building links


def build_link(
    base_url: str,
    source: str,
    medium: str,
    campaign: str,
    content: str | None = None,
    term: str | None = None,
) -> str:
    """The base URL with its utm_* tags set: ``build_link("https://shop.example/?id=3#top",
    "facebook", "paid social", "spring")`` is
    ``https://shop.example/?id=3&utm_source=facebook&utm_medium=paid%20social&utm_campaign=spring#top``.

    The URL is split and joined again with urllib.parse; its other query parameters are
    kept as written, and its fragment stays at the end. Every utm_* tag it already had
    (any of the five, in any case) is dropped, so the link carries exactly the tags given.
    Values are percent-encoded (a space is %20), with surrounding whitespace dropped; an
    empty content or term is left out.
    ValueError when the base URL, source, medium or campaign is empty: analytics tools
    need all three tags.
    """
    base = base_url.strip() if isinstance(base_url, str) else ""
    if not base:
        raise ValueError("the base URL is empty; give the page the link should open.")
    values = dict(zip(FIELDS, (source, medium, campaign, content, term), strict=True))
    tags = {field: (value or "").strip() for field, value in values.items()}
    missing = [field for field in FIELDS[:3] if not tags[field]]
    if missing:
        raise ValueError(
            f"utm_{missing[0]} is empty; every link needs a source, a medium and a campaign."
        )
    try:
        parts = urlsplit(base)
    except ValueError as exc:  # "http://[::1": a broken IPv6 host
        raise ValueError(f"the base URL {base!r} is not a URL ({exc}).") from exc
    kept = [part for part in parts.query.split("&") if part and _key(part) not in UTM_KEYS]
    added = [f"utm_{field}={quote(value, safe='')}" for field, value in tags.items() if value]
    path = parts.path or ("/" if parts.netloc else "")  # https://a.com -> https://a.com/?…
    return urlunsplit(parts._replace(path=path, query="&".join([*kept, *added])))


def suggest(value: str) -> str:
    """The conventional form of a tag value: stripped, lower case, each run of whitespace
    one "-" (``" Spring  Sale "`` -> ``"spring-sale"``). Other characters are kept."""
    return _SPACES.sub("-", value.strip().lower())


def check_convention(
    base_url: str | None,
    source: str | None,
    medium: str | None,
    campaign: str | None,
    content: str | None = None,
    term: str | None = None,
) -> list[str]:
    """Warnings about a link's parts, empty when it follows the convention: Messages, so
    English text that the app shows in the user's language (smroi.i18n).

    A tag value is warned about when it has capital letters, spaces, or characters other
    than a-z 0-9 - _ . (with the conventional form to use, see `suggest`); the source,
    medium and campaign when empty. The base URL when it is not http(s):// with a host
    name, has spaces, or already has utm tags (which the link replaces).
    """
    warnings = _base_url_warnings(base_url)
    values = dict(zip(FIELDS, (source, medium, campaign, content, term), strict=True))
    for field, value in values.items():
        text = (value or "").strip()
        if not text:
            if field in REQUIRED:
                warnings.append(
                    _(
                        "{field} is empty; every link needs a source, a medium and a campaign.",
                        field=field,
                    )
                )
            continue
        warnings += _value_warnings(field, text)
    return warnings


def build_links(frame: pd.DataFrame, *, lang: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """Many links at once: the table with a `link` column and a `warnings` column added.

    The table has columns base_url, source, medium and campaign, and may have content and
    term (headers are matched loosely: "Base URL", "utm_source" and "Source" all do).
    A row's warnings are those of `check_convention`, plus one for each value written in
    other rows with other capitals or spaces ("Facebook" here, "facebook" there), which
    analytics tools would count apart; joined into one text in `lang`, empty when there
    are none.
    A row that cannot make a link (an empty base URL, source, medium or campaign) has no
    link. The caller's frame is not changed. ValueError when a required column is missing.
    """
    found: dict[str, Any] = {}
    for header in frame.columns:
        name = normalise_header(header).removeprefix("utm_")
        if name in (*REQUIRED, *FIELDS) and name not in found:
            found[name] = header
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise ValueError(
            f"the table has no {_and(missing).replace(' and ', ' or ')} column; it needs "
            "base_url, source, medium and campaign (content and term may be left out)."
        )
    cells = {
        name: [_cell(value) for value in frame[found[name]].tolist()] if name in found else None
        for name in ("base_url", *FIELDS)
    }
    rows = len(frame)
    column = {name: values or [None] * rows for name, values in cells.items()}
    spellings = {field: _other_spellings(column[field]) for field in FIELDS}
    links: list[str | None] = []
    notes: list[str] = []
    for row in range(rows):
        base, *tags = (column[name][row] for name in ("base_url", *FIELDS))
        warnings = check_convention(base, *tags)
        for field in FIELDS:
            value = (column[field][row] or "").strip()
            others = spellings[field].get(value)
            if others:
                warnings.append(
                    _(
                        "{field} {value} is written {spellings} in other rows; analytics tools "
                        "count each spelling apart, so write {suggestion} in every row.",
                        field=field,
                        value=repr(value),
                        spellings=_and(repr(other) for other in others),
                        suggestion=repr(suggest(value)),
                    )
                )
        try:
            links.append(build_link(base or "", *(tag or "" for tag in tags)))
        except ValueError:
            links.append(None)  # check_convention said why
        notes.append(" ".join(translate_message(warning, lang) for warning in warnings))
    out = frame.copy()
    out["link"] = pd.Series(links, index=frame.index, dtype=object)
    out["warnings"] = pd.Series(notes, index=frame.index, dtype=object)
    return out


def _base_url_warnings(base_url: str | None) -> list[str]:
    base = base_url.strip() if isinstance(base_url, str) else ""
    if not base:
        return [_("the base URL is empty; give the page the link should open.")]
    warnings: list[str] = []
    try:
        parts = urlsplit(base)
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # "http://[::1" and the like
        web = False
    if not web:
        warnings.append(
            _(
                "the base URL {url} is not a web address: it should start with http:// or "
                "https:// and a host name, such as https://example.com/page.",
                url=repr(base),
            )
        )
    if _SPACES.search(base):
        warnings.append(
            _(
                "the base URL {url} has spaces; a link is cut at its first space in many "
                "apps, so write each space as %20.",
                url=repr(base),
            )
        )
    query = base.partition("#")[0].partition("?")[2]
    tagged = [key for key in UTM_KEYS if key in {_key(part) for part in query.split("&")}]
    if tagged:
        warnings.append(
            _(
                "the base URL already has {tags}; the link replaces its utm tags.",
                tags=_and(tagged),
            )
        )
    return warnings


def _value_warnings(field: str, text: str) -> list[str]:
    others = sorted({c for c in text.lower() if not c.isspace() and not _ALLOWED.fullmatch(c)})
    problems = [
        problem
        for problem, found in (
            (_("capital letters"), text != text.lower()),
            (_("spaces"), bool(_SPACES.search(text))),
            (_("characters other than a-z, 0-9, -, _ and ."), bool(others)),
        )
        if found
    ]
    if not problems:
        return []
    conventional = suggest(text)
    fields = {"field": field, "value": repr(text), "problems": _and(problems)}
    if not others:
        return [
            _(
                "{field} {value} has {problems}; write {suggestion}.",
                **fields,
                suggestion=repr(conventional),
            )
        ]
    characters = _and(repr(char) for char in others)
    if conventional == text:
        return [
            _(
                "{field} {value} has {problems}; write it without {characters}.",
                **fields,
                characters=characters,
            )
        ]
    return [
        _(
            "{field} {value} has {problems}; write {suggestion} without {characters}.",
            **fields,
            suggestion=repr(conventional),
            characters=characters,
        )
    ]


def _and(words: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c': a Message whose joining words translate (a Norwegian
    list says "og", a Persian one "و"); the words may be Messages themselves."""
    items = list(words)
    joined = items[0]
    for item in items[1:-1]:
        joined = _("{items}, {item}", items=joined, item=item)
    if len(items) > 1:
        joined = _("{items} and {last}", items=joined, last=items[-1])
    return joined


def _other_spellings(values: list[str | None]) -> dict[str, list[str]]:
    """For each value, the other ways the same name is written in the column (other
    capitals or spaces), in the order they first appear."""
    forms: dict[str, list[str]] = {}
    for value in values:
        text = (value or "").strip()
        if text:
            spelled = forms.setdefault(suggest(text), [])
            if text not in spelled:
                spelled.append(text)
    return {
        text: [other for other in spelled if other != text]
        for spelled in forms.values()
        if len(spelled) > 1
        for text in spelled
    }


def _cell(value: Any) -> str | None:
    """A table cell as text: missing is None, 2026.0 (a number the spreadsheet made) 2026."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


# ---------------------------------------------------------------- reading links


def parse_utm(url: object) -> dict[str, str | None]:
    """The utm tags of a link: {"utm_source": …, "utm_medium": …, "utm_campaign": …,
    "utm_content": …, "utm_term": …}, None for each tag it does not carry.

    See the module docstring for the rules (case, duplicates, fragments, odd links).
    Never raises: anything that is not text has no tags.
    """
    found: dict[str, str | None] = dict.fromkeys(UTM_KEYS)
    if not isinstance(url, str):
        return found
    if "utm" not in url.lower() and "%" not in url:  # a link without tags: the common case
        return found
    before, _, fragment = url.partition("#")
    _read_query(before.partition("?")[2], found)
    if fragment and not any(found.values()):
        _read_query(fragment.partition("?")[2] if "?" in fragment else fragment, found)
    return found


def utm_columns(urls: pd.Series) -> pd.DataFrame:
    """The utm tags of a column of links, one column per tag (utm_source … utm_term, text or
    None), on the links' index. Each distinct link is read once (`parse_utm`)."""
    keys = list(UTM_KEYS)
    try:
        codes, uniques = pd.factorize(urls, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists): read each one
        codes, uniques = np.arange(len(urls)), urls.to_numpy(dtype=object)
    parsed = [parse_utm(url) for url in uniques.tolist()]
    out = {}
    for key in keys:
        column = np.empty(len(parsed) + 1, dtype=object)  # the last one: a missing link
        column[:-1] = [tags[key] for tags in parsed]
        out[key] = column[codes]
    return pd.DataFrame(out, index=urls.index, columns=keys, dtype=object)


def _key(part: str) -> str:
    """The name of a query part "name=value", as a utm key would be compared."""
    name = part.partition("=")[0]
    if "%" in name or "+" in name:
        name = unquote_plus(name, errors="replace")
    return name.strip().lower().removeprefix("amp;")


# Names and values repeat across links (utm_source, "paid%20social"): each is decoded once.
@lru_cache(maxsize=8192)
def _utm_key(name: str) -> str | None:
    key = _key(name)
    return key if key in UTM_KEYS else None


@lru_cache(maxsize=65536)
def _value(text: str) -> str | None:
    if "%" in text or "+" in text:
        text = unquote_plus(text, errors="replace")
    return text.strip() or None


def _read_query(query: str, found: dict[str, str | None]) -> None:
    """Fill the keys of `found` still None from a query string (the first non-empty
    value of a key wins)."""
    for part in query.split("&"):
        name, _, value = part.partition("=")
        key = _utm_key(name)
        if key is not None and found[key] is None:
            found[key] = _value(value)
