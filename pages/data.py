"""Data: the table as loaded, what each file gave, and what was left out and why."""

import pandas as pd
import streamlit as st

from smroi import MAPPABLE
from smroi.formatting import plural
from ui.frame import require_frame
from ui.mapping import mapping_editor, sheet_choice
from ui.state import get_view
from ui.widgets import plain

require_frame()

SHOW_ROWS = 5_000

view = get_view()
loaded = view.data

st.title("Your data")
reports = loaded.reports
summary = pd.DataFrame(
    [
        {
            "File": r.file,
            "Platforms": ", ".join(r.platforms) or "—",
            "Recognised as": r.export or "—",
            "Currency": r.currency or "—",
            "Rows read": r.rows_read,
            "Rows used": r.rows_used,
            "Rows left out": r.rows_read - r.rows_used,
            "Problem": r.error or "",
        }
        for r in reports
    ]
)
st.caption("Every row read is either in the table below or listed here with its reason.")
counts = {
    column: st.column_config.NumberColumn(column, format="%,d")
    for column in ("Rows read", "Rows used", "Rows left out")
}
st.dataframe(summary, hide_index=True, column_config=counts)

read_only = loaded.shared is not None
for number, report in enumerate(reports):
    if report.error:
        if not read_only:
            sheet_choice(report, number)
        continue
    with st.expander(
        f"{plain(report.file)}: {report.rows_used:,} of {report.rows_read:,} rows used"
    ):
        if read_only:
            st.markdown("**What each column is read as**")
            st.dataframe(
                pd.DataFrame(
                    {
                        "Column in the file": list(report.column_map),
                        "Read as": list(report.column_map.values()),
                    }
                ),
                hide_index=True,
            )
        else:
            sheet_choice(report, number)
            st.markdown("**What each column is read as** (change it here if it is wrong)")
            mapping_editor(report, number)
        special = {h: c for h, c in report.column_map.items() if c not in MAPPABLE}
        for header, how in special.items():
            st.caption(f"{plain(header)}: {plain(how)}")
        if report.currency:
            st.markdown(f"**Currency in the headers:** {plain(report.currency)}")
        for warning in report.warnings:
            st.warning(plain(warning))
        if report.rows_excluded:
            st.markdown(f"**Rows left out ({report.rows_excluded:,})**")
            excluded = report.excluded.rename(columns={"row": "Row in file", "reason": "Reason"})
            st.dataframe(excluded, hide_index=True)

table = loaded.table
st.subheader(f"The table ({plural(len(table), 'row')})")
if len(table) > SHOW_ROWS:
    st.caption(f"Showing the first {SHOW_ROWS:,} rows.")
dates = {
    column: st.column_config.DateColumn(column, format="YYYY-MM-DD")
    for column in ("date", "period_end")
}
st.caption("An empty cell (—) was not reported in the file; it is not a zero.")
st.dataframe(table.head(SHOW_ROWS), hide_index=True, column_config=dates, placeholder="—")
