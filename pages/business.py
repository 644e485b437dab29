"""Your business: what no export knows (objective, costs, values, margin, earned-media rates,
goals) and the settings file; a share link's viewer reads them as a list."""

import streamlit as st

from ui.business import (
    cost_inputs,
    earned_media_inputs,
    objective_input,
    read_only_assumptions,
    settings_file,
    value_inputs,
)
from ui.frame import require_frame
from ui.goals import goals_editor
from ui.i18n import t
from ui.sidebar import platforms_in
from ui.state import get_view

require_frame()

view = get_view()
currency = view.settings.currency_code

st.title(t("Your business"))
if view.data.shared is not None:
    st.caption(t("The assumptions behind this shared report's numbers (read-only)."))
    read_only_assumptions(view.settings)
    st.stop()

st.caption(
    t(
        "What no export knows. Each change applies at once on every page, is saved with the "
        "settings file and goes with a share link."
    )
)
objective_input()
left, right = st.columns(2, gap="large")
with left:
    cost_inputs(platforms_in(view.data), currency)
with right:
    value_inputs(currency)
left, right = st.columns(2, gap="large")
with left:
    earned_media_inputs(currency)
with right:
    goals_editor()
settings_file(view.settings)
