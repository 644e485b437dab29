"""What the PDF report says, section by section, in the report's language (see smroi.pdf)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import altair as alt
import pandas as pd

from smroi import charts
from smroi.cost_per_result import LEVEL_LABELS, drill_down
from smroi.formatting import (
    check_language,
    format_day,
    format_value,
    format_value_range,
    is_undefined,
    label_with_unit,
)
from smroi.goals import goal_periods, goal_sentence, goal_status, goal_title
from smroi.i18n import N_, fill, translate_message, translator
from smroi.ingest import ImportReport
from smroi.intervals import intervals_of, with_intervals
from smroi.metric_format import format_metric
from smroi.metrics import Analysis, by_group, headline, over_time, paid_counts
from smroi.narrative import (
    assumption_lines,
    cost_per_result_sentence,
    headline_sentence,
    sales_value_caveat,
    verdict,
)
from smroi.pdf.charts import chart_pdf, chart_size, place_charts
from smroi.pdf.layout import MUTED_COLOUR, Page, Reserved
from smroi.registry import METRICS, cost_per_result_label, metric_label
from smroi.report_view import report_analysis
from smroi.settings import Settings
from smroi.workbook.summary import SettingsWords, settings_rows

TITLE = N_("Social media ROI report")
TOP_ROWS = 10  # rows of each table; the rest is "and N more"
CHART_WIDTH = 150.0  # mm: a chart's width on the page (A4 less the margins is 180)


def build_report(
    table: pd.DataFrame,
    reports: list[ImportReport],
    settings: Settings,
    *,
    start: date | None,
    end: date | None,
    platforms: list[str] | None,
    lang: str,
    digits: str,
    title: str,
    link: str | None,
) -> bytes:
    """The PDF's bytes: every section below, then the charts placed on their pages."""
    check_language(lang, digits)
    analysis, settings, notes = report_analysis(
        table, reports, settings, start=start, end=end, platforms=platforms
    )
    report = _Report(analysis, settings, lang, digits)
    _ = report.gettext
    shown_title = title.strip() or _(TITLE)
    report.page = Page(lang, shown_title)
    report.opening(shown_title, [translate_message(note, lang, digits) for note in notes])
    report.overview()
    report.cost_per_result()
    report.goals()
    report.earned_media()
    report.assumptions()
    made_by = _("Made by smroi")
    if link:
        made_by = f"{made_by} · {link}"
    report.page.footers(
        made_by,
        lambda number, total: fill(
            _("Page {page} of {pages}"),
            lang,
            page=report.count(number),
            pages=report.count(total),
        ),
    )
    return place_charts(report.page.output(), report.placed)


class _Report:
    """The report being written: its analysis, language, page and charts placed."""

    page: Page

    def __init__(self, analysis: Analysis, settings: Settings, lang: str, digits: str) -> None:
        self.analysis = analysis
        self.settings = settings
        self.currency = settings.currency_code
        self.lang = lang
        self.digits = digits
        self.gettext = translator(lang)
        self.totals = headline(analysis)
        self.placed: list[tuple[Reserved, bytes]] = []

    # ------------------------------------------------------------ words and numbers

    def count(self, value: Any) -> str:
        """A count as the app writes it."""
        return format_value(value, "count", lang=self.lang, digits=self.digits)

    def metric(self, key: str, value: Any) -> str:
        """A metric's value as the app shows it ("—" when undefined)."""
        return format_metric(key, value, self.currency, lang=self.lang, digits=self.digits)

    def label(self, key: str, labels: dict[str, str] | None = None) -> str:
        """A metric's name in the report's language (the objective's cost per result)."""
        if labels and key in labels:
            return labels[key]
        if key == "cost_per_result":
            return cost_per_result_label(self.settings.objective, self.lang)
        return metric_label(key, self.lang)

    def column(self, key: str, labels: dict[str, str] | None = None) -> str:
        """A table column's title with its unit, as the app's tables: "Return (USD)"."""
        metric = METRICS.get(key)
        if metric is None:
            return self.gettext(LEVEL_LABELS.get(key, key))
        unit = {"money": self.currency, "percent": "%"}.get(metric.unit, "")
        return label_with_unit(self.label(key, labels), unit, self.lang)

    # ------------------------------------------------------------ sections

    def opening(self, title: str, notes: list[str]) -> None:
        """Title, period, the verdict in its colour, and the headline figures."""
        _ = self.gettext
        page, analysis = self.page, self.analysis
        page.text(title, size=18, bold=True)
        page.gap(1)
        if analysis.first_day is not None:
            period = fill(
                _("{first} – {last} ({months})"),
                self.lang,
                first=_day(analysis.first_day, self.lang, self.digits),
                last=_day(analysis.last_day or analysis.first_day, self.lang, self.digits),
                months=format_value(analysis.months, "months", lang=self.lang, digits=self.digits),
            )
        else:
            period = _("no dates")
        page.text(
            " · ".join(
                (period, fill(_("amounts in {currency}"), self.lang, currency=self.currency))
            ),
            size=9.5,
            colour=MUTED_COLOUR,
        )
        page.gap(3)
        sentence = headline_sentence(
            self.totals, self.currency, lang=self.lang, digits=self.digits, caveat=False
        )
        page.box(sentence, verdict(self.totals))
        self.figures()
        caveat = sales_value_caveat(self.totals, self.currency, lang=self.lang, digits=self.digits)
        for note in [*([caveat] if caveat else []), *notes]:
            page.text(note, size=8.5, colour=MUTED_COLOUR)
        page.text(
            cost_per_result_sentence(
                self.totals,
                self.settings.objective,
                self.currency,
                lang=self.lang,
                digits=self.digits,
            ),
            size=8.5,
            colour=MUTED_COLOUR,
        )
        self.page.gap(2)
        self.page.text(_("What these numbers assume"), size=9.5, bold=True)
        self.page.bullets(
            assumption_lines(
                self.totals, self.settings, self.currency, lang=self.lang, digits=self.digits
            ),
            size=8.5,
        )

    def figures(self) -> None:
        """The Overview's cards: ROI and profit, then cost, return, ROAS, cost per result,
        each with its 90% range where the app shows one."""
        _ = self.gettext
        labels: dict[str, str] = {}
        ranges: dict[str, Any] = {}
        if self.settings.earned_media.include_in_roi:  # both ROI figures, as the Overview
            labels = {
                "roi_pct": _("ROI with earned media"),
                "return": _("Return with earned media"),
            }
            keys = ["roi_without_emv_pct", "roi_pct", "profit"]
        else:
            keys = ["roi_pct", "profit"]
        paid = paid_counts(self.analysis).iloc[0].to_dict()
        ranges = intervals_of(self.totals, paid, self.settings.objective)
        keys += ["cost", "return", "roas", "cost_per_result"]
        cards = []
        for key in keys:
            value = self.totals.get(key)
            interval = ranges.get(key)
            under = ""
            if interval is not None and not is_undefined(value) and key != "roi_without_emv_pct":
                under = fill(
                    _("90% range: {range}"),
                    self.lang,
                    range=format_value_range(
                        self.metric(key, interval.low), self.metric(key, interval.high), self.lang
                    ),
                )
            cards.append((self.label(key, labels), self.metric(key, value), under))
        self.page.gap(1)
        self.page.figures(cards)

    def overview(self) -> None:
        """The Overview's charts (return and cost, ROI by platform, the trend) and its
        table by platform."""
        _ = self.gettext
        by_platform = self.by_group_with_intervals("platform")
        self.page.gap(4)
        self.page.heading(_("Is social media paying?"))
        if by_platform.empty:
            self.page.text(_("No rows in this selection."))
            return
        lang, digits = self.lang, self.digits
        self.chart(
            charts.return_vs_cost_by_platform(by_platform, self.currency, lang=lang, digits=digits)
        )
        self.chart(charts.roi_by_platform(by_platform, lang=lang, digits=digits))
        period = charts.trend_period(self.analysis.first_day, self.analysis.last_day)
        trend = over_time(self.analysis, period)
        self.chart(
            charts.return_and_cost_over_time(trend, self.currency, period, lang=lang, digits=digits)
        )
        self.table(
            by_platform.sort_values("cost", ascending=False),
            ["platform"],
            ["cost", "return", "profit", "roi_pct", "roas", "cost_per_result"],
        )

    def cost_per_result(self) -> None:
        """Cost per result by platform (the page's chart) and the campaigns' table."""
        _ = self.gettext
        self.page.new_page()
        self.page.heading(_("Cost per result"))
        frame = drill_down(self.analysis, "platform")
        if frame.empty:
            self.page.text(_("No rows in this selection."))
            return
        frame = frame.assign(label=frame["platform"].astype(str))
        self.chart(
            charts.metric_by_group(
                frame,
                "label",
                _(LEVEL_LABELS["platform"]),
                "cost_per_result",
                self.currency,
                lang=self.lang,
                digits=self.digits,
            )
        )
        campaigns = drill_down(self.analysis, "campaign")
        self.table(
            campaigns.sort_values("spend", ascending=False),
            ["platform", "campaign"],
            ["spend", "cost_per_result", "cpc", "ctr", "cpm"],
        )

    def goals(self) -> None:
        """Each goal: where it stands and its chart."""
        if not self.settings.goals:
            return
        _ = self.gettext
        self.page.heading(_("Goals"))
        for goal in self.settings.goals:
            periods = goal_periods(self.analysis, goal, over_time(self.analysis, goal.period))
            status = goal_status(self.analysis, goal, periods)
            self.page.text(
                goal_title(goal, self.currency, lang=self.lang, digits=self.digits),
                size=11,
                bold=True,
            )
            _kind, sentence = goal_sentence(
                status, self.currency, lang=self.lang, digits=self.digits
            )
            self.page.text(sentence, size=9)
            self.page.gap(1)
            self.chart(
                charts.goal_chart(
                    periods,
                    goal.metric,
                    goal.target,
                    goal.period,
                    self.currency,
                    lang=self.lang,
                    digits=self.digits,
                )
            )

    def earned_media(self) -> None:
        """Earned media value by platform, and the platforms' table."""
        _ = self.gettext
        self.page.new_page()
        self.page.heading(_("Earned media value"))
        if self.settings.earned_media.include_in_roi:
            note = _("Earned media value is counted in return (you turned it on).")
        else:
            note = _("Earned media value is an estimate and is not counted in return.")
        self.page.text(note, size=9)
        self.page.gap(1)
        groups = by_group(self.analysis, "platform")
        if groups.empty:
            self.page.text(_("No rows in this selection."))
            return
        self.chart(
            charts.metric_by_group(
                groups,
                "platform",
                _(LEVEL_LABELS["platform"]),
                "emv",
                self.currency,
                lang=self.lang,
                digits=self.digits,
            )
        )
        shown = groups[groups["emv"] > 0].sort_values("emv", ascending=False)
        if len(shown):
            self.table(shown, ["platform"], ["emv", "impressions", "clicks", "engagements"])

    def assumptions(self) -> None:
        """Every setting behind the numbers (the workbook's Summary rows); page 1 has the few
        that decide the verdict (assumption_lines)."""
        _ = self.gettext
        self.page.heading(_("Settings that produced these numbers"), size=12)
        items = []
        for label, value, unit, note in settings_rows(self.settings, SettingsWords(self.lang)):
            if unit == "general":
                shown = _general(value, self.lang, self.digits)
            elif unit:
                shown = format_value(value, unit, self.currency, lang=self.lang, digits=self.digits)
            else:
                shown = str(value)
            items.append(f"{label}: {shown}" + (f" ({note})" if note else ""))
        self.page.bullets(items)

    # ------------------------------------------------------------ charts and tables

    def by_group_with_intervals(self, level: str) -> pd.DataFrame:
        """Metrics per group with each rate's 90% bounds, as the Overview's charts take them."""
        return with_intervals(
            by_group(self.analysis, level),
            paid_counts(self.analysis, level),
            self.settings.objective,
        )

    def chart(self, chart: alt.TopLevelMixin) -> None:
        """A chart at the page's width, kept room for, drawn in when the PDF is written."""
        drawn = chart_pdf(chart)
        width, height = chart_size(drawn)
        place = self.page.reserve(CHART_WIDTH, CHART_WIDTH * height / width)
        self.placed.append((place, drawn))

    def table(self, frame: pd.DataFrame, labels: Sequence[str], keys: Sequence[str]) -> None:
        """The first TOP_ROWS rows of a table: label columns as text, metrics as shown on
        screen; "and N more" under it when cut."""
        _ = self.gettext
        keys = [key for key in keys if key in frame.columns]
        headers = [self.column(column) for column in [*labels, *keys]]
        rows = [
            [str(value) for value in record[: len(labels)]]
            + [
                self.metric(key, value)
                for key, value in zip(keys, record[len(labels) :], strict=True)
            ]
            for record in frame[[*labels, *keys]].head(TOP_ROWS).itertuples(index=False)
        ]
        more = ""
        if len(frame) > TOP_ROWS:
            more = fill(_("and {count} more"), self.lang, count=self.count(len(frame) - TOP_ROWS))
        self.page.table(
            headers, rows, numeric=[False] * len(labels) + [True] * len(keys), more=more
        )


def _day(day: date, lang: str, digits: str) -> str:
    """A day as the app's captions write it."""
    return format_day(day, lang, digits)


def _general(value: Any, lang: str, digits: str) -> str:
    """A plain number (hours a month) with up to two decimals, as the app writes it."""
    number = float(value)
    unit = "count" if number == int(number) else "multiple"
    text = format_value(number, unit, lang=lang, digits=digits)
    return text.rstrip("x")
