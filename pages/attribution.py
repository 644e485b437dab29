"""Attribution: which channel gets the credit for a sale, under five models, with coupon
codes and what customers say beside it."""

import pandas as pd
import streamlit as st

from smroi import DASH, InputFileError, SmroiError, charts
from smroi.attribution import (
    DEFAULT_HALF_LIFE_DAYS,
    DEFAULT_LOOKBACK_DAYS,
    MODEL_HELP,
    MODELS,
    NO_ANSWER,
    NO_TOUCH,
    OTHER,
    SURVEY_RULES,
    attribute_coupons,
    coupon_map,
    self_reported,
)
from smroi.i18n import chart_translator
from ui import data, state
from ui.frame import note_page_files, require_frame
from ui.i18n import digits, language, money, number, option_labels, t, tr
from ui.state import get_view
from ui.widgets import (
    chart_with_downloads,
    data_table,
    english_format,
    error_text,
    localised_table,
    number_format,
    plain,
)

require_frame()

view = get_view()
currency, lang = view.settings.currency_code, language()
MONEY = number_format("revenue", currency)
FILE_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "xls"]


def model_name(key: str) -> str:
    """A model's name in the session's language ('Last touch', 'Siste berøring')."""
    return t(MODELS[key])


locked = view.data.shared is not None  # a share link's viewer uploads nothing

st.title(t("Which channel brought the sale?"))
if locked:
    st.markdown(
        t(
            "Each conversion's value is shared over the touches before it, within the "
            "lookback window, by the model you choose. Touches after a conversion, and "
            "journeys that did not convert, get nothing."
        )
    )
else:
    st.markdown(
        t(
            "Upload the **touchpoints** (journey or visitor id, time, channel; a campaign if "
            "you have it) and the **conversions** (journey id, time, value), or one file with "
            "both. Each conversion's value is shared over the touches before it, within the "
            "lookback window, by the model you choose. Touches after a conversion, and "
            "journeys that did not convert, get nothing."
        )
    )

note_page_files(view)
touch_file = conversion_file = coupon_file = survey_file = None
if not locked:
    left, right = st.columns(2)
    touch_file = left.file_uploader(
        t("Touchpoints (or one file with both)"), type=FILE_TYPES, key=state.ATTRIBUTION_TOUCHES
    )
    conversion_file = right.file_uploader(
        t("Conversions (optional)"), type=FILE_TYPES, key=state.ATTRIBUTION_CONVERSIONS
    )

if touch_file is None:
    if not locked:
        st.info(t("You are looking at sample journeys — upload your own above."))
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
    st.error(error_text(error))
    if state.ATTRIBUTION_LAST_GOOD not in st.session_state:
        st.stop()
    journeys_key, journeys = st.session_state[state.ATTRIBUTION_LAST_GOOD]
    st.caption(t("Showing the journeys read before."))

model = (
    st.segmented_control(
        t("Model"),
        list(MODELS),
        default="last",
        format_func=option_labels(MODELS),
        key=state.ATTRIBUTION_MODEL,
    )
    or "last"
)
c2, c3, _ = st.columns(3)
half_life = c2.number_input(
    t("Half-life (days)"),
    min_value=0.1,
    value=DEFAULT_HALF_LIFE_DAYS,
    step=1.0,
    key=state.ATTRIBUTION_HALF_LIFE,
    help=t(
        "Time decay: a touch this many days before the conversion counts half as much "
        "as one at the moment of conversion."
    ),
)
lookback = c3.number_input(
    t("Lookback (days)"),
    min_value=0.0,
    value=DEFAULT_LOOKBACK_DAYS,
    step=1.0,
    key=state.ATTRIBUTION_LOOKBACK,
    help=t("Only touches at most this many days before a conversion share in it."),
)
st.caption(
    t("**{model}**: {explanation}", model=model_name(model), explanation=t(MODEL_HELP[model]))
)

result = data.attribution(journeys_key, journeys, model, half_life, lookback)
# the same note can come from the journeys and the model: show it once
notes = {str(warning): warning for warning in (*journeys.warnings, *result.warnings)}
for warning in notes.values():
    st.caption(f":material/info: {plain(tr(warning))}")

a, b, c = st.columns(3)
table = result.by_channel
a.metric(t("Conversions credited"), number(table["conversions"].sum(), "count"), border=True)
b.metric(
    t("Value credited"),
    money(table["value"].sum(), currency),
    border=True,
    help=t("The value of the conversions with at least one touch in their window."),
)
c.metric(
    t("Conversions with no touch"),
    number(result.unattributed_conversions, "count"),
    border=True,
    help=t("Conversions with no touch in their lookback window: reported, never dropped."),
)

compared = data.model_comparison(journeys_key, journeys, half_life, lookback)
model_names = {key: model_name(key) for key in MODELS}
to_chart = chart_translator(lang)  # Persian names drawn in a chart keep their order
chart_with_downloads(
    charts.attribution_by_model(
        compared,
        {key: to_chart(label) for key, label in MODELS.items()},
        currency,
        lang=lang,
        digits=digits(),
    ),
    compared.rename(columns=model_names).reset_index(),
    "attribution-by-model",
)

st.subheader(t("By channel, {model}", model=model_name(model).lower()))
by_channel = result.table()
if lang != "en":  # the row of conversions with no touch is smroi's, not a channel name
    by_channel = by_channel.assign(
        channel=by_channel["channel"].replace({NO_TOUCH: t("(no touch)")})
    )
data_table(
    localised_table(by_channel, {"conversions": "number", "value": "money"}, currency),
    hide_index=True,
    placeholder=DASH,
    column_config={
        "channel": st.column_config.TextColumn(t("Channel")),
        "conversions": st.column_config.NumberColumn(
            t("Conversions"),
            format=english_format("%,.2f"),
            help=t("Fractional: a shared sale counts in parts."),
        ),
        "value": st.column_config.NumberColumn(
            t("Value ({currency})", currency=currency), format=english_format(MONEY)
        ),
    },
)

st.header(t("Coupon codes"))
st.caption(
    t(
        "Orders in your data with a coupon code (Shopify's Discount Code) go to the platform "
        "that gave the code out."
    )
    if locked
    else t(
        "Orders in your data with a coupon code (Shopify's Discount Code) go to the platform "
        "that gave the code out. Upload a table of code and platform."
    )
)
if not locked:
    coupon_file = st.file_uploader(
        t("Coupon codes and platforms"), type=FILE_TYPES, key=state.COUPON_UPLOAD
    )
try:
    if coupon_file is not None:
        coupon_table, unread = data.small_table(coupon_file.name, coupon_file.getvalue())
        source = coupon_file.name
    elif view.data.is_sample:
        coupon_table, unread = data.small_table(
            data.SAMPLE_COUPONS.name, data.SAMPLE_COUPONS.read_bytes()
        )
        source = data.SAMPLE_COUPONS.name
        st.caption(t("Sample codes: FB10 on Facebook, IG15 and SUMMER20 on Instagram."))
    else:
        # no table yet: every code in the data is listed as not given out by any platform
        coupon_table, unread = pd.DataFrame({"coupon code": [], "platform": []}), []
        source = t("coupon table")
    coupons = attribute_coupons(view.analysis.rows, coupon_map(coupon_table, source=source))
except (InputFileError, SmroiError) as error:
    st.error(error_text(error))
else:
    for note in unread:  # rows with more cells than the header
        st.caption(f":material/info: {plain(tr(note))}")
    if coupons.by_platform.empty and coupons.unmatched.empty:
        st.info(t("No orders in the data carry a coupon code."))
    else:
        value_column = st.column_config.NumberColumn(
            t("Value ({currency})", currency=currency), format=english_format(MONEY)
        )
        data_table(
            localised_table(coupons.by_platform, {"orders": "number", "value": "money"}, currency),
            hide_index=True,
            column_config={
                "platform": st.column_config.TextColumn(t("Platform")),
                "orders": st.column_config.NumberColumn(
                    t("Orders"), format=english_format("%,.1f")
                ),
                "value": value_column,
            },
        )
        if not coupons.unmatched.empty:
            st.caption(t("Codes no platform gave out (not counted above):"))
            data_table(
                localised_table(
                    coupons.unmatched, {"orders": "number", "value": "money"}, currency
                ),
                hide_index=True,
                column_config={
                    "coupon_code": st.column_config.TextColumn(t("Coupon code")),
                    "orders": st.column_config.NumberColumn(
                        t("Orders"), format=english_format("%,.1f", rows=len(coupons.unmatched))
                    ),
                    "value": st.column_config.NumberColumn(
                        t("Value ({currency})", currency=currency),
                        format=english_format(MONEY, rows=len(coupons.unmatched)),
                    ),
                },
            )

st.header(t("What customers say"))
st.caption(
    t(
        'Answers to "How did you hear about us?", matched to channels by the keywords below '
        "(whole words; edit them). Shown beside the tracked figures, never added to them: "
        "people remember the last thing they noticed, not every touch."
    )
)
if not locked:
    survey_file = st.file_uploader(t("Survey answers"), type=FILE_TYPES, key=state.SURVEY_UPLOAD)
# the editor's columns keep their English names (the keyword rules a user added are kept
# under them in the session); the headers shown are translated
rules_frame = pd.DataFrame({"Keyword": list(SURVEY_RULES), "Channel": list(SURVEY_RULES.values())})
with st.expander(t("Keyword rules")):
    edited = st.data_editor(
        rules_frame,
        num_rows="dynamic",
        hide_index=True,
        key=state.SURVEY_RULES_EDITOR,
        disabled=locked,
        column_config={
            "Keyword": st.column_config.TextColumn(t("Keyword")),
            "Channel": st.column_config.TextColumn(t("Channel")),
        },
    )
rules = {
    str(row["Keyword"]): str(row["Channel"])
    for _, row in edited.iterrows()
    if isinstance(row["Keyword"], str) and row["Keyword"].strip()
}
try:
    if survey_file is not None:
        answers_table, unread = data.small_table(survey_file.name, survey_file.getvalue())
    else:
        answers_table, unread = data.small_table(
            data.SAMPLE_SURVEY.name, data.SAMPLE_SURVEY.read_bytes()
        )
        st.caption(t("Sample answers from 150 buyers."))
    said = self_reported(answers_table.iloc[:, 0], rules)
except (InputFileError, SmroiError) as error:
    st.error(error_text(error))
else:
    for note in unread:  # rows with more cells than the header
        st.caption(f":material/info: {plain(tr(note))}")
    tracked = table.set_index("channel")["conversions"]
    side_by_side = said.assign(
        share=said["answers"] / said["answers"].sum() * 100,
        tracked=said["channel"].map(tracked),
    )
    if lang != "en":  # smroi's own rows, not channel names
        side_by_side["channel"] = side_by_side["channel"].replace(
            {OTHER: t("other"), NO_ANSWER: t("(no answer)")}
        )
    data_table(
        localised_table(
            side_by_side, {"answers": "count", "share": "percent", "tracked": "number"}, currency
        ),
        hide_index=True,
        placeholder=DASH,
        column_config={
            "channel": st.column_config.TextColumn(t("Channel")),
            "answers": st.column_config.NumberColumn(t("Answers"), format=english_format("%,d")),
            "share": st.column_config.NumberColumn(
                t("Share of answers"), format=english_format("%.1f%%")
            ),
            "tracked": st.column_config.NumberColumn(
                t("Tracked conversions ({model})", model=model_name(model).lower()),
                format=english_format("%,.2f"),
            ),
        },
    )
