"""`smroi` on the command line: the same numbers as the dashboard, for scripts and cron.

    smroi summary FILE... [--settings S.json] [--sheet NAME] [--json]
    smroi export FILE... --out report.xlsx [--settings S.json] [--sheet NAME] [--period week]
    smroi share FILE... [--settings S.json] [--sheet NAME] [--title T] [--expires-days N]
    smroi revoke LINK-OR-TOKEN

Bad input exits with status 2 and one line on stderr naming the file and the problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from smroi.errors import InputFileError, SmroiError
from smroi.formatting import format_metric
from smroi.ingest import ImportReport, check_together, read_file
from smroi.metrics import FREQUENCIES, Analysis, analyse, by_group, headline
from smroi.registry import METRICS, SUMMARY_KEYS
from smroi.settings import Settings, settings_from_json
from smroi.store import ReportStore, share_link, token_of
from smroi.workbook import report_workbook


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="smroi", description="Social media ROI from exports.")
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="print the headline metrics")
    export = commands.add_parser("export", help="write the Excel report with its charts")
    share = commands.add_parser("share", help="save a read-only report and print its link")
    revoke = commands.add_parser("revoke", help="stop a share link from working")
    revoke.add_argument("link", help="the share link, or its token (…?report=TOKEN)")
    for command in (summary, export, share):
        command.add_argument("files", nargs="+", type=Path, help="CSV or Excel files")
        command.add_argument("--settings", type=Path, help="settings JSON (costs, values, goals)")
        command.add_argument(
            "--sheet", help="the sheet to read in Excel workbooks (default: the one with the table)"
        )
    summary.add_argument("--json", action="store_true", help="print JSON instead of a table")
    export.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    export.add_argument(
        "--period", choices=list(FREQUENCIES), default="week", help="the Over time sheet's period"
    )
    share.add_argument("--title", default="", help="the report's title")
    share.add_argument(
        "--expires-days", type=float, default=None, help="days until the link stops working"
    )
    share.add_argument("--password", default=None, help="a password the reader must type")
    args = parser.parse_args(argv)
    try:
        if args.command == "revoke":
            return _revoke(token_of(args.link))
        settings = _load_settings(args.settings)
        table, reports = _load(args.files, settings.column_map, args.sheet)
        if args.command == "share":
            token = ReportStore().save(
                table,
                settings,
                title=args.title,
                reports=reports,
                expires_days=args.expires_days,
                password=args.password,
            )
            print(share_link(token))
            return 0
        if args.command == "export":
            _write(args.out, report_workbook(table, reports, settings, period=args.period))
            print(f"smroi: wrote {args.out}")
            return 0
        result = summarise(table, reports, settings)
    except SmroiError as exc:
        print(f"smroi: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(_as_text(result))
    return 0


def _revoke(token: str) -> int:
    if ReportStore().revoke(token):
        print("smroi: the link no longer works.")
        return 0
    print("smroi: no such link, or it was already revoked.", file=sys.stderr)
    return 2


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise InputFileError(str(path), f"cannot write the report ({exc.strerror}).") from None


def _load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise InputFileError(
            str(path), f"cannot read the settings file ({exc.strerror})."
        ) from None
    return settings_from_json(text, source=str(path))


def _load(
    paths: list[Path], column_map: Mapping[str, str], sheet: str | None = None
) -> tuple[pd.DataFrame, list[ImportReport]]:
    tables, reports = [], []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputFileError(str(path), f"cannot read the file ({exc.strerror}).") from None
        table, report = read_file(str(path), data, column_map, sheet)
        if sheet and report.sheets and sheet not in report.sheets:
            raise InputFileError(
                str(path),
                f"the workbook has no sheet {sheet!r} (it has {', '.join(report.sheets)}).",
            )
        tables.append(table)
        reports.append(report)
    for _, report in check_together(list(zip(tables, reports, strict=True))):
        if report.error:  # two currencies: refuse to add them up
            raise InputFileError(report.file, report.error.removeprefix(f"{report.file}: "))
    return pd.concat(tables, ignore_index=True), reports


def summarise(
    table: pd.DataFrame, reports: list[ImportReport], settings: Settings
) -> dict[str, Any]:
    """The JSON object of docs/DESIGN.md's CLI contract."""
    analysis = analyse(table, settings)
    warnings = [line for report in reports for line in report.summary()]
    warnings += _currency_warnings(reports, settings)
    warnings += list(analysis.warnings)
    return {
        "rows_read": sum(report.rows_read for report in reports),
        "rows_used": sum(report.rows_used for report in reports),
        "warnings": warnings,
        "currency": settings.currency,
        "period": {
            "start": analysis.first_day.isoformat() if analysis.first_day else None,
            "end": analysis.last_day.isoformat() if analysis.last_day else None,
        },
        "totals": _keys(headline(analysis)),
        "by_platform": _by_platform(analysis),
    }


def _keys(values: dict[str, Any]) -> dict[str, Any]:
    return {key: values[key] for key in SUMMARY_KEYS}


def _by_platform(analysis: Analysis) -> dict[str, dict[str, Any]]:
    frame = by_group(analysis, "platform")
    result = {}
    for record in frame.to_dict("records"):
        values = {key: None if pd.isna(record[key]) else record[key] for key in SUMMARY_KEYS}
        for key, value in values.items():
            if value is not None and METRICS[key].unit == "count" and float(value).is_integer():
                values[key] = int(value)
            elif value is not None:
                values[key] = float(value)
        result[str(record["platform"])] = values
    return result


def _currency_warnings(reports: list[ImportReport], settings: Settings) -> list[str]:
    return [
        f"{report.file}: its amounts are in {report.currency}, but the settings say "
        f"{settings.currency}; amounts are added up as they are."
        for report in reports
        if report.currency and report.currency != settings.currency
    ]


def _as_text(result: dict[str, Any]) -> str:
    currency = result["currency"]
    period = result["period"]
    lines = [
        f"rows read {result['rows_read']:,}, used {result['rows_used']:,}; "
        f"period {period['start'] or '?'} to {period['end'] or '?'}; currency {currency}",
        "",
    ]
    width = max(len(METRICS[key].label) for key in SUMMARY_KEYS)
    for key in SUMMARY_KEYS:
        lines.append(
            f"{METRICS[key].label:<{width}}  {format_metric(key, result['totals'][key], currency)}"
        )
    if result["warnings"]:
        lines += ["", "Warnings:"] + [f"- {line}" for line in result["warnings"]]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
