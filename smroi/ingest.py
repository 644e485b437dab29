"""Files in, one canonical table out, with a report of every row that was not used.

smroi.readers turns a file's bytes into its table; here that table becomes
canonical rows (docs/METRICS.md section 1): columns recognised (smroi.exports),
numbers and dates parsed (smroi.parsing), totals rows left out, slid rows put
back, the platform and currency found. Every row read is either in the table or
listed in the file's ImportReport with its reason. A file that cannot be read
raises InputFileError with one sentence naming the file.

The steps live beside it: smroi.repairs (rows that are not data, slid rows),
smroi.derived_columns (columns read from other columns), smroi.periods (a period from the
title or file name), smroi.web_traffic (Google Analytics), smroi.cells (text, platform and
paid cells); smroi.import_report holds ImportReport.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd

from smroi.canonical import COUNTS, DATES, MEASURES, MONEY_MEASURES, SOURCE, conform
from smroi.canonical import empty_table as _empty_table
from smroi.cells import _clean_text, _normalise_platform, _parse_paid, _platform_from_file_name
from smroi.currency import currencies_in_cells, currencies_in_column, currencies_in_headers
from smroi.derived_columns import _engagements_from_parts, _results_by_indicator, _utm_from_links
from smroi.errors import InputFileError
from smroi.exports import (
    CURRENCY_COLUMNS,
    Export,
    map_columns,
    normalise_header,
    recognise_with_evidence,
)
from smroi.i18n import N_, _, _n, listed
from smroi.import_report import LEFT_OUT_REASON, ImportReport
from smroi.isolation import read_file_isolated
from smroi.parsing import (
    IMPOSSIBLE,
    NOT_A_NUMBER,
    UNDECIDED,
    Numbers,
    decimal_hint,
    file_decimal_mark,
    map_unique,
    read_dates,
    read_numbers,
)
from smroi.periods import _date_notes, _period_from_title
from smroi.readers import check_size, read_table
from smroi.repairs import (
    TOTALS_REASON,
    _drop_description_row,
    _repair_shifted_rows,
    _totals_rows,
    _unlabelled_sum_rows,
)
from smroi.report_dates import (
    far_day,
    implausible_days,
    implausible_reasons,
    main_span,
    outlier_warning,
    outlying_rows,
)
from smroi.unused_columns import suggest_columns
from smroi.web_traffic import ANALYTICS, _web_traffic

MAX_ROWS = 2_000_000
MOST_VALUES_NAMED = 3  # more distinct bad values in a column share one reason (with an example)
NEGATIVE_COUNT = "negative count"  # beside smroi.parsing's reasons a number is not read


def empty_table() -> pd.DataFrame:
    """The canonical table with no rows (what the app holds before any upload)."""
    return _empty_table()


def read_file(
    name: str,
    data: bytes,
    column_map: Mapping[str, str] | None = None,
    sheet: str | None = None,
    *,
    left_out_rows: Sequence[int] = (),
    today: date | None = None,
    decimal_marks: Mapping[str, str] | None = None,
    export_choice: str | None = None,
) -> tuple[pd.DataFrame, ImportReport]:
    """One uploaded file as canonical rows and its import report; InputFileError if unreadable.

    `left_out_rows`: spreadsheet rows (numbered as in the report) the user chose to leave
    out. `today` (default: the real one) bounds the dates a report can hold.
    `decimal_marks`: column of the file (its header) -> the decimal mark the user chose for
    it, "." or "," (for a column that mixes them: ImportReport.mixed_decimal_columns).
    `export_choice`: the platform export the user says the file is (smroi.exports.Export.key,
    or NO_EXPORT for none); None recognises it from its columns."""
    if not data:
        raise InputFileError(name, _("the file is empty."))
    check_size(name, len(data))
    try:
        raw = read_table(name, data, column_map or {}, sheet)
        table, report = _to_canonical(
            name,
            raw,
            column_map or {},
            left_out_rows,
            today or date.today(),
            decimal_marks or {},
            export_choice,
        )
    except InputFileError:
        raise
    except Exception as exc:  # a bug must not show the user a traceback; tests catch bugs
        error = f"{type(exc).__name__}: {exc}"
        raise InputFileError(
            name, _("smroi could not read it ({error}); please report this.", error=error)
        ) from exc
    report.sheets, report.sheet = raw.attrs.get("sheets", []), raw.attrs.get("sheet")
    return table, report


def load_files(
    files: list[tuple[str, bytes]],
    column_map: Mapping[str, str] | None = None,
    sheets: Mapping[str, str] | None = None,
    currency: str | None = None,
    *,
    left_out: Mapping[str, Sequence[int]] | None = None,
    today: date | None = None,
    decimal_marks: Mapping[str, Mapping[str, str]] | None = None,
    exports: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, list[ImportReport]]:
    """All files as one canonical table; a file that cannot be read, or whose currency is not
    the one shown (`currency` when a file is in it, else the first file's), is reported, not
    fatal. `left_out`: file name -> the rows the user chose to leave out; `decimal_marks`:
    file name -> {column: the decimal mark the user chose}; `exports`: file name -> the
    platform export the user chose (see read_file).
    Each file is read in a worker process (smroi.isolation), so that one that crashes the
    reader, or takes too much memory or time, is reported like any unreadable file."""
    read: list[tuple[pd.DataFrame, ImportReport]] = []
    reports: list[ImportReport] = []
    for name, data in files:
        try:
            table, report = read_file_isolated(
                name,
                data,
                column_map=column_map,
                sheet=(sheets or {}).get(name),
                left_out_rows=(left_out or {}).get(name, ()),
                today=today,
                decimal_marks=dict((decimal_marks or {}).get(name, {})),
                export_choice=(exports or {}).get(name),
            )
        except InputFileError as exc:
            reports.append(ImportReport(file=name, error=exc.message))
            continue
        reports.append(report)
        read.append((table, report))
    tables = [table for table, report in check_together(read, currency) if report.error is None]
    if not tables:
        return empty_table(), reports
    combined = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0]
    return conform(combined), reports


def check_together(
    read: list[tuple[pd.DataFrame, ImportReport]], currency: str | None = None
) -> list[tuple[pd.DataFrame, ImportReport]]:
    """What files say about each other: amounts in two currencies cannot be added up, so a
    file in another currency than `currency` (when a file is in it; else the first file's
    currency) is refused, with how to see it instead; two files with rows of one platform
    over the same days are warned about (the same ads would be counted twice)."""
    named = [(report.currency, report.file) for _table, report in read if report.currency]
    chosen = next((pair for pair in named if pair[0] == currency), named[0] if named else None)
    spans: list[tuple[str, str, pd.Timestamp, pd.Timestamp, bool]] = []
    for table, report in read:
        if report.currency and chosen and report.currency != chosen[0]:
            report.error = _(
                "{file}: its amounts are in {currency}, but {other} is in {other_currency}; "
                "amounts in two currencies cannot be added up, so it was left out. Choose "
                "{currency} as the report's currency to see it instead.",
                file=report.file,
                currency=report.currency,
                other=chosen[1],
                other_currency=chosen[0],
            )
            report.rows_used = 0
            continue
        for platform, rows in table.groupby("platform", observed=True):
            days = pd.concat([rows["date"], rows["period_end"]]).dropna()
            if days.empty:
                continue
            first, last = days.min(), days.max()
            for other, other_platform, other_first, other_last, analytics in spans:
                if other_platform == platform and first <= other_last and other_first <= last:
                    fields = {
                        "file": report.file,
                        "platform": str(platform),
                        "first": first.date(),
                        "last": last.date(),
                        "other": other,
                    }
                    if analytics != (report.export == ANALYTICS):
                        overlap = _(
                            "{file}: its {platform} rows ({first:%d %b %Y} – {last:%d %b %Y}) "
                            "overlap those of {other}; if both files hold the same visits and "
                            "sales (one from Google Analytics, one from the platform), they are "
                            "counted twice.",
                            **fields,
                        )
                    else:
                        overlap = _(
                            "{file}: its {platform} rows ({first:%d %b %Y} – {last:%d %b %Y}) "
                            "overlap those of {other}; if both files hold the same ads or posts, "
                            "they are counted twice.",
                            **fields,
                        )
                    report.warnings.append(overlap)
            spans.append((report.file, str(platform), first, last, report.export == ANALYTICS))
    return read


# ---------------------------------------------------------------- to canonical


NO_DATA = re.compile(
    r"^\s*(no data|no results|ingen data|sem dados|sin datos|keine daten)", re.IGNORECASE
)


def _to_canonical(
    name: str,
    raw: pd.DataFrame,
    column_map: Mapping[str, str],
    left_out_rows: Sequence[int] = (),
    today: date | None = None,
    decimal_marks: Mapping[str, str] | None = None,
    export_choice: str | None = None,
) -> tuple[pd.DataFrame, ImportReport]:
    today = today or date.today()
    decimal_marks = decimal_marks or {}
    report = ImportReport(file=name)
    report.warnings += raw.attrs.get("notes", [])
    headers = list(raw.columns)
    report.recognition = recognise_with_evidence([str(h) for h in headers], export_choice)
    export = report.recognition.export
    mapping, ignored = map_columns(headers, export, column_map)
    report.export = export.name if export else None
    report.column_map, report.ignored_columns = mapping, ignored
    declined = [header for header, chosen in column_map.items() if not chosen]
    if not any(target in MEASURES for target in mapping.values()) and not suggest_columns(
        raw, mapping, export, declined=declined
    ):  # with a column smroi can suggest, the file is read, and the Data page asks
        raise InputFileError(
            name,
            _(
                "none of its columns is a number smroi knows (such as spend, impressions, "
                "clicks, leads, conversions or revenue); check that the file has a row of "
                "column names."
            ),
        )
    first_row = int(raw.attrs.get("first_row", 2))
    hint = decimal_hint(raw.attrs.get("delimiter"))
    unread = raw.attrs.get("unread_rows", [])
    raw, first_row = _drop_description_row(raw, mapping, first_row, report)
    raw = _repair_shifted_rows(raw, first_row, report)
    report.rows_read = len(raw)
    if len(raw) > MAX_ROWS:
        raise InputFileError(
            name,
            _("the file has {rows:,} rows; the limit is {limit:,}.", rows=len(raw), limit=MAX_ROWS),
        )
    report.currency = _currency(name, raw, mapping)
    source = pd.DataFrame(
        {target: raw[header] for header, target in mapping.items()}, index=raw.index
    )
    # (reason, rows): each reason a Message, so that the Data page can translate it
    problems: list[tuple[str | pd.Series, pd.Series]] = [
        *_unread_rows(raw, unread, first_row),
        (LEFT_OUT_REASON, _chosen_rows(left_out_rows, first_row, raw.index)),
        (TOTALS_REASON, _totals_rows(raw, mapping)),
    ]
    columns: dict[str, pd.Series] = {}
    header_of = {column: header for header, column in mapping.items()}
    numbers_of = _numbers_of(source, header_of, decimal_marks, hint)

    for column in source.columns:
        values = source[column]
        if column in MEASURES:
            header = str(header_of[column])
            mark = decimal_marks.get(header)
            numbers = numbers_of[column]
            if mark in (".", ","):
                report.decimal_marks[header] = str(mark)
            columns[column] = numbers.values
            problems += _number_problems(name, header, values, numbers, report)
            if column in COUNTS:
                negative = numbers.values < 0
                problems.append((_cell_reasons(values, negative, header, NEGATIVE_COUNT), negative))
        elif column in DATES:
            days, bad, formats = read_dates(values)
            implausible = implausible_days(days, today)
            if len(values) and bad.all():  # "Sunday", "Q1": a Day column of no dates
                header = next(h for h, c in mapping.items() if c == column)
                report.ignored_columns.append(header)
                del mapping[header]
                report.warnings.append(
                    _(
                        "{file}: column {column} holds no dates (such as {example}), so it is "
                        "not read as dates.",
                        file=name,
                        column=repr(header),
                        example=shown_cell(values[bad].iloc[0]),
                    )
                )
                continue
            if implausible.any() and not (days.notna() & ~implausible).any():
                # 1, 2 … 31 in a "Day" column of a workbook: Excel serials of January 1900
                header = next(h for h, c in mapping.items() if c == column)
                report.ignored_columns.append(header)
                del mapping[header]
                report.warnings.append(
                    _(
                        "{file}: column {column} holds no date a report can have (such as "
                        "{example}), so it is not read as dates.",
                        file=name,
                        column=repr(header),
                        example=shown_cell(values[implausible].iloc[0]),
                    )
                )
                continue
            columns[column] = days.mask(implausible).astype("datetime64[ns]")
            problems.append((_("not a date in column {column}", column=column), bad))
            problems.append((implausible_reasons(days, implausible, column, today), implausible))
            report.warnings += _date_notes(name, column, formats)
        elif column == "paid":
            parsed, bad = _parse_paid(values)
            columns[column] = parsed
            problems.append((_("paid is not true/false or paid/organic"), bad))
        else:
            columns[column] = _clean_text(values)
    _results_by_indicator(raw, columns, report)
    _utm_from_links(raw, columns, report, column_map)
    if "engagements" not in columns:
        _engagements_from_parts(raw, columns, report, least=1 if _of_posts(export) else 2)
    if "date" not in columns:
        _period_from_title(raw, columns, report)
    if export and export.one_sale_per_row and "conversions" not in columns:
        # one order per row; Shopify writes an order's further line items on rows of their
        # own with the order's total left blank, and those are not orders
        orders = pd.Series(1.0, index=raw.index)
        columns["conversions"] = (
            orders.where(columns["revenue"].notna()) if "revenue" in columns else orders
        )
        if "revenue" in columns:
            problems.append((LINE_ITEM_REASON, columns["revenue"].isna()))
    not_social = _web_traffic(columns, raw.index, report) if export and export.web_analytics else []

    if len(raw) == 1 and NO_DATA.match(str(raw.iloc[0, 0])):
        raise InputFileError(
            name,
            _(
                "the export has no rows for its period (it says {text}).",
                text=shown_cell(raw.iloc[0, 0]),
            ),
        )
    measures = pd.DataFrame({c: columns[c] for c in columns if c in MEASURES}, index=raw.index)
    problems.append((TOTALS_REASON, _unlabelled_sum_rows(columns, measures)))
    problems += not_social
    if len(measures.columns):  # else the user is asked which column is which (suggestions)
        problems.append((_("no numbers in the row"), measures.isna().all(axis=1)))
    report.excluded = _excluded_rows(problems, first_row)
    keep = np.ones(len(source), dtype=bool)
    keep[report.excluded["row"].to_numpy() - first_row] = False

    _point_out_far_dates(columns, keep, first_row, report)
    _point_out_negative_amounts(columns, header_of, keep, first_row, report)

    table = pd.DataFrame(columns, index=source.index)[keep]
    if "platform" in table:
        table["platform"] = _normalise_platform(table["platform"])
    elif export:
        table["platform"] = export.platform
    elif named := _platform_from_file_name(name):
        table["platform"] = named
        report.warnings.append(
            _(
                "{file}: no platform column; its rows are counted as {platform}, as the file "
                "name says.",
                file=name,
                platform=repr(named),
            )
        )
    else:
        table["platform"] = "other"
        report.warnings.append(
            _("{file}: no platform column, so its rows are counted as 'other'.", file=name)
        )
    if "paid" not in table and export and export.paid is not None:
        table["paid"] = export.paid
    table[SOURCE] = name
    table = conform(table.reset_index(drop=True))
    report.rows_used = len(table)
    report.blank_counts = {
        column: int(blank)
        for column in MEASURES
        if column in columns and (blank := int(table[column].isna().sum()))
    }
    report.platforms = sorted(str(p) for p in table["platform"].dropna().unique())
    report.suggestions = suggest_columns(
        raw,
        report.column_map,
        export,
        filled=columns,
        declined=declined,
    )
    return table, report


# the rows of an orders export that carry an order's further items (Shopify leaves their
# total blank): left out with this reason, as they are not orders of their own
LINE_ITEM_REASON = _("a further item of the order above (its total is on the order's first row)")


def _of_posts(export: Export | None) -> bool:
    """A platform's export of its posts (YouTube Studio, Instagram, X, Facebook Insights):
    not an ad export, web analytics or an orders file."""
    return (
        export is not None
        and export.paid is not True
        and not export.web_analytics
        and not export.one_sale_per_row
    )


def _currency(name: str, raw: pd.DataFrame, mapping: Mapping[str, str]) -> str | None:
    """The file's currency, from all of its values: a currency column ("Currency code"), else
    the headers of its money columns ("Amount spent (INR)"), else the symbols or codes in its
    money cells ("£1,164.09", "1 234,50 NOK"). A file that names two cannot be added up."""
    money = [header for header, column in mapping.items() if column in MONEY_MEASURES]
    sources: list[tuple[str, set[str]]] = [
        (str(header), currencies_in_column(raw[header]))
        for header in raw.columns
        if normalise_header(header) in CURRENCY_COLUMNS
    ]
    sources.append((", ".join(map(str, money)), currencies_in_headers(money)))
    sources += [(str(header), currencies_in_cells(raw[header])) for header in money]
    for column, codes in sources:
        if len(codes) > 1:
            raise InputFileError(
                name,
                _(
                    "the file mixes currencies ({currencies}) in column {column}, and "
                    "amounts in different currencies cannot be added up; export one "
                    "currency per file.",
                    currencies=", ".join(sorted(codes)),
                    column=column,
                ),
            )
        if codes:
            return codes.pop()
    return None


def _numbers_of(
    source: pd.DataFrame,
    header_of: dict[str, str],
    decimal_marks: Mapping[str, str],
    hint: str | None,
) -> dict[str, Numbers]:
    """Each measure column read as numbers: with the mark the user chose for it, else the
    mark its own cells prove, else the mark the file's other columns prove ("1.000"
    impressions beside "12,50" of cost is 1000), else the file's `hint`."""
    chosen = {
        column: mark
        for column in source.columns
        if column in MEASURES and (mark := decimal_marks.get(str(header_of[column]))) in (".", ",")
    }
    numbers_of = {
        column: read_numbers(source[column], chosen.get(column), hint=hint)
        for column in source.columns
        if column in MEASURES
    }
    file_mark = file_decimal_mark(numbers_of.values())
    for column, numbers in numbers_of.items():
        unproved = column not in chosen and numbers.proved is None and not numbers.mixed
        if file_mark and unproved and numbers.decimal != file_mark:
            numbers_of[column] = read_numbers(source[column], hint=file_mark)
    return numbers_of


def _number_problems(
    name: str, header: str, values: pd.Series, numbers: Numbers, report: ImportReport
) -> list[tuple[str | pd.Series, pd.Series]]:
    """The cells of a number column that were not read, as problems (reason, rows): each
    named with its value, and the question a column that mixes decimal marks asks."""
    problems: list[tuple[str | pd.Series, pd.Series]] = []
    column = repr(header)
    for kind in (NOT_A_NUMBER, IMPOSSIBLE):
        cells = numbers.reasons == kind
        if cells.any():
            problems.append((_cell_reasons(values, cells, header, kind), cells))
    if numbers.mixed:
        point, comma = numbers.mixed
        report.mixed_decimal_columns[header] = numbers.mixed
        report.warnings.append(mixed_marks_warning(name, header, numbers.mixed))
        problems.append(
            (
                _(
                    "{column} mixes {point} and {comma}: which is the decimal mark?",
                    column=column,
                    point=point,
                    comma=comma,
                ),
                numbers.reasons == UNDECIDED,
            )
        )
    return problems


def mixed_marks_warning(file: str, column: str, examples: tuple[str, str]) -> str:
    """The warning about a column of a file that mixes decimal marks (examples: a cell that
    only the point reads, one that only the comma reads), as a Message."""
    return _(
        "{file}: {column} mixes {point} and {comma}, so those rows are left out until you "
        "choose which is the decimal mark (on the Data page, or with smroi's --decimal-mark).",
        file=file,
        column=repr(column),
        point=examples[0],
        comma=examples[1],
    )


def shown_cell(value: object, most: int = 40) -> str:
    """A cell as a sentence quotes it: in quotes, cut short after `most` characters."""
    text = str(value).strip()
    return repr(text if len(text) <= most else text[: most - 1] + "…")


# each kind of bad cell: the reason naming one cell, and the one many different cells share
_CELL_REASONS = {
    NOT_A_NUMBER: (
        N_("{value} in {column} is not a number"),
        N_("text that is not a number in {column}, such as {value}"),
    ),
    IMPOSSIBLE: (
        N_("{value} in {column} is an impossible amount"),
        N_("impossible amounts in {column}, such as {value}"),
    ),
    NEGATIVE_COUNT: (
        N_("{value} in {column} is a negative count, which cannot be"),
        N_("negative counts in {column}, which cannot be, such as {value}"),
    ),
}


def _cell_reasons(values: pd.Series, cells: pd.Series, header: str, kind: str) -> pd.Series:
    """Each of these cells' own reason, naming the cell as written ('0x10') and its column:
    one Message per distinct cell, or one for all when they are more than MOST_VALUES_NAMED."""
    own, shared = _CELL_REASONS[kind]

    def reason(template: str, value: object) -> str:
        return _(template, value=shown_cell(value), column=repr(header))

    reasons = pd.Series(None, index=values.index, dtype=object)
    if not cells.any():
        return reasons
    if values[cells].nunique() > MOST_VALUES_NAMED:  # one reason, not one per value
        reasons[cells] = reason(shared, values[cells].iloc[0])
    else:
        reasons[cells] = map_unique(values[cells], lambda value: reason(own, value))
    return reasons


def _point_out_negative_amounts(
    columns: Mapping[str, pd.Series],
    headers: Mapping[str, str],
    keep: np.ndarray,
    first_row: int,
    report: ImportReport,
) -> None:
    """Rows to be used with a negative amount of money (refunds and credits are written so):
    counted as written, listed in the report, and a warning for each column."""
    for column in MONEY_MEASURES:
        if column not in columns or column not in headers:
            continue
        negative = (columns[column] < 0).to_numpy() & keep
        if not negative.any():
            continue
        positions = np.flatnonzero(negative)
        header = str(headers[column])
        amounts = columns[column].to_numpy()[positions]
        rows = [int(position) + first_row for position in positions]
        report.negative_amounts += [
            (row, header, float(amount)) for row, amount in zip(rows, amounts, strict=True)
        ]
        report.warnings.append(
            _n(
                "{file}: {count:,} row has a negative {column} (a refund or credit?), counted "
                "as written: row {rows}.",
                "{file}: {count:,} rows have a negative {column} (refunds or credits?), counted "
                "as written: rows {rows}.",
                len(rows),
                file=report.file,
                count=len(rows),
                column=repr(header),
                rows=listed(rows),
            )
        )


def _chosen_rows(rows: Sequence[int], first_row: int, index: pd.Index) -> pd.Series:
    """The rows the user chose to leave out, by spreadsheet row number (others ignored)."""
    positions = np.asarray([int(row) - first_row for row in rows], dtype="int64")
    chosen = np.zeros(len(index), dtype=bool)
    chosen[positions[(positions >= 0) & (positions < len(index))]] = True
    return pd.Series(chosen, index=index)


def _point_out_far_dates(
    columns: Mapping[str, pd.Series], keep: np.ndarray, first_row: int, report: ImportReport
) -> None:
    """Rows to be used that are dated far from the file's others: listed in the report, and
    a warning (they stretch monthly costs); they are kept."""
    present = [column for column in DATES if column in columns]
    if not present:
        return
    days = pd.DataFrame({column: columns[column] for column in present})
    days = days[keep].reset_index(drop=True)
    far = outlying_rows(days)
    if not far.any():
        return
    first, last = main_span(days, far)
    positions = np.flatnonzero(keep)[far.to_numpy()]
    far_days = far_day(days[far], first, last)
    report.outlying_dates = [
        (int(position) + first_row, day.date())
        for position, day in zip(positions, far_days, strict=True)
    ]
    report.warnings.append(outlier_warning(report.file, report.outlying_dates, first, last))


def _unread_rows(
    raw: pd.DataFrame, unread: list[tuple[str, list[int]]], first_row: int
) -> list[tuple[str, pd.Series]]:
    """The rows the reader could not read (a line with more cells than the header), each an
    empty row of `raw` at its place, as problems: (reason, rows)."""
    numbers = first_row + np.arange(len(raw))
    return [(reason, pd.Series(np.isin(numbers, rows), index=raw.index)) for reason, rows in unread]


def _excluded_rows(
    problems: list[tuple[str | pd.Series, pd.Series]], first_row: int
) -> pd.DataFrame:
    """Each bad row once, with the first problem found in it, numbered as in the spreadsheet.

    A problem's reason is one Message for all its rows, or a Series with each row's own."""
    rows: list[np.ndarray] = []
    reasons: list[str] = []  # Messages, kept as objects in the reason column
    seen = np.zeros(len(problems[0][1]) if problems else 0, dtype=bool)
    for reason, bad in problems:
        new = bad.to_numpy(dtype=bool) & ~seen
        if new.any():
            positions = np.flatnonzero(new)
            rows.append(positions)
            if isinstance(reason, pd.Series):
                reasons += list(reason.to_numpy(dtype=object)[positions])
            else:
                reasons += [reason] * len(positions)
            seen |= new
    if not rows:
        return pd.DataFrame({"row": pd.Series(dtype="int64"), "reason": pd.Series(dtype="object")})
    positions = np.concatenate(rows)
    order = np.argsort(positions, kind="stable")
    return pd.DataFrame(
        {
            "row": (positions[order] + first_row).astype("int64"),
            # object, not str: pandas would turn the Messages into plain str
            "reason": pd.Series(np.array(reasons, dtype=object)[order], dtype=object),
        }
    )
