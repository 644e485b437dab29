"""Hostile and broken CSV files, built in a few bytes: each with the words its outcome
must contain (a refusal's sentence, or a warning of a file that is read).

Shared by the tests that feed them to the readers, the CLI and the running app.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADER = "Date,Platform,Campaign,Spend,Impressions,Clicks\n"


def rows(*lines: str) -> bytes:
    """A small ad report: the header and the given lines."""
    return (HEADER + "".join(f"{line}\n" for line in lines)).encode()


GOOD = ("2026-06-01,facebook,Spring,100,1000,10", "2026-06-02,facebook,Spring,120,1100,12")


@dataclass(frozen=True)
class Hostile:
    """A file, whether it is refused (the CLI exits 2) or read (0), and words its
    sentence must hold."""

    data: bytes
    refused: bool
    says: str


HOSTILE_CSV: dict[str, Hostile] = {
    "year_0226.csv": Hostile(
        rows(*GOOD, "0226-06-30,facebook,Spring,50,500,5"),
        False,
        "a date that cannot be a report date in column date (the year 0226)",
    ),
    "year_9999.csv": Hostile(
        rows(*GOOD, "9999-12-31,facebook,Spring,50,500,5"),
        False,
        "a date that cannot be a report date in column date (31 Dec 9999)",
    ),
    "year_2016_typo.csv": Hostile(
        rows(
            *(f"2026-06-{day:02d},facebook,Spring,100,1000,10" for day in range(1, 29)),
            "2016-06-30,facebook,Spring,50,500,5",
        ),
        False,
        "row 30 is dated 30 Jun 2016, far from its other rows",
    ),
    "cp1252_and_utf8.csv": Hostile(
        HEADER.encode()
        + "2026-06-01,facebook,Café ☕,100,1000,10\n".encode()
        + "2026-06-02,facebook,Café,120,1100,12\n".encode("cp1252"),
        False,
        "was in Windows-1252, the rest in UTF-8; both were read.",
    ),
    "nul_bytes.csv": Hostile(
        rows(GOOD[0], "2026-06-02,facebook,Spr\x00ing,120,1100,12"), False, "NUL byte"
    ),
    "nul_in_header.csv": Hostile(
        b"Da\x00te,Platform,Campaign,Spend\n2026-06-01,facebook,Spring,100\n", False, "NUL byte"
    ),
    "ragged_rows.csv": Hostile(
        rows(*GOOD, "2026-06-03,facebook,Spring,100,1000,10,extra,cells"),
        False,
        "8 cells where the header has 6",
    ),
    "wide_header.csv": Hostile(
        (",".join(f"c{i}" for i in range(100_000)) + "\n" + "1," * 99_999 + "1\n").encode(),
        True,
        "its header has 100,000 columns, more than a spreadsheet can hold",
    ),
    "unclosed_quote.csv": Hostile(
        rows(GOOD[0], '2026-06-02,facebook,"Spring,120,1100,12', *GOOD),
        True,
        "is never closed",
    ),
    "empty.csv": Hostile(b"", True, "the file is empty."),
    "only_blank_lines.csv": Hostile(b"\n\n\r\n  \n", True, "the file is empty."),
    "header_only.csv": Hostile(HEADER.encode(), True, "a header but no rows of data"),
    "random_bytes.csv": Hostile(
        bytes((i * 7919 + 13) % 256 for i in range(4096)), True, "not a spreadsheet"
    ),
    "png_renamed.csv": Hostile(
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, True, "not a spreadsheet"
    ),
    "formula_text.csv": Hostile(
        rows(
            '2026-06-01,facebook,"=HYPERLINK(""http://evil.example"",""x"")",100,1000,10',
            "2026-06-02,facebook,+cmd|' /C calc'!A0,120,1100,12",
        ),
        False,
        "rows read 2, used 2",
    ),
    "mixed_decimal_marks.csv": Hostile(
        rows(
            '2026-06-01,facebook,Spring,"1,234.50",1000,10',
            '2026-06-02,facebook,Spring,"1.234,50",1100,12',
        ),
        False,
        "'Spend' mixes 1,234.50 and 1.234,50",
    ),
    "swiss_grouping.csv": Hostile(
        rows("2026-06-01,facebook,Spring,1'234.50,1000,10"), False, "Ad spend $1,234.50"
    ),
    "scientific.csv": Hostile(
        rows("2026-06-01,facebook,Spring,1e3,1000,10"), False, "Ad spend $1,000.00"
    ),
    "hexadecimal.csv": Hostile(
        rows(GOOD[0], "2026-06-02,facebook,Spring,0x10,1100,12"),
        False,
        "1 row left out ('0x10' in 'Spend' is not a number): row 3.",
    ),
    "negative_spend.csv": Hostile(
        rows(
            GOOD[0],
            "2026-06-02,facebook,Spring,-100,1100,12",
            "2026-06-03,facebook,Spring,(50),1100,12",
        ),
        False,
        "2 rows have a negative 'Spend' (refunds or credits?), counted as written: rows 3, 4.",
    ),
    "impossible_spend.csv": Hostile(
        rows(GOOD[0], "2026-06-02,facebook,Spring,-1e308,1100,12"),
        False,
        "is an impossible amount): row 3.",
    ),
    "negative_clicks.csv": Hostile(
        rows(GOOD[0], "2026-06-02,facebook,Spring,10,1100,-12"),
        False,
        "1 row left out ('-12' in 'Clicks' is a negative count, which cannot be): row 3.",
    ),
    "description_row_only.csv": Hostile(
        b"Date,Spend\nThe day of the report,The amount spent on ads in total\n",
        False,
        "row 2 describes the columns (a second header row); it is not read as data.",
    ),
    "one_long_line.csv": Hostile(
        b"Date,Spend\n2026-06-01," + b"9" * 5_000_000 + b"\n",
        False,
        "1 row left out ('999999999999999999999999999999999999999…' in 'Spend' is an impossible "
        "amount): row 2.",
    ),
}
