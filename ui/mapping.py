"""The mapping editor: what each column of a file is read as, changed by the user."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from smroi import MAPPABLE, ImportReport
from smroi.canonical import COLUMN_LABELS
from smroi.exports import EXPORTS_BY_KEY, NO_EXPORT
from smroi.i18n import DEFAULT_LANGUAGE, N_, fill, translator
from ui import state
from ui.i18n import language, nt, t, tr
from ui.widgets import plain

NOT_USED = "(not used)"  # the option's value; its label is translated
AUTOMATIC = "(automatic)"  # the platform export's option that recognises it from its columns
NOT_USED_LABEL = N_("(not used)")
# Translators: a column of smroi's table: what it holds in words, then its own name
WITH_NAME = N_("{label} ({column})")


def column_labels() -> Callable[[object], str]:
    """A canonical column's name for the user: the name itself in English (as settings
    files and the command line write it), else the column in words with its name
    ("Annonsekostnad (spend)"). Text that is not a canonical column is shown as it is (a
    Message is translated). Read the language now: a format_func may run outside the run."""
    lang = language()
    translate = translator(lang)

    def label(column: object) -> str:  # object: a table cell's value, as data_editor passes it
        if column == NOT_USED:
            return translate(NOT_USED_LABEL)
        if not isinstance(column, str) or column not in COLUMN_LABELS:
            return tr(column) if lang != DEFAULT_LANGUAGE else str(column)
        if lang == DEFAULT_LANGUAGE:
            return column
        words = translate(COLUMN_LABELS[column])
        return fill(translate(WITH_NAME), lang, label=words, column=column)

    return label


def mapping_editor(report: ImportReport, number: int) -> None:
    """A table of the file's columns with what each is read as; a change is applied at once
    (the file is read again) and kept in the settings' column_map. A column smroi suggests
    (ImportReport.suggestions) shows the suggested column, marked as a suggestion: it is
    read as it only once the user confirms it (the button below the table)."""
    headers = [h for h in report.column_map if report.column_map[h] in MAPPABLE]
    headers += [h for h in report.ignored_columns if h not in headers]
    suggested = {s.header: s.canonical for s in report.suggestions if s.header in headers}
    shown = [suggested.get(h, report.column_map.get(h, NOT_USED)) for h in headers]
    in_file, read_as = t("Column in your file"), t("Read as")
    frame = pd.DataFrame({in_file: headers, read_as: shown})
    if suggested:
        note = t("suggested: not read as it until you confirm")
        frame[t("Suggestion")] = [note if h in suggested else "" for h in headers]
    version = st.session_state.get(state.MAPPING_VERSION, 0)
    edited = st.data_editor(
        frame,
        key=f"{state.MAPPING_EDITOR}.{number}.{version}",
        hide_index=True,
        disabled=[column for column in frame.columns if column != read_as],
        num_rows="fixed",
        column_config={
            read_as: st.column_config.SelectboxColumn(
                read_as,
                options=[NOT_USED, *MAPPABLE],
                format_func=column_labels(),
                required=True,
                help=t(
                    "Change what a column is read as, or leave it out. Saved with your "
                    "settings, so the command line reads your files the same way."
                ),
            )
        },
    )
    changes = {
        header: ("" if chosen == NOT_USED else chosen)
        for header, before, chosen in zip(headers, shown, edited[read_as], strict=True)
        if chosen != before
    }
    if changes:
        state.change_column_map(changes)
        st.rerun()
    if suggested and st.button(
        nt("Use the suggestion", "Use the suggestions", len(suggested)),
        key=f"{state.MAPPING_EDITOR}.confirm.{number}",
        type="primary",
    ):
        state.change_column_map(suggested)
        st.rerun()
    chosen_here = [h for h in headers if h in state.base_settings().column_map]
    if chosen_here and st.button(
        t("Back to automatic"), key=f"{state.MAPPING_EDITOR}.reset.{number}"
    ):
        state.forget_column_map(chosen_here)
        st.rerun()


def sheet_choice(report: ImportReport, number: int) -> None:
    """For a workbook of several sheets: which one to read (smroi picks the one whose
    column names it knows best)."""
    if report.error:
        if state.chosen_sheet(report.file) and st.button(
            t("Back to the sheet smroi picks"), key=f"{state.SHEET_CHOICE}.back.{number}"
        ):
            state.choose_sheet(report.file, None)
            st.rerun()
        return
    if len(report.sheets) < 2 or report.sheet is None:
        return
    chosen = st.selectbox(
        t("Sheet"),
        report.sheets,
        index=report.sheets.index(report.sheet),
        key=f"{state.SHEET_CHOICE}.{number}",
        help=t("The workbook has several sheets; pick the one that holds the table."),
    )
    # compare with the stored choice: when the chosen sheet has no table, the page still
    # shows the data it had (another sheet), and must not choose again and again
    if chosen != (state.chosen_sheet(report.file) or report.sheet):
        state.choose_sheet(report.file, chosen)
        st.rerun()


def platform_choice(report: ImportReport, number: int, *, read_only: bool = False) -> None:
    """Which platform's export the file was read as and why (its columns that only that
    platform writes), as information when the guess is sure and as a warning when it is not;
    and, unless read-only, a choice of another platform's export (or none)."""
    note = plain(tr(report.recognition_note()))
    if report.recognition.sure:
        st.caption(note)
    else:
        st.warning(note)
    if read_only:
        return
    options = [AUTOMATIC, *EXPORTS_BY_KEY, NO_EXPORT]
    current = state.chosen_export(report.file) or AUTOMATIC
    labels = {
        AUTOMATIC: t("Recognise it from its columns"),
        NO_EXPORT: t("None of these: read its columns by their names"),
        **{key: export.name for key, export in EXPORTS_BY_KEY.items()},
    }
    chosen = st.selectbox(
        t("Platform export"),
        options,
        index=options.index(current) if current in options else 0,
        format_func=labels.__getitem__,
        key=f"{state.EXPORT_CHOICE}{number}",
        help=t(
            "Which platform's export the file is: it decides the platform of its rows and "
            "the platform's own names for its columns."
        ),
    )
    if chosen != current:
        state.choose_export(report.file, None if chosen == AUTOMATIC else chosen)
        st.rerun()
