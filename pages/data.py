"""Data: the table as loaded, what each file gave, and what was left out and why."""

import pandas as pd
import streamlit as st

from smroi import MAPPABLE
from smroi.canonical import COLUMN_LABELS
from smroi.registry import METRICS
from ui.frame import decimal_mark_choice, require_frame, use_again_button
from ui.i18n import nt, number, t, tr
from ui.mapping import column_labels, mapping_editor, platform_choice, sheet_choice
from ui.state import get_view
from ui.widgets import data_table, english_format, localised_table, plain, written_numbers

require_frame()

SHOW_ROWS = 5_000

view = get_view()
loaded = view.data
label = column_labels()

st.title(t("Your data"))
reports = loaded.reports
FILE, PLATFORMS, RECOGNISED, CURRENCY = t("File"), t("Platforms"), t("Recognised as"), t("Currency")
READ, USED, LEFT_OUT, PROBLEM = t("Rows read"), t("Rows used"), t("Rows left out"), t("Problem")
summary = pd.DataFrame(
    [
        {
            FILE: r.file,
            PLATFORMS: ", ".join(r.platforms) or "—",
            RECOGNISED: r.export or "—",
            CURRENCY: r.currency or "—",
            READ: r.rows_read,
            USED: r.rows_used,
            LEFT_OUT: r.rows_read - r.rows_used,
            PROBLEM: tr(r.error) if r.error else "",
        }
        for r in reports
    ],
    columns=[FILE, PLATFORMS, RECOGNISED, CURRENCY, READ, USED, LEFT_OUT, PROBLEM],
)
st.caption(t("Every row read is either in the table below or listed here with its reason."))
count_formats = {
    column: st.column_config.NumberColumn(column, format=english_format("%,d"))
    for column in (READ, USED, LEFT_OUT)
}
data_table(
    localised_table(summary, dict.fromkeys((READ, USED, LEFT_OUT), "count")),
    hide_index=True,
    column_config=count_formats,
)

read_only = loaded.shared is not None
for position, report in enumerate(reports):
    if report.error:
        if not read_only:
            sheet_choice(report, position)
        continue
    if not read_only:
        decimal_mark_choice(report, position)
    with st.expander(
        nt(
            "{file}: {used} of {read} row used",
            "{file}: {used} of {read} rows used",
            report.rows_read,
            file=plain(report.file),
            used=number(report.rows_used, "count"),
            read=number(report.rows_read, "count"),
        ),
        # a column smroi asks about, or a platform it is unsure of: open at the question
        expanded=bool(report.suggestions) or not report.recognition.sure,
    ):
        for note in report.suggestion_notes():
            st.warning(plain(tr(note)))
        platform_choice(report, position, read_only=read_only)
        if read_only:
            st.markdown(t("**What each column is read as**"))
            data_table(
                pd.DataFrame(
                    {
                        t("Column in the file"): list(report.column_map),
                        t("Read as"): [label(how) for how in report.column_map.values()],
                    }
                ),
                hide_index=True,
            )
        else:
            sheet_choice(report, position)
            st.markdown(t("**What each column is read as** (change it here if it is wrong)"))
            mapping_editor(report, position)
        special = {h: c for h, c in report.column_map.items() if c not in MAPPABLE}
        for header, how in special.items():
            st.caption(t("{column}: {how}", column=plain(header), how=plain(tr(how))))
        if report.currency:
            st.markdown(
                t("**Currency of its amounts:** {currency}", currency=plain(report.currency))
            )
        for warning in report.warnings:
            st.warning(plain(tr(warning)))
        for note in report.blank_notes():
            st.info(plain(tr(note)))
        if report.rows_excluded:
            st.markdown(
                t("**Rows left out ({count})**", count=number(report.rows_excluded, "count"))
            )
            reasons = {text: tr(reason) for text, reason in report.reasons().items()}
            excluded = pd.DataFrame(
                {
                    t("Row in file"): report.excluded["row"],
                    t("Reason"): report.excluded["reason"].map(reasons),
                }
            )
            data_table(excluded, hide_index=True)
            if not read_only:
                use_again_button(report, position)

table = loaded.table
st.subheader(
    nt(
        "The table ({rows} row)",
        "The table ({rows} rows)",
        len(table),
        rows=number(len(table), "count"),
    )
)
if len(table) > SHOW_ROWS:
    st.caption(t("Showing the first {rows} rows.", rows=number(SHOW_ROWS, "count")))
# amounts as the file gives them (each file in its own currency), counts as whole numbers
amounts = [c for c in table.columns if c in METRICS and METRICS[c].unit == "money"]
counts = [c for c in table.select_dtypes("number").columns if c not in amounts and c != "paid"]
rows, written = written_numbers(table.head(SHOW_ROWS), amounts, counts, ["date", "period_end"])
columns = {}
for column in table.columns:
    if column not in COLUMN_LABELS:
        continue
    shown = written.get(column) or st.column_config.Column()
    columns[column] = {**shown, "label": label(column)}
st.caption(t("An empty cell (—) was not reported in the file; it is not a zero."))
data_table(rows, hide_index=True, column_config=columns, placeholder="—")
