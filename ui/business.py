"""'Your business': every figure no export knows (the objective, costs besides ad spend,
what results are worth, the gross margin, earned-media rates) and the settings file.

One module owns these widgets: the "Your business" page draws them, the Overview's short
first-run form asks for the main ones when the user's own files arrive, the sidebar shows a
one-line summary with a link to the page, and a share link's viewer reads them as a short
list. The page's widgets are keyed by the setting's path ("set.costs.hourly_rate", see
ui.state) and keep their values while the user is on another page (persist_state), so the
sidebar turns them into Settings on every page; the first-run form writes the same keys on
Save, and each change is marked as typed by the user (ui.state.mark_typed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

import smroi
from smroi.i18n import N_
from ui import state
from ui.goals import goal_label
from ui.i18n import metric_value, money, number, option_labels, t, tr
from ui.widgets import plain

S = state.SETTING_PREFIX
BUSINESS_PAGE = "pages/business.py"
OBJECTIVE_LABELS = {  # English; shown through t()
    "awareness": N_("Awareness (impressions)"),
    "engagement": N_("Engagement"),
    "leads": N_("Leads"),
    "sales": N_("Sales"),
}
LEAD_VALUE_MODES = {
    "auto": N_("Automatic: only where sales are not tracked"),
    "always": N_("Always count lead value"),
    "never": N_("Never count lead value"),
}


@dataclass(frozen=True)
class Field:
    """One number the user gives about their business: its label and help (English, shown
    through t(); {currency} filled in), and how its box counts."""

    label: str
    help: str
    step: float
    format: str = "%.2f"


_MARGIN_HELP = N_(
    "The share of a sale's value you keep after the cost of the goods: (price - cost "
    "of goods) / price x 100. A shop that sells for 100 what it bought for 60 has a "
    "40% margin. Return then counts 40 of each 100 of sales, not all of it."
)
# setting path -> its box, in the order the page shows them
FIELDS: dict[str, Field] = {
    "costs.labour_hours_per_month": Field(
        N_("Hours spent on social media per month"),
        N_("Time you or your staff spend on social media each month."),
        1.0,
        "%.1f",
    ),
    "costs.hourly_rate": Field(
        N_("Hourly rate ({currency})"), N_("What an hour of that time costs you."), 5.0
    ),
    "costs.tools_per_month": Field(
        N_("Tools and software per month ({currency})"),
        N_("Scheduling, design and analytics subscriptions per month."),
        10.0,
    ),
    "costs.agency_per_month": Field(
        N_("Agency or freelancer per month ({currency})"), N_("Fees per month."), 10.0
    ),
    "costs.content_per_month": Field(
        N_("Content production per month ({currency})"),
        N_("Photography, video, copywriting per month."),
        10.0,
    ),
    "costs.other_per_month": Field(
        N_("Other costs per month ({currency})"), N_("Anything else per month."), 10.0
    ),
    "values.gross_margin_pct": Field(N_("Gross margin (%)"), _MARGIN_HELP, 5.0, "%.1f"),
    "values.value_per_lead": Field(
        N_("What a lead is worth to you ({currency})"),
        N_("On average: the share of leads that buy x what they spend."),
        5.0,
    ),
    "values.average_order_value": Field(
        N_("Average order value ({currency})"),
        N_("Used for sales on rows that have no revenue figure."),
        5.0,
    ),
    "values.value_per_engagement": Field(
        N_("What an engagement is worth ({currency})"),
        N_("Leave at 0 unless you know what an engagement is worth."),
        0.01,
    ),
    "values.value_per_follower": Field(
        N_("What a new follower is worth ({currency})"),
        N_("Leave at 0 unless you know what a follower is worth."),
        0.1,
    ),
    "earned_media.rates.default.cpm": Field(
        N_("CPM, per 1,000 impressions ({currency})"),
        N_("What 1,000 ad impressions cost you."),
        0.5,
    ),
    "earned_media.rates.default.cpc": Field(
        N_("CPC, per click ({currency})"), N_("What one ad click costs you."), 0.1
    ),
    "earned_media.rates.default.cpe": Field(
        N_("CPE, per engagement ({currency})"), N_("What one ad engagement costs you."), 0.01
    ),
}
MARGIN = "values.gross_margin_pct"
# the first-run form's boxes -> the setting each fills
FORM_FIELDS: dict[str, str] = {
    "business.hours": "costs.labour_hours_per_month",
    "business.rate": "costs.hourly_rate",
    "business.tools": "costs.tools_per_month",
    "business.agency": "costs.agency_per_month",
    "business.margin": MARGIN,
    "business.lead_value": "values.value_per_lead",
    "business.order_value": "values.average_order_value",
}


def _options(path: str, currency: str) -> dict[str, Any]:
    """A box's label, help and limits, in the session's language."""
    field = FIELDS[path]
    label = t(field.label, currency=currency) if "{currency}" in field.label else t(field.label)
    options: dict[str, Any] = {
        "label": label,
        "help": t(field.help),
        "min_value": 0.0,
        "step": field.step,
        "format": field.format,
    }
    if path == MARGIN:
        options |= {"max_value": 100.0, "placeholder": t("Not set: sales count in full")}
    return options


# ---------------------------------------------------------------- the page's inputs


def setting_input(path: str, currency: str) -> None:
    """The box of one setting, changed in place and kept across pages."""
    key = S + path
    if path == MARGIN and key not in st.session_state:
        st.session_state[key] = None  # empty: not known
    st.number_input(
        key=key,
        on_change=state.mark_typed,
        args=(path,),
        persist_state="session",
        **_options(path, currency),
    )


def objective_input() -> None:
    """What social media is for, which decides what 'cost per result' counts."""
    st.selectbox(
        t("Objective"),
        list(OBJECTIVE_LABELS),
        format_func=option_labels(OBJECTIVE_LABELS),
        key=S + "objective",
        help=t(
            "What social media is for. It decides what 'cost per result' counts: "
            "1,000 impressions, engagements, leads or sales."
        ),
        on_change=state.mark_typed,
        args=("objective",),
        persist_state="session",
        width=420,  # a short choice; a phone narrows it to the screen
    )


def cost_inputs(platforms: list[str], currency: str) -> None:
    """Monthly costs besides ad spend, and the platform each one is for."""
    st.subheader(t("Monthly costs besides ad spend"), anchor=False)
    for path in FIELDS:
        if path.startswith("costs."):
            setting_input(path, currency)
    all_platforms = t("All platforms")  # read now: a format_func may run outside the script
    with st.expander(t("Which platform is each cost for?")):
        st.caption(t("Costs for all platforms are shared by each platform's ad spend."))
        for line, label in smroi.COST_LINE_LABELS.items():
            key = f"{S}costs.assigned_to.{line}"
            current = st.session_state.get(key, "all")
            options = ["all", *platforms] + (
                [current] if current not in ("all", *platforms) else []
            )
            st.selectbox(
                t(label),
                options,
                key=key,
                format_func=lambda p: all_platforms if p == "all" else p,
                on_change=state.mark_typed,
                args=("costs.assigned_to",),
                persist_state="session",
            )


def value_inputs(currency: str) -> None:
    """What a lead, an order, an engagement and a follower are worth; the gross margin."""
    st.subheader(t("What results are worth"), anchor=False)
    for path in FIELDS:
        if path.startswith("values."):
            setting_input(path, currency)
    if state.LEAD_MODE not in st.session_state:
        st.session_state[state.LEAD_MODE] = "auto"
    st.radio(
        t("Count lead value in return"),
        list(LEAD_VALUE_MODES),
        format_func=option_labels(LEAD_VALUE_MODES),
        key=state.LEAD_MODE,
        help=t(
            "A lead that later became a tracked sale would be counted twice, so by "
            "default lead value counts only on rows with no revenue figure."
        ),
        on_change=state.mark_typed,
        args=("values.count_lead_value",),
        persist_state="session",
    )


def earned_media_inputs(currency: str) -> None:
    """The default rates that price organic results as ads, and whether ROI counts them."""
    st.subheader(t("Earned media value (estimated)"), anchor=False)
    st.caption(t("What your organic results would have cost as ads."))
    for path in FIELDS:
        if path.startswith("earned_media."):
            setting_input(path, currency)
    st.checkbox(
        t("Count earned media value in return and ROI"),
        key=S + "earned_media.include_in_roi",
        help=t("Off by default: it is an estimate, not money received."),
        on_change=state.mark_typed,
        args=("earned_media.include_in_roi",),
        persist_state="session",
    )


def settings_file(settings: smroi.Settings) -> None:
    """Save the settings as a JSON file, or load one."""
    st.subheader(t("Save or load settings"), anchor=False)
    st.download_button(
        t("Save settings (JSON)"),
        smroi.settings_to_json(settings),
        file_name="smroi-settings.json",
        mime="application/json",
        help=t("Your costs, values and objective, to load again later."),
    )
    st.file_uploader(
        t("Load settings"),
        type=["json"],
        key=state.SETTINGS_UPLOAD,
        on_change=_load_settings_file,
        max_upload_size=1,
    )
    message = st.session_state.get(state.SETTINGS_MESSAGE)
    if message:  # kept in English with its fields; shown in the language of the day
        kind, text, fields = message
        shown = {name: tr(value) for name, value in fields.items()}
        (st.error if kind == "error" else st.success)(plain(t(text, **shown)))


def _load_settings_file() -> None:
    upload = st.session_state.get(state.SETTINGS_UPLOAD)
    if upload is None:
        return
    try:
        loaded = smroi.settings_from_json(upload.getvalue(), source=upload.name)
    except smroi.SettingsError as exc:
        st.session_state[state.SETTINGS_MESSAGE] = (
            "error",
            N_("Could not load the settings; nothing was changed. {problem}"),
            {"problem": exc.message},  # a Message: translated where it is shown
        )
        return
    state.put_settings(loaded)
    st.session_state[state.SETTINGS_ORIGIN] = "file"  # the user's own: kept on any data
    st.session_state[state.SETTINGS_MESSAGE] = (
        "success",
        N_("Loaded settings from {file}."),
        {"file": upload.name},
    )


# ---------------------------------------------------------------- summaries


def monthly_costs(settings: smroi.Settings) -> float:
    """What social media costs a month besides ad spend (hours x rate, tools, agency...)."""
    return float(sum(settings.costs.monthly().values()))


def summary_line(settings: smroi.Settings) -> str:
    """The sidebar's one line: 'Costs $1,234.00 a month · margin 40.0% · objective: Sales'."""
    currency = settings.currency_code
    margin = settings.values.gross_margin_pct
    parts = [
        t("Costs {amount} a month", amount=money(monthly_costs(settings), currency)),
        t("margin {percent}", percent=number(margin, "percent")) if margin else t("margin not set"),
        t("objective: {objective}", objective=t(OBJECTIVE_LABELS[settings.objective])),
    ]
    return " · ".join(parts)


def sidebar_summary(settings: smroi.Settings) -> None:
    """A link to the page that changes the business, and what it holds in one line."""
    st.page_link(BUSINESS_PAGE, label=t("Your business"), icon=":material/storefront:")
    st.caption(summary_line(settings))


def assumption_lines(settings: smroi.Settings) -> list[str]:
    """The assumptions behind the numbers, one short line each, as a viewer reads them:
    what is 0 or not set is left out, except the costs and the margin."""
    currency = settings.currency_code
    costs, values = settings.costs, settings.values
    amount = monthly_costs(settings)
    lines = [t("Objective: {objective}", objective=t(OBJECTIVE_LABELS[settings.objective]))]
    if amount:
        parts = [
            t("{cost}: {amount}", cost=t(label), amount=money(costs.monthly()[line], currency))
            for line, label in smroi.COST_LINE_LABELS.items()
            if costs.monthly()[line]
        ]
        lines.append(
            t(
                "Costs besides ad spend: {amount} a month ({parts})",
                amount=money(amount, currency),
                parts="; ".join(parts),
            )
        )
    else:
        lines.append(t("Costs besides ad spend: none"))
    if values.gross_margin_pct:
        lines.append(
            t("Gross margin: {percent}", percent=number(values.gross_margin_pct, "percent"))
        )
    else:
        lines.append(t("Gross margin: not set (sales count in full)"))
    for path in ("values.value_per_lead", "values.average_order_value"):
        value = getattr(values, path.split(".")[1])
        if value:
            label = t(FIELDS[path].label, currency=currency)
            lines.append(f"{label}: {money(value, currency)}")
    if settings.earned_media.include_in_roi:
        lines.append(t("Earned media value is counted in return and ROI."))
    if values.roi_on == "recorded":
        lines.append(
            t(
                "Where the ad platforms' sales and the shop's orders cover the same days, ROI "
                "counts the shop's orders."
            )
        )
    for goal in settings.goals:
        target = metric_value(goal.metric, goal.target, currency)
        lines.append(t("Goal: {goal}, {target}", goal=goal_label(goal), target=target))
    return lines


def read_only_assumptions(settings: smroi.Settings, small: bool = False) -> None:
    """A share link's assumptions as a short list: nothing to type into (`small`: in the
    sidebar's caption size)."""
    text = "\n".join(f"- {plain(line)}" for line in assumption_lines(settings))
    (st.caption if small else st.markdown)(text)


# ---------------------------------------------------------------- the first-run form


def open_form() -> None:
    """Show the form (a button's on_click)."""
    st.session_state[state.BUSINESS_FORM] = "open"


def _save() -> None:
    typed = []
    for field, path in FORM_FIELDS.items():
        if field not in st.session_state:
            continue  # a field the form did not show
        value = st.session_state[field]
        if path == MARGIN:
            value = value or None  # empty or 0: not known
        elif value is None:
            value = 0.0
        st.session_state[S + path] = value
        typed.append(path)
    state.mark_typed(*typed)
    st.session_state[state.BUSINESS_FORM] = "closed"


def _skip() -> None:
    st.session_state[state.BUSINESS_FORM] = "closed"


def _current(settings: smroi.Settings, path: str) -> float | None:
    """A setting's value in the settings in use (the margin may be None: not known)."""
    section, name = path.split(".", 1)
    value = getattr(getattr(settings, section), name)
    return value if path == MARGIN else float(value)


def business_form(settings: smroi.Settings, asks_order_value: bool) -> None:
    """The short 'Your business' form, prefilled with the settings in use; Save writes them,
    Skip closes it (the Overview keeps asking for what is missing)."""
    currency = settings.currency_code
    with st.form("business", border=True):
        st.subheader(t("Your business"), anchor=False)
        st.caption(
            t(
                "A few figures no export has, so the answer is about your business. Every "
                "field can stay 0 or empty; change them later on the Your business page."
            )
        )
        shown = [
            (key, path)
            for key, path in FORM_FIELDS.items()
            if asks_order_value or path != "values.average_order_value"
        ]
        # a pair of fields a row, so that a phone stacks them in reading order
        for start in range(0, len(shown), 2):
            for column, (key, path) in zip(st.columns(2), shown[start : start + 2], strict=False):
                column.number_input(
                    value=_current(settings, path), key=key, **_options(path, currency)
                )
        save, skip = st.columns([1, 1])
        save.form_submit_button(
            t("Save"), type="primary", icon=":material/check:", on_click=_save, width="stretch"
        )
        skip.form_submit_button(t("Skip for now"), on_click=_skip, width="stretch")


def missing_notes(missing: list[Any]) -> None:
    """What is still missing, in plain words, with one button to the form that takes it."""
    if not missing:
        return
    with st.container(border=True):
        st.markdown(t("**To make this your business's answer:**"))
        for item in missing:
            st.markdown(f"- {plain(tr(item.message))}")
        st.button(
            t("Enter your costs and margin"),
            icon=":material/edit:",
            on_click=open_form,
            key="business.open",
        )
