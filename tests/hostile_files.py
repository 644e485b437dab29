"""Small hostile workbooks, generated: what each is, and what smroi says about it.

Not a test module: tests/test_xlsx_checks.py and tests/test_isolation.py read from here.
HOSTILE_XLSX maps a file name to its bytes and a fragment of the sentence that refuses
it; READABLE_ODD_XLSX maps a file name to bytes that look hostile but read (measured:
calamine ignores what they exaggerate) and the table read from it, column by column.
Each file is under 100 KB.
"""

from __future__ import annotations

import io
import warnings
import zipfile

MEGABYTE = 1 << 20

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'worksheet+xml"/>{shared}</Types>'
)
SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
    'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
    '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/>'
    "</sheets></workbook>"
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
    'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
    '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>{shared}</Relationships>'
)
SHARED_REL = (
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/>'
)
SHEET = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{rows}</sheetData>'
    "</worksheet>"
)


def _member(name: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """A zip member with a fixed date, so that a workbook built twice is the same bytes
    (pytest-xdist's workers each build the files and must collect the same tests)."""
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = compression
    info.external_attr = 0o600 << 16
    return info


def workbook(
    rows: str,
    shared_strings: str | None = None,
    *,
    dimension: str = "",
    padding_bytes: int = 0,
) -> bytes:
    """A minimal .xlsx written by hand, with `rows` as its sheet's XML, `shared_strings` as
    its sharedStrings part, `dimension` as the sheet's <dimension ref> (none when empty),
    and a member of `padding_bytes` zeros (a zip bomb), written a megabyte at a time."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        shared = shared_strings is not None
        archive.writestr(
            _member("[Content_Types].xml"), CONTENT_TYPES.format(shared=SHARED_TYPE * shared)
        )
        archive.writestr(_member("_rels/.rels"), RELS)
        archive.writestr(_member("xl/workbook.xml"), WORKBOOK)
        archive.writestr(
            _member("xl/_rels/workbook.xml.rels"), WORKBOOK_RELS.format(shared=SHARED_REL * shared)
        )
        archive.writestr(
            _member("xl/worksheets/sheet1.xml"),
            SHEET.format(
                rows=rows, dimension=f'<dimension ref="{dimension}"/>' if dimension else ""
            ),
        )
        if shared_strings is not None:
            archive.writestr(_member("xl/sharedStrings.xml"), shared_strings)
        if padding_bytes:
            with archive.open(_member("xl/media/padding.bin"), "w", force_zip64=True) as padding:
                for start in range(0, padding_bytes, MEGABYTE):
                    padding.write(bytes(min(MEGABYTE, padding_bytes - start)))
    return buffer.getvalue()


# calamine asks for 549,755,813,888 bytes (a 1,048,576 x 16,384 grid) and aborts
FAR_CELL = workbook(
    '<row r="1"><c r="A1" t="n"><v>1</v></c></row>'
    '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'
)
SHARED_STRINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}<sst xmlns="http://'
    'schemas.openxmlformats.org/spreadsheetml/2006/main" {counts}><si><t>{text}</t></si></sst>'
)
# calamine reserves room for two billion strings up front and aborts
HUGE_STRINGS = SHARED_STRINGS.format(
    doctype="", counts='count="2000000000" uniqueCount="2000000000"', text="Spend"
)
HUGE_STRING_COUNT = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', HUGE_STRINGS)
HUGE_UNIQUE_STRINGS = SHARED_STRINGS.format(
    doctype="", counts='count="1" uniqueCount="2000000000"', text="Spend"
)


def column_letters(number: int) -> str:
    """The letters of column `number` (1 is A), written independently of smroi's."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def one_row(cells: str) -> str:
    """A first row of cells: "Spend" in A1 and then `cells`."""
    return f'<row r="1"><c r="A1" t="inlineStr"><is><t>Spend</t></is></c>{cells}</row>'


def far_away(reference: str, row: int, cell: str = "") -> str:
    """A header in A1, 12.5 in A2, and a value at `reference` (or `cell`) in row `row`."""
    cell = cell or f'<c r="{reference}"><v>1</v></c>'
    return (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Spend</t></is></c></row>'
        f'<row r="2"><c r="A2"><v>12.5</v></c></row><row r="{row}">{cell}</row>'
    )


def with_second_sheet_part(data: bytes, rows: str) -> bytes:
    """The workbook with a second member named xl/worksheets/sheet1.xml holding `rows`."""
    second = zipfile.ZipFile(io.BytesIO(workbook(rows))).read("xl/worksheets/sheet1.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as first, zipfile.ZipFile(buffer, "w") as archive:
        for member in first.infolist():
            archive.writestr(_member(member.filename, zipfile.ZIP_STORED), first.read(member))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "Duplicate name"
            archive.writestr(_member("xl/worksheets/sheet1.xml", zipfile.ZIP_STORED), second)
    return buffer.getvalue()


def billion_laughs() -> str:
    """A sharedStrings part whose one string is an entity that expands to 10^9 'lol's."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    )
    return SHARED_STRINGS.format(
        doctype=f"<!DOCTYPE sst [{entities}]>", counts='count="1" uniqueCount="1"', text="&lol9;"
    )


TWENTY_THOUSAND = "".join(f'<c r="{column_letters(n)}1"><v>1</v></c>' for n in range(2, 20_001))

HOSTILE_XLSX: dict[str, tuple[bytes, str]] = {
    "far_cell.xlsx": (
        FAR_CELL,
        "its cells reach as far as XFD1048576, which would make a sheet of 17,179,869,184 "
        "cells (1,048,576 rows by 16,384 columns), too large to open safely.",
    ),
    # read in 52 s and 2.4 GB before these checks (measured)
    "column_million.xlsx": (
        workbook(far_away("BDWGN1", 3, '<c r="BDWGN3"><v>1</v></c>')),
        "it has a cell in column BDWGN (column 1,000,000), beyond Excel's last column, XFD "
        "(16,384)",
    ),
    "string_count.xlsx": (
        HUGE_STRING_COUNT,
        f"it declares 2,000,000,000 shared strings in a part of {len(HUGE_STRINGS)} bytes, "
        "which cannot hold them",
    ),
    "unique_count.xlsx": (
        workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', HUGE_UNIQUE_STRINGS),
        f"it declares 2,000,000,000 shared strings in a part of {len(HUGE_UNIQUE_STRINGS)} "
        "bytes, which cannot hold them",
    ),
    "row_two_million.xlsx": (
        workbook(far_away("A2000000", 2_000_000)),
        "it has a cell in row 2,000,000, beyond Excel's last row (1,048,576)",
    ),
    # inside Excel's limits, but 16,384,000 cells: more than 500 MB at 40 bytes a cell
    "wide_and_long.xlsx": (
        workbook(far_away("XFD1000", 1000)),
        "its cells reach as far as XFD1000, which would make a sheet of 16,384,000 cells",
    ),
    # harmless to calamine (0.8 s), but no spreadsheet program writes a column past XFD
    "twenty_thousand_columns.xlsx": (
        workbook(one_row(TWENTY_THOUSAND)),
        "it has a cell in column ACOF (column 20,000), beyond Excel's last column",
    ),
    # cells without a reference are placed one after another
    "twenty_thousand_unnamed_cells.xlsx": (
        workbook("<row>" + "<c><v>1</v></c>" * 20_000 + "</row>"),
        "it has a cell in column ACOF (column 20,000), beyond Excel's last column",
    ),
    # calamine reads cell tags with any namespace prefix
    "prefixed_far_cell.xlsx": (
        workbook(far_away("XFD1048576", 1_048_576, '<x:c r="XFD1048576"><x:v>1</x:v></x:c>')),
        "its cells reach as far as XFD1048576",
    ),
    "quoted_far_cell.xlsx": (
        workbook(far_away("xfd1048576", 1_048_576, "<c t='n' r='xfd1048576'><v>1</v></c>")),
        "its cells reach as far as XFD1048576",
    ),
    # another attribute before r
    "late_reference.xlsx": (
        workbook(far_away("XFD1048576", 1_048_576, '<c s="1" r="XFD1048576"><v>1</v></c>')),
        "its cells reach as far as XFD1048576",
    ),
    # a reference-like text inside another attribute's value is not the reference
    "hidden_reference.xlsx": (
        workbook(
            far_away("XFD1048576", 1_048_576, """<c n=' r="A9"' r="XFD1048576"><v>1</v></c>""")
        ),
        "its cells reach as far as XFD1048576",
    ),
    # a "/>" inside an attribute does not make the cell empty
    "disguised_far_cell.xlsx": (
        workbook(far_away("XFD1048576", 1_048_576, '<c r="XFD1048576" n="/>"><v>1</v></c>')),
        "its cells reach as far as XFD1048576",
    ),
    # two members of one name: calamine reads the second, zipfile's getinfo too; both are
    # checked
    "duplicate_sheet.xlsx": (
        with_second_sheet_part(workbook(far_away("B2", 2)), far_away("XFD1048576", 1_048_576)),
        "its cells reach as far as XFD1048576",
    ),
    "zip_bomb.xlsx": (
        workbook(far_away("B2", 2), padding_bytes=60 * MEGABYTE),
        "the workbook expands to 63 MB, too large to open safely.",
    ),
    "truncated.xlsx": (
        FAR_CELL[: len(FAR_CELL) // 2],
        "the Excel file is damaged (not a valid .xlsx archive).",
    ),
    # calamine does not expand the entities: it refuses the part
    "billion_laughs.xlsx": (
        workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', billion_laughs()),
        "its part xl/sharedStrings.xml declares XML entities (a DOCTYPE), which no "
        "spreadsheet program writes, so it is not opened.",
    ),
}

HOSTILE_XLSX["external_entity.xlsx"] = (  # XXE: a string that would be the server's file
    workbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        SHARED_STRINGS.format(
            doctype='<!DOCTYPE sst [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
            counts='count="1" uniqueCount="1"',
            text="&secret;",
        ),
    ),
    "its part xl/sharedStrings.xml declares XML entities (a DOCTYPE)",
)

READABLE_ODD_XLSX: dict[str, tuple[bytes, dict[str, list[object]]]] = {
    # calamine sizes the sheet by its cells, not by what <dimension> says
    "dimension_lie.xlsx": (
        workbook(far_away("B3", 3), dimension="A1:XFD1048576"),
        {"Spend": [12.5, None], "column 2": [None, 1]},
    ),
    # an empty, styled cell far away does not make the sheet larger
    "styled_far_cell.xlsx": (
        workbook(far_away("XFD1048576", 1_048_576, '<c r="XFD1048576" s="1"/>')),
        {"Spend": [12.5]},
    ),
    # the total count of strings is not reserved up front, only the unique count
    "total_count.xlsx": (
        workbook(
            '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>12.5</v>'
            "</c></row>",
            SHARED_STRINGS.format(
                doctype="", counts='count="2000000000" uniqueCount="1"', text="Spend"
            ),
        ),
        {"Spend": [12.5]},
    ),
}
