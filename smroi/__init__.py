"""smroi: is our social media making us money? The plain-Python core of the dashboard.

Callers import from here; the modules behind it may move.
"""

from smroi.break_even import (
    break_even_line,
    break_even_sentences,
    break_even_table,
    overall_break_even_sentence,
    result_kind,
)
from smroi.canonical import COLUMNS, DIMENSIONS, MAPPABLE, MEASURES, NOT_SET, conform
from smroi.cost_per_result import LEVEL_LABELS, LEVELS, best_and_worst, drill_down
from smroi.currency import (
    currency_choices,
    files_in_use,
    is_currency_code,
    report_currency,
    shown_currency,
)
from smroi.errors import InputFileError, SettingsError, SmroiError
from smroi.formatting import (
    DASH,
    PREFIX_SYMBOLS,
    currency_symbol,
    format_money,
    format_value,
)
from smroi.i18n import LANGUAGES, RTL, plural_translator, translator
from smroi.ingest import ImportReport, empty_table, load_files, read_file
from smroi.metric_format import format_metric
from smroi.metrics import (
    Analysis,
    analyse,
    by_group,
    headline,
    months_covered,
    over_time,
    period_of,
    rows_in_view,
    safe_divide,
)
from smroi.missing_inputs import MissingInput, missing_inputs
from smroi.narrative import cost_per_result_sentence, headline_sentence, sales_value_caveat
from smroi.registry import (
    METRICS,
    OBJECTIVE_RESULTS,
    RESULT_WORDS,
    SUMMARY_KEYS,
    Metric,
    cost_per_result_label,
    metric_formula,
    metric_help_text,
    metric_label,
)
from smroi.settings import (
    COST_LINE_LABELS,
    COST_LINES,
    DEFAULT_CURRENCY,
    OBJECTIVES,
    Costs,
    EarnedMediaRates,
    Goal,
    PpcKeyword,
    Rate,
    Settings,
    SoftValue,
    ValueAssumptions,
    settings_from_dict,
    settings_from_json,
    settings_to_dict,
    settings_to_json,
)
from smroi.workbook import report_workbook, table_csv

__version__ = "0.1.0"

__all__ = [
    "COLUMNS",
    "COST_LINES",
    "COST_LINE_LABELS",
    "DASH",
    "DEFAULT_CURRENCY",
    "DIMENSIONS",
    "LANGUAGES",
    "LEVELS",
    "LEVEL_LABELS",
    "MAPPABLE",
    "MEASURES",
    "METRICS",
    "NOT_SET",
    "OBJECTIVES",
    "OBJECTIVE_RESULTS",
    "PREFIX_SYMBOLS",
    "RESULT_WORDS",
    "RTL",
    "SUMMARY_KEYS",
    "Analysis",
    "Costs",
    "EarnedMediaRates",
    "Goal",
    "ImportReport",
    "InputFileError",
    "Metric",
    "MissingInput",
    "PpcKeyword",
    "Rate",
    "Settings",
    "SettingsError",
    "SmroiError",
    "SoftValue",
    "ValueAssumptions",
    "analyse",
    "best_and_worst",
    "break_even_line",
    "break_even_sentences",
    "break_even_table",
    "by_group",
    "conform",
    "cost_per_result_label",
    "cost_per_result_sentence",
    "currency_choices",
    "currency_symbol",
    "drill_down",
    "empty_table",
    "files_in_use",
    "format_metric",
    "format_money",
    "format_value",
    "headline",
    "headline_sentence",
    "is_currency_code",
    "load_files",
    "metric_formula",
    "metric_help_text",
    "metric_label",
    "missing_inputs",
    "months_covered",
    "over_time",
    "overall_break_even_sentence",
    "period_of",
    "plural_translator",
    "read_file",
    "report_currency",
    "report_workbook",
    "result_kind",
    "rows_in_view",
    "safe_divide",
    "sales_value_caveat",
    "settings_from_dict",
    "settings_from_json",
    "settings_to_dict",
    "settings_to_json",
    "shown_currency",
    "table_csv",
    "translator",
]
