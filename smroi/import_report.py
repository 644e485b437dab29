"""The report of one imported file: what was recognised, used and left out, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from smroi.exports import Recognition
from smroi.i18n import _, _n, listed
from smroi.unused_columns import Suggestion

# the reason for rows the user chose to leave out (the Overview's "Leave row 14 out")
LEFT_OUT_REASON = _("left out by you")


MOST_COLUMNS_NAMED = 20  # a sentence names this many of the columns not used, at most


@dataclass
class ImportReport:
    """What happened to one file: what was recognised, used and left out, and why."""

    file: str
    rows_read: int = 0
    rows_used: int = 0
    platforms: list[str] = field(default_factory=list)
    column_map: dict[str, str] = field(default_factory=dict)  # source header -> canonical
    ignored_columns: list[str] = field(default_factory=list)
    excluded: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(
            {"row": pd.Series(dtype="int64"), "reason": pd.Series(dtype="object")}
        )
    )
    currency: str | None = None
    export: str | None = None  # the platform export recognised, if any
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets
    sheet: str | None = None  # the sheet read
    # canonical measure -> rows used that leave it blank (not reported there, not 0)
    blank_counts: dict[str, int] = field(default_factory=dict)
    # sentences for the user, as smroi.i18n Messages: English as str, translatable in the app
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    # rows used that are dated far from the file's others, each with that day (one of the
    # warnings says so); spreadsheet row numbers, as in `excluded`
    outlying_dates: list[tuple[int, date]] = field(default_factory=list)
    # number columns (their headers) whose cells prove both decimal marks ("1,234.50" and
    # "1.234,50"), each with an example of each; their cells that read differently with
    # either mark are left out until the user chooses (read_file's decimal_marks)
    mixed_decimal_columns: dict[str, tuple[str, str]] = field(default_factory=dict)
    # the decimal marks the user chose that this file's columns were read with: header -> mark
    decimal_marks: dict[str, str] = field(default_factory=dict)
    # rows used with a negative amount of money (refunds, credits): (row, column, amount)
    negative_amounts: list[tuple[int, str, float]] = field(default_factory=list)
    # columns read as nothing that most likely hold a core measure the file lacks
    # (smroi.unused_columns): asked about first, applied only when the user chooses them
    suggestions: list[Suggestion] = field(default_factory=list)
    # which platform's export the file is (`export`), from which of its columns, and
    # whether the guess is sure; or the user's choice (read_file's export_choice)
    recognition: Recognition = field(default_factory=lambda: Recognition(None))

    @property
    def rows_excluded(self) -> int:
        """How many rows were read but not used."""
        return len(self.excluded)

    def rows_left_out_by_user(self) -> list[int]:
        """The rows the user chose to leave out (they can bring them back)."""
        chosen = self.excluded["reason"].astype(str) == str(LEFT_OUT_REASON)
        return [int(row) for row in self.excluded.loc[chosen, "row"]]

    def summary(self) -> list[str]:
        """The report as sentences (the CLI's warnings; the Excel report's notes): Messages,
        English as str, translatable with smroi.i18n.translate_message."""
        if self.error:
            return [self.error]
        lines = [*self.suggestion_notes()]
        if not self.recognition.sure:
            lines.append(self.recognition_note())
        lines += self.warnings
        if len(self.ignored_columns) > MOST_COLUMNS_NAMED:
            lines.append(
                _(
                    "{file}: {count:,} columns not used, among them {columns}.",
                    file=self.file,
                    count=len(self.ignored_columns),
                    columns=", ".join(self.ignored_columns[:MOST_COLUMNS_NAMED]),
                )
            )
        elif self.ignored_columns:
            lines.append(
                _(
                    "{file}: columns not used: {columns}.",
                    file=self.file,
                    columns=", ".join(self.ignored_columns),
                )
            )
        lines += self.blank_notes()
        reasons = self.reasons()
        for reason, group in self.excluded.groupby("reason", sort=False):
            rows = group["row"].tolist()
            lines.append(
                _n(
                    "{file}: {count:,} row left out ({reason}): row {rows}.",
                    "{file}: {count:,} rows left out ({reason}): rows {rows}.",
                    len(rows),
                    file=self.file,
                    count=len(rows),
                    reason=reasons.get(str(reason), reason),
                    rows=listed(rows),
                )
            )
        return lines

    def recognition_note(self) -> str:
        """Which platform's export the file was read as, and why: the columns that say so,
        the user's choice, or that none was recognised."""
        found = self.recognition
        fields = {"file": self.file, "export": found.export.name if found.export else ""}
        if found.chosen:
            if found.export is None:
                return _(
                    "{file}: read as no platform's export, as you chose; its columns are read "
                    "by their names.",
                    **fields,
                )
            return _("{file}: read as {export}, as you chose.", **fields)
        if found.export is None:
            return _(
                "{file}: not recognised as any platform's export; its columns are read by "
                "their names.",
                **fields,
            )
        columns = ", ".join(repr(header) for header in found.evidence)
        if found.sure:
            return _n(
                "{file}: recognised as {export} from its column {columns}.",
                "{file}: recognised as {export} from its columns {columns}.",
                len(found.evidence),
                columns=columns,
                **fields,
            )
        if found.others:
            return _n(
                "{file}: read as {export} from its column {columns}, but it also has columns "
                "of {others}; if it is another platform's export, choose the platform on the "
                "Data page.",
                "{file}: read as {export} from its columns {columns}, but it also has columns "
                "of {others}; if it is another platform's export, choose the platform on the "
                "Data page.",
                len(found.evidence),
                columns=columns,
                others=", ".join(other.name for other in found.others),
                **fields,
            )
        return _(
            "{file}: read as {export} from one column only ({columns}); if it is another "
            "platform's export, choose the platform on the Data page.",
            columns=columns,
            **fields,
        )

    def suggestion_notes(self) -> list[str]:
        """For each suggestion: the column, what it holds, and the measure it may be."""
        return [suggestion_note(self.file, suggestion) for suggestion in self.suggestions]

    def blank_notes(self) -> list[str]:
        """For each measure some used rows leave blank: how many, and that it is not 0."""
        return [
            _n(
                "{file}: {count:,} of {rows:,} rows leaves {column} blank, so it counts as "
                "not reported there, not as 0.",
                "{file}: {count:,} of {rows:,} rows leave {column} blank, so it counts as "
                "not reported there, not as 0.",
                count,
                file=self.file,
                count=count,
                rows=self.rows_used,
                column=column,
            )
            for column, count in self.blank_counts.items()
        ]

    def reasons(self) -> dict[str, str]:
        """Each reason a row was left out, by its English text: the Message it was written
        as (a groupby on the reason column gives plain str keys; this gives them back)."""
        return {str(reason): reason for reason in self.excluded["reason"].drop_duplicates()}


def suggestion_note(file: str, suggestion: Suggestion) -> str:
    """'{file}: 'Costo' holds money but is not read as anything: is it your ad spend? …'"""
    fields = {"file": file, "column": repr(suggestion.header)}
    if suggestion.canonical == "spend":
        return _(
            "{file}: {column} holds money but is not read as anything: is it your ad spend? "
            "Choose it in the column mapping (Data page).",
            **fields,
        )
    if suggestion.canonical == "revenue":
        return _(
            "{file}: {column} holds money but is not read as anything: is it your revenue? "
            "Choose it in the column mapping (Data page).",
            **fields,
        )
    if suggestion.canonical == "impressions":
        return _(
            "{file}: {column} holds counts but is not read as anything: are they your "
            "impressions? Choose it in the column mapping (Data page).",
            **fields,
        )
    if suggestion.canonical == "clicks":
        return _(
            "{file}: {column} holds counts but is not read as anything: are they your clicks? "
            "Choose it in the column mapping (Data page).",
            **fields,
        )
    if suggestion.canonical == "conversions":
        return _(
            "{file}: {column} holds numbers but is not read as anything: are they your "
            "conversions (sales)? Choose it in the column mapping (Data page).",
            **fields,
        )
    return _(
        "{file}: {column} holds numbers but is not read as anything: choose what it is in "
        "the column mapping (Data page).",
        **fields,
    )
