"""A shared report's payload: the canonical table as Parquet and its import reports,
filters and category types as JSON (smroi.store keeps them; nothing is ever pickled, so a
stored payload cannot run code)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import date, datetime
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from smroi.canonical import conform
from smroi.exports import EXPORTS_BY_KEY, Recognition
from smroi.i18n import Message
from smroi.ingest import ImportReport
from smroi.unused_columns import Suggestion

FORMAT_VERSION = 1  # the layout of a snapshot's JSON details


def table_to_parquet(table: pd.DataFrame) -> bytes:
    """The canonical table as zstd-compressed Parquet."""
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), buffer, compression="zstd")
    return buffer.getvalue()


def table_from_parquet(data: bytes, categories: dict[str, str]) -> pd.DataFrame:
    """The canonical table back from Parquet, with each text column's categories as saved."""
    arrow = pq.read_table(pa.BufferReader(data))
    table = conform(arrow.to_pandas(ignore_metadata=True))
    for column, kind in categories.items():
        if column in table and kind in ("object", "str"):
            values = table[column].cat
            if str(values.categories.dtype) != kind:
                table[column] = pd.Categorical.from_codes(
                    values.codes, categories=values.categories.astype(kind)
                )
    return table


def details_to_json(
    table: pd.DataFrame,
    reports: list[ImportReport],
    start: date | None,
    end: date | None,
    platforms: Iterable[str] | None,
) -> str:
    """Import reports, filters and the table's category types as JSON text."""
    details = {
        "format": FORMAT_VERSION,
        "start": _day(start),
        "end": _day(end),
        "platforms": None if platforms is None else [str(p) for p in platforms],
        "reports": [_report_to_dict(report) for report in reports],
        "categories": {
            str(column): str(table[column].cat.categories.dtype)
            for column in table.columns
            if isinstance(table[column].dtype, pd.CategoricalDtype)
        },
    }
    return json.dumps(details, ensure_ascii=False, default=_json_scalar)


def _day(value: date | None) -> str | None:
    """A date as YYYY-MM-DD (a datetime or Timestamp counts by its day)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def _json_scalar(value: Any) -> Any:
    """NumPy numbers as plain ones, for json.dumps."""
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"{type(value).__name__} cannot be saved in a shared report")


_EXCLUDED_DTYPES = frozenset({"int64", "Int64", "float64", "object", "str", "string"})


def _report_to_dict(report: ImportReport) -> dict[str, Any]:
    """Every field of an import report as JSON values; `excluded` column by column."""
    data: dict[str, Any] = {}
    for item in fields(ImportReport):
        value = getattr(report, item.name)
        if isinstance(value, pd.DataFrame):
            value = {
                "columns": [str(c) for c in value.columns],
                "dtypes": [str(t) for t in value.dtypes],
                "values": [
                    [None if pd.isna(v) else v for v in value[c].tolist()] for c in value.columns
                ],
            }
        elif item.name == "outlying_dates":
            value = [[row, _day(day)] for row, day in value]
        elif item.name == "suggestions":
            value = [asdict(suggestion) for suggestion in value]
        elif item.name == "recognition":
            value = _recognition_to_dict(value)
        data[item.name] = value
    data["messages"] = _report_messages(report)
    return data


# A shared report's import report keeps its sentences translatable: next to each English
# text (what older versions read), the Message it was made from ("messages" in the JSON).
_TEMPLATE_FIELD = re.compile(r"\{[^{}]*\}")
_PLAIN_FIELD = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?::[^{}.\[\]]*)?\}")


def _report_messages(report: ImportReport) -> dict[str, Any]:
    """The report's Messages as JSON: warnings and error, reasons and column notes by text."""
    return {
        "warnings": [_message_to_json(w) for w in report.warnings],
        "error": _message_to_json(report.error),
        "reasons": {
            text: encoded
            for text, reason in report.reasons().items()
            if (encoded := _message_to_json(reason)) is not None
        },
        "column_map": {
            header: encoded
            for header, how in report.column_map.items()
            if (encoded := _message_to_json(how)) is not None
        },
    }


def _message_to_json(text: object) -> dict[str, Any] | None:
    """A Message as JSON (its id, count and fields), or None for plain text."""
    if not isinstance(text, Message):
        return None
    fields: dict[str, Any] = {}
    for name, value in text.fields.items():
        if isinstance(value, Message):
            value = {"message": _message_to_json(value)}
        elif isinstance(value, date):
            value = {"date": _day(value)}
        elif not isinstance(value, str | int | float) or isinstance(value, bool):
            value = str(value)
        fields[name] = value
    template = list(text.template) if isinstance(text.template, tuple) else text.template
    return {"id": template, "count": text.plural_count, "fields": fields}


def _message_from_json(data: Any, english: object) -> Any:
    """The Message back from JSON if it still reads as the saved English text, else that
    text as it is (a report saved by another version, or damaged)."""
    try:
        message = _decoded_message(data)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return english
    return message if message is not None and message == english else english


def _decoded_message(data: Any) -> Message | None:
    if not isinstance(data, dict):
        return None
    template = data["id"]
    if isinstance(template, list) and len(template) == 2:
        template = (str(template[0]), str(template[1]))
    elif not isinstance(template, str):
        return None
    for text in template if isinstance(template, tuple) else (template,):
        # only {name} and {name:spec} fields: no attribute or index lookups in a template
        if len(_TEMPLATE_FIELD.findall(text)) != len(_PLAIN_FIELD.findall(text)):
            return None
    fields: dict[str, object] = {}
    for name, value in dict(data["fields"]).items():
        if isinstance(value, dict) and "message" in value:
            value = _decoded_message(value["message"])
            if value is None:
                return None
        elif isinstance(value, dict) and "date" in value:
            value = date.fromisoformat(value["date"])
        fields[str(name)] = value
    count = data.get("count")
    return Message(template, fields, count if isinstance(count, int) else None)


def report_from_dict(data: dict[str, Any]) -> ImportReport:
    """An import report back from its JSON values (unknown keys are left out)."""
    known = {item.name for item in fields(ImportReport)}
    values = {key: value for key, value in data.items() if key in known}
    excluded = values.pop("excluded", None)
    saved_messages = data.get("messages")
    messages: dict[str, Any] = saved_messages if isinstance(saved_messages, dict) else {}
    saved = messages.get("warnings")
    if isinstance(saved, list) and len(saved) == len(values.get("warnings") or ()) > 0:
        values["warnings"] = [
            _message_from_json(m, w) for m, w in zip(saved, values["warnings"], strict=True)
        ]
    if values.get("error") is not None:
        values["error"] = _message_from_json(messages.get("error"), values["error"])
    notes = messages.get("column_map")
    if isinstance(notes, dict) and isinstance(values.get("column_map"), dict):
        values["column_map"] = {
            header: _message_from_json(notes.get(header), how)
            for header, how in values["column_map"].items()
        }
    values["outlying_dates"] = _outlying_dates(values.get("outlying_dates"))
    values["suggestions"] = _suggestions(values.get("suggestions"))
    values["recognition"] = _recognition(values.get("recognition"))
    report = ImportReport(**values)
    if excluded is not None:
        columns = {
            column: pd.Series(column_values, dtype=dtype if dtype in _EXCLUDED_DTYPES else "object")
            for column, dtype, column_values in zip(
                excluded["columns"], excluded["dtypes"], excluded["values"], strict=True
            )
        }
        reasons = messages.get("reasons")
        if "reason" in columns and isinstance(reasons, dict) and reasons:
            back = {text: _message_from_json(m, text) for text, m in reasons.items()}
            columns["reason"] = pd.Series(
                [back.get(text, text) for text in columns["reason"]], dtype=object
            )
        report.excluded = pd.DataFrame(columns)
    return report


def _recognition_to_dict(recognition: Recognition) -> dict[str, Any]:
    """Which export a file was read as, and why, as JSON values (exports by their keys)."""
    return {
        "export": recognition.export.key if recognition.export else None,
        "evidence": list(recognition.evidence),
        "others": [other.key for other in recognition.others],
        "chosen": recognition.chosen,
        "sure": recognition.sure,
    }


def _recognition(saved: Any) -> Recognition:
    """Which export a file was read as, back from _recognition_to_dict (none from a report
    saved before it was kept, or damaged; an export this version does not know is none)."""
    if not isinstance(saved, dict):
        return Recognition(None)
    try:
        return Recognition(
            EXPORTS_BY_KEY.get(str(saved.get("export"))),
            tuple(str(header) for header in saved.get("evidence") or ()),
            tuple(EXPORTS_BY_KEY[k] for k in saved.get("others") or () if k in EXPORTS_BY_KEY),
            chosen=bool(saved.get("chosen")),
            sure=bool(saved.get("sure", True)),
        )
    except TypeError:
        return Recognition(None)


def _suggestions(saved: Any) -> list[Suggestion]:
    """A report's column suggestions, back from their JSON values (none if damaged)."""
    try:
        return [Suggestion(str(s["header"]), str(s["canonical"]), str(s["reason"])) for s in saved]
    except (TypeError, KeyError):
        return []


def _outlying_dates(saved: Any) -> list[tuple[int, date]]:
    """A report's rows dated far from the others, back from [[row, "YYYY-MM-DD"], …]
    (none from a report saved before they were kept, or damaged)."""
    try:
        return [(int(row), date.fromisoformat(day)) for row, day in saved or ()]
    except (TypeError, ValueError):
        return []


def day_from_text(text: str | None) -> date | None:
    """A YYYY-MM-DD date back from JSON."""
    return None if text is None else date.fromisoformat(text)
