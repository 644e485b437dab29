"""Attribution: which channel gets the credit for a sale, under five models, with coupon
codes and what customers say beside it."""

import pandas as pd
import streamlit as st

from smroi import DASH, InputFileError, SmroiError, charts, format_money
from smroi.attribution import (
    DEFAULT_HALF_LIFE_DAYS,
    DEFAULT_LOOKBACK_DAYS,
    MODEL_HELP,
    MODELS,
    SURVEY_RULES,
    attribute_coupons,
    coupon_map,
    self_reported,
)
from ui import data, state
from ui.frame import note_page_files, require_frame
from ui.state import get_view
from ui.widgets import chart_with_downloads, number_format, plain

require_frame()

view = get_view()
currency = view.settings.currency
MONEY = number_format("revenue", currency)
FILE_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls"]

st.title("Which channel brought the sale?")
st.markdown(
    "Upload the **touchpoints** (journey or visitor id, time, channel; a campaign if you "
    "have it) and the **conversions** (journey id, time, value), or one file with both. "
    "Each conversion's value is shared over the touches before it, within the lookback "
    "window, by the model you choose. Touches after a conversion, and journeys that did "
    "not convert, get nothing."
)

note_page_files(view)
left, right = st.columns(2)
touch_file = left.file_uploader(
    "Touchpoints (or one file with both)", type=FILE_TYPES, key=state.ATTRIBUTION_TOUCHES
)
conversion_file = right.file_uploader(
    "Conversions (optional)", type=FILE_TYPES, key=state.ATTRIBUTION_CONVERSIONS
)

if touch_file is None:
    st.info("You are looking at sample journeys — upload your own above.")
    touches = (data.SAMPLE_JOURNEYS.name, data.SAMPLE_JOURNEYS.read_bytes())
else:
    touches = (touch_file.name, touch_file.getvalue())
conversions = (
    None
    if conversion_file is None
    else (
        conversion_file.name,
        conversion_file.getvalue(),
    )
)
try:
    journeys = data.journeys(touches, conversions)
    journeys_key = data.journeys_key(touches, conversions)
    st.session_state[state.ATTRIBUTION_LAST_GOOD] = (journeys_key, journeys)
except SmroiError as error:
    st.error(plain(error))
    if state.ATTRIBUTION_LAST_GOOD not in st.session_state:
        st.stop()
    journeys_key, journeys = st.session_state[state.ATTRIBUTION_LAST_GOOD]
    st.caption("Showing the journeys read before.")

model = (
    st.segmented_control(
        "Model",
        list(MODELS),
        default="last",
        format_func=MODELS.__getitem__,
        key=state.ATTRIBUTION_MODEL,
    )
    or "last"
)
c2, c3, _ = st.columns(3)
half_life = c2.number_input(
    "Half-life (days)",
    min_value=0.1,
    value=DEFAULT_HALF_LIFE_DAYS,
    step=1.0,
    key=state.ATTRIBUTION_HALF_LIFE,
    help="Time decay: a touch this many days before the conversion counts half as much "
    "as one at the moment of conversion.",
)
lookback = c3.number_input(
    "Lookback (days)",
    min_value=0.0,
    value=DEFAULT_LOOKBACK_DAYS,
    step=1.0,
    key=state.ATTRIBUTION_LOOKBACK,
    help="Only touches at most this many days before a conversion share in it.",
)
st.caption(f"**{MODELS[model]}**: {MODEL_HELP[model]}")

result = data.attribution(journeys_key, journeys, model, half_life, lookback)
for warning in dict.fromkeys((*journeys.warnings, *result.warnings)):
    st.caption(f":material/info: {plain(warning)}")

a, b, c = st.columns(3)
table = result.by_channel
a.metric("Conversions credited", f"{table['conversions'].sum():,.0f}", border=True)
b.metric(
    "Value credited",
    format_money(table["value"].sum(), currency),
    border=True,
    help="The value of the conversions with at least one touch in their window.",
)
c.metric(
    "Conversions with no touch",
    f"{result.unattributed_conversions:,.0f}",
    border=True,
    help="Conversions with no touch in their lookback window: reported, never dropped.",
)

compared = data.model_comparison(journeys_key, journeys, half_life, lookback)
chart_with_downloads(
    charts.attribution_by_model(compared, MODELS, currency),
    compared.rename(columns=MODELS).reset_index(),
    "attribution-by-model",
)

st.subheader(f"By channel, {MODELS[model].lower()}")
st.dataframe(
    result.table(),
    hide_index=True,
    placeholder=DASH,
    column_config={
        "channel": st.column_config.TextColumn("Channel"),
        "conversions": st.column_config.NumberColumn(
            "Conversions", format="%,.2f", help="Fractional: a shared sale counts in parts."
        ),
        "value": st.column_config.NumberColumn(f"Value ({currency})", format=MONEY),
    },
)

st.header("Coupon codes")
st.caption(
    "Orders in your data with a coupon code (Shopify's Discount Code) go to the platform "
    "that gave the code out. Upload a table of code and platform."
)
coupon_file = st.file_uploader(
    "Coupon codes and platforms", type=FILE_TYPES, key=state.COUPON_UPLOAD
)
try:
    if coupon_file is not None:
        coupon_table = data.small_table(coupon_file.name, coupon_file.getvalue())
        source = coupon_file.name
    elif view.data.is_sample:
        coupon_table = data.small_table(data.SAMPLE_COUPONS.name, data.SAMPLE_COUPONS.read_bytes())
        source = data.SAMPLE_COUPONS.name
        st.caption("Sample codes: FB10 on Facebook, IG15 and SUMMER20 on Instagram.")
    else:
        # no table yet: every code in the data is listed as not given out by any platform
        coupon_table = pd.DataFrame({"coupon code": [], "platform": []})
        source = "coupon table"
    coupons = attribute_coupons(view.analysis.rows, coupon_map(coupon_table, source=source))
except (InputFileError, SmroiError) as error:
    st.error(plain(error))
else:
    if coupons.by_platform.empty and coupons.unmatched.empty:
        st.info("No orders in the data carry a coupon code.")
    else:
        st.dataframe(
            coupons.by_platform,
            hide_index=True,
            column_config={
                "platform": st.column_config.TextColumn("Platform"),
                "orders": st.column_config.NumberColumn("Orders", format="%,.1f"),
                "value": st.column_config.NumberColumn(f"Value ({currency})", format=MONEY),
            },
        )
        if not coupons.unmatched.empty:
            st.caption("Codes no platform gave out (not counted above):")
            st.dataframe(coupons.unmatched, hide_index=True)

st.header("What customers say")
st.caption(
    'Answers to "How did you hear about us?", matched to channels by the keywords below '
    "(whole words; edit them). Shown beside the tracked figures, never added to them: "
    "people remember the last thing they noticed, not every touch."
)
survey_file = st.file_uploader("Survey answers", type=FILE_TYPES, key=state.SURVEY_UPLOAD)
rules_frame = pd.DataFrame({"Keyword": list(SURVEY_RULES), "Channel": list(SURVEY_RULES.values())})
with st.expander("Keyword rules"):
    edited = st.data_editor(
        rules_frame, num_rows="dynamic", hide_index=True, key=state.SURVEY_RULES_EDITOR
    )
rules = {
    str(row["Keyword"]): str(row["Channel"])
    for _, row in edited.iterrows()
    if isinstance(row["Keyword"], str) and row["Keyword"].strip()
}
try:
    if survey_file is not None:
        answers_table = data.small_table(survey_file.name, survey_file.getvalue())
    else:
        answers_table = data.small_table(data.SAMPLE_SURVEY.name, data.SAMPLE_SURVEY.read_bytes())
        st.caption("Sample answers from 150 buyers.")
    said = self_reported(answers_table.iloc[:, 0], rules)
except (InputFileError, SmroiError) as error:
    st.error(plain(error))
else:
    tracked = table.set_index("channel")["conversions"]
    side_by_side = said.assign(
        share=said["answers"] / said["answers"].sum() * 100,
        tracked=said["channel"].map(tracked),
    )
    st.dataframe(
        side_by_side,
        hide_index=True,
        placeholder=DASH,
        column_config={
            "channel": st.column_config.TextColumn("Channel"),
            "answers": st.column_config.NumberColumn("Answers", format="%,d"),
            "share": st.column_config.NumberColumn("Share of answers", format="%.1f%%"),
            "tracked": st.column_config.NumberColumn(
                f"Tracked conversions ({MODELS[model].lower()})", format="%,.2f"
            ),
        },
    )
