"""`smroi` on the command line: the same numbers as the dashboard, for scripts and cron.

    smroi summary FILE... [--settings S.json] [--sheet NAME] [--currency CODE] [--json]
                  [--by COL[,COL...]] [--period day|week|month|quarter|year]
    smroi export FILE... --out report.xlsx [--settings S.json] [--sheet NAME] [--currency CODE]
                 [--period week] [--lang en|nb|fa] [--digits native|latin]
    smroi share FILE... [--settings S.json] [--sheet NAME] [--currency CODE] [--title T]
                [--expires-days N] [--password]
    smroi revoke LINK-OR-TOKEN
    smroi purge
    smroi send-due
    smroi attribution TOUCHPOINTS [CONVERSIONS] [--model last|first|linear|time_decay|position]
                      [--half-life-days N] [--lookback-days N] [--json]
    smroi whatif FILE... [--settings S.json] [--move SHARE%:FROM:TO] [--total AMOUNT] [--json]
    smroi report FILE... --out report.pdf [--settings S.json] [--sheet NAME] [--currency CODE]
                 [--lang en|nb|fa] [--digits native|latin]
                 [--period last-week|last-month|last-quarter|START..END]
    smroi report --shared LINK-OR-TOKEN --out report.pdf [--password] [--lang …] [--digits …]

Bad input (a file that cannot be read, a bad option, settings file or SMROI_* variable)
exits with status 2 and one line on stderr, "smroi: " and the problem, naming the file.
A bug in smroi exits with status 1 and one line ("smroi: internal error …"); with
SMROI_DEBUG=1 it prints the traceback instead.
`share --password` asks for the link's password at a prompt (twice, not shown); without
it, SMROI_SHARE_PASSWORD gives one if set. A password is never taken from the command line,
where other users see it (ps, the shell's history): `--password VALUE` is refused (exit 2).
The command line speaks English; `export --lang nb` (or fa) writes the workbook in that
language.

`currency` is the settings' currency, else the one the files name (a currency column, a
header such as "Amount spent (AUD)", or "£" in the cells), else USD with a warning.
Files in two currencies are refused (exit 2) unless --currency picks the one to read.
`totals` also carries gross_profit, gross_margin_pct, break_even_roas and break_even_cpa
(docs/METRICS.md 4a); a measure no file reports is null (4b), not 0.

Additions to docs/DESIGN.md's CLI contract (`summary --json`), each key present only
when asked for, but `intervals`:
- `--by COL[,COL...]` adds `groups`: a list of objects, each with the group's values
  (keys = the column names, values as text, "(not set)" where missing) and the metric
  keys of `totals`, ratios recomputed from the group's sums. Columns: platform,
  campaign, element, paid and the dimensions (age, gender, location, …).
- `--period P` adds `periods`: a list of objects with `period` (the period's first day;
  weeks start on Monday), the metric keys of `totals`, `days` (days covered) and
  `partial` (the data covers only part of the period).
- `intervals` (always): how sure each rate is (smroi.intervals, docs/METRICS.md "How
  sure is each rate?"): for ctr, conversion_rate, cpe, cpl, cpa, full_cpl, full_cpa,
  cost_per_result and roi_pct, {"low": …, "high": …, "level": 0.9}, the 90% interval
  from the counts behind the rate (fractions for ctr and conversion_rate, money for the
  costs, percent for roi_pct); null where the counts cannot give one (no trials, no result).
- Goals in the settings add `goals`: one object per goal, its status in the latest
  period (smroi.goals.goal_status): metric, period, period_start, period_end, target,
  actual, progress_pct, met, days_covered, days_in_period, days_left, needed_per_day,
  on_pace.
- Files with both ad platforms' claimed sales (paid rows with purchases or conversion value)
  and a record of orders (a Shopify orders or GA4 export, or rows of sales without ad spend,
  impressions, clicks or engagements) add `claimed_vs_recorded` (docs/METRICS.md, "Claimed
  against recorded"; smroi.claimed_sales). Over the days both cover: {"compared": true,
  "sentence": text, "start", "end" (ISO days), "days", "claimed": {"sales", "value"},
  "recorded": {"sales", "value"}, "over_claim" (claimed value / recorded value, null when
  nothing was recorded), "count_over_claim", "rows_across_the_edge", "roi_on" ("claimed" or
  "recorded": what return counts on those days, `values.roi_on`), "by_platform": {platform:
  {"claimed_sales", "claimed_value", "claim_share" (0-1), "recorded_sales_share",
  "recorded_value_share" (the shop's record shared in proportion to the claims),
  "over_claim" (its claimed value / all recorded value)}}}. When the two cover no day in
  common: {"compared": false, "reason": text, "claimed_days", "recorded_days" ({"start",
  "end"}), "roi_on"}. Return never counts both: on those days it counts the one `roi_on`
  names.

`purge` deletes the expired and revoked shared reports and their data, and prints how
many and how many bytes of snapshots they took (exit status 0, also when there were none);
a report store that cannot be reached is one line and exit status 2. The app runs it once
when it starts; run it from cron to keep the store small (README, "Host it").

`send-due` mails every scheduled report that is due (smroi.schedules, made in the app's
"Share this report"): each recipient once per ISO week or calendar month (UTC), the PDF
report attached, the verdict sentence in the body, the live link when SMROI_BASE_URL is
set, and a stop link. It prints one line per message sent and a summary line; exit status
0 when all went (or nothing was due). Mail not configured (SMROI_SMTP_URL, SMROI_MAIL_FROM)
or malformed is one line and exit status 2; a message that could not be sent is one line on
stderr naming the report, the address and the problem (never the password), is not recorded,
so the next run tries it again, and makes the exit status 2. Run it from cron or a systemd
timer (README, "Share it"); running it twice sends nothing twice.

`attribution` (docs/METRICS.md section 8, smroi.attribution) reads touchpoints and
conversions from two files, or both from one, and prints each channel's share of the
conversions under one model (default: last touch; half-life 7 days, lookback 30 days).
With --json: {"model": key, "by_channel": {channel: {"conversions": fractional count,
"value": money}}, "unattributed": {"conversions": n, "value": money}, "warnings": [text]};
`unattributed` holds the conversions with no touch in their window, which by_channel
leaves out.

`report` writes the report as one PDF (smroi.pdf): the verdict and headline figures, the
settings behind them, the charts of the Overview, Cost per result, Goals and Earned media
pages and the top rows of their tables. `--period` keeps the rows of one period, relative
to today: last-week (the last whole Monday–Sunday week before today), last-month (the
previous calendar month), last-quarter (the previous calendar quarter), or START..END (ISO
days, both included); a period with no rows is bad input (exit 2, naming the period and
the days the files cover). `--shared` writes a saved report (a share link or its token)
with its own dates, platforms and title; its password is asked for as `share` asks
(`--password` alone, or SMROI_SHARE_PASSWORD).

`whatif` (docs/METRICS.md, "Budget what-if"; smroi.budget_curves) fits each platform's
curve, results a week = a x (ad spend a week)^b with 0 < b <= 1, to its whole weeks with
ad spend, and projects a week under a plan: today's average week, with `--move
20%:instagram:facebook` (a share of the first platform's weekly ad spend moved to the
second) and then `--total AMOUNT` (the weekly ad spend of the platforms with a curve
scaled to AMOUNT, each keeping its share). Each projected number comes with its 90% band
(5th and 95th percentile of 200 seeded bootstrap resamples of the weeks). With --json:
{"currency", "objective", "results" (the column results are: conversions, leads …),
"plan": {"move": {"share", "from", "to"} or null, "total": AMOUNT or null},
"platforms": {name: {"weeks", "spend_now", "spend_planned", "curve": {"results": {"a",
"b"}, "return": {"a", "b"} or null}, "results", "results_change", "return", "profit",
"profit_change" (each {"value", "low", "high"} a week, or null without a money value),
"outside" (the plan is beyond 1.5x the platform's largest week, or below its smallest by
as much)}}, "not_fitted": {name: {"reason": few_weeks|no_spread|no_results, "weeks",
"spread", "why"}}, "total": {"spend_now", "spend_planned", "results", "results_change",
"return", "profit", "profit_change"}, "sentence", "warnings"}. A --move naming a platform
without a curve is bad input (exit 2, saying why its curve cannot be told).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import math
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from smroi.attribution import (
    DEFAULT_HALF_LIFE_DAYS,
    DEFAULT_LOOKBACK_DAYS,
    MODELS,
    attribute,
    read_journeys,
)
from smroi.canonical import DIMENSIONS, LABELS
from smroi.cli_attribution import attribution_result, attribution_text
from smroi.cli_report import (
    add_report_options,
    files_report_of,
    report_password,
    shared_report_of,
    write_report,
)
from smroi.cli_summary import summarise, summary_text
from smroi.cli_whatif import plan_amount, plan_move, what_if, what_if_text
from smroi.currency import files_in_use, is_currency_code, report_currency
from smroi.errors import InputFileError, SmroiError
from smroi.exports import EXPORTS_BY_KEY, NO_EXPORT
from smroi.formatting import DIGITS
from smroi.goals import check_goal
from smroi.i18n import DEFAULT_LANGUAGE, LANGUAGES, _
from smroi.ingest import ImportReport, check_together
from smroi.isolation import read_file_isolated
from smroi.metrics import (
    FREQUENCIES,
)
from smroi.passwords import MIN_PASSWORD_CHARS, check_password
from smroi.quotas import MB
from smroi.readers import MAX_FILE_BYTES, check_size
from smroi.settings import Settings, settings_from_json
from smroi.store import MAX_EXPIRES_DAYS, ReportStore, share_link, token_of

# `share --password` with no value: ask for it (any value given is refused)
_ASK = object()
PASSWORD_VARIABLE = "SMROI_SHARE_PASSWORD"

# What `summary --by` can group on.
GROUP_COLUMNS: tuple[str, ...] = (*LABELS, "paid", *DIMENSIONS)


EXIT_STATUSES = (
    "exit status: 0 done; 2 bad input (a file, an option, the settings or an SMROI_* "
    "variable), with one line on stderr saying what; 1 an internal error (please report it; "
    "SMROI_DEBUG=1 shows the traceback)"
)


class _Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line said in one line (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        """Print "smroi: " and the mistake, with where to look, and exit with status 2."""
        self.exit(2, f"smroi: {_one_line(message)} (see: {self.prog} --help)\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 2 for bad input, 1 for a bug)."""
    # the store's log line for a failing database would repeat the one line printed below
    logging.getLogger("smroi.store").addHandler(logging.NullHandler())
    try:
        return _run(argv)
    except BrokenPipeError:  # `smroi summary f.csv | head -1`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("smroi: stopped.", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("SMROI_DEBUG", "").strip() not in ("", "0"):
            raise
        print(
            f"smroi: internal error ({type(exc).__name__}: {_one_line(str(exc))}); please "
            "report this (SMROI_DEBUG=1 shows the details).",
            file=sys.stderr,
        )
        return 1


def _one_line(text: str) -> str:
    """A message on one line: its whitespace, line breaks included, as single spaces."""
    return " ".join(text.split())


def _run(argv: list[str] | None) -> int:
    """The command line's work; SmroiError (bad input) is exit status 2."""
    parser = _Parser(
        prog="smroi", description="Social media ROI from exports.", epilog=EXIT_STATUSES
    )
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="print the headline metrics")
    export = commands.add_parser("export", help="write the Excel report with its charts")
    share = commands.add_parser("share", help="save a read-only report and print its link")
    revoke = commands.add_parser("revoke", help="stop a share link from working")
    revoke.add_argument("link", help="the share link, or its token (…?report=TOKEN)")
    commands.add_parser(
        "purge", help="delete expired and revoked shared reports (run it from cron)"
    )
    commands.add_parser(
        "send-due", help="e-mail the scheduled reports that are due (run it from cron)"
    )
    attribution = commands.add_parser(
        "attribution", help="split conversions and their value over the channels that led to them"
    )
    attribution.add_argument(
        "touchpoints", type=Path, help="touchpoints (journey, timestamp, channel), or both kinds"
    )
    attribution.add_argument(
        "conversions", type=Path, nargs="?", help="conversions (journey, timestamp, value)"
    )
    attribution.add_argument(
        "--model", choices=list(MODELS), default="last", help="the attribution model (last)"
    )
    attribution.add_argument(
        "--half-life-days",
        type=float,
        metavar="N",
        default=DEFAULT_HALF_LIFE_DAYS,
        help=f"time decay's half-life ({DEFAULT_HALF_LIFE_DAYS:g} days)",
    )
    attribution.add_argument(
        "--lookback-days",
        type=float,
        metavar="N",
        default=DEFAULT_LOOKBACK_DAYS,
        help=f"only touches this many days before a conversion count ({DEFAULT_LOOKBACK_DAYS:g})",
    )
    attribution.add_argument("--json", action="store_true", help="print JSON instead of a table")
    whatif = commands.add_parser(
        "whatif", help="project a week of results and profit under another ad budget"
    )
    whatif.add_argument(
        "--move",
        metavar="SHARE%:FROM:TO",
        type=plan_move,
        help="move a share of one platform's weekly ad spend to another (20%%:instagram:facebook)",
    )
    whatif.add_argument(
        "--total",
        metavar="AMOUNT",
        type=plan_amount,
        help="the new total weekly ad spend of the platforms with a curve (after --move)",
    )
    whatif.add_argument("--json", action="store_true", help="print JSON instead of a table")
    report = commands.add_parser("report", help="write the report as one PDF")
    for command in (summary, export, share, whatif, report):
        command.add_argument(
            "files", nargs="*" if command is report else "+", type=Path, help="CSV or Excel files"
        )
        command.add_argument("--settings", type=Path, help="settings JSON (costs, values, goals)")
        command.add_argument(
            "--sheet", help="the sheet to read in Excel workbooks (default: the one with the table)"
        )
        command.add_argument(
            "--currency",
            metavar="CODE",
            type=_currency_code,
            help="the report's currency (default: the settings', else the files'); with files in "
            "two currencies, the files in this one are read and the others left out",
        )
        command.add_argument(
            "--decimal-mark",
            metavar="COLUMN=MARK",
            type=_decimal_mark,
            action="append",
            default=[],
            help="the decimal mark of a file's column that mixes 1,234.50 and 1.234,50: "
            "'Spend=,' (comma) or 'Spend=.' (point); repeat for more columns",
        )
        command.add_argument(
            "--platform",
            metavar="[FILE=]EXPORT",
            type=_platform_choice,
            action="append",
            default=[],
            help="read the files (or FILE) as this platform's export instead of recognising it "
            f"from their columns: one of {', '.join(EXPORTS_BY_KEY)}, or {NO_EXPORT} (read "
            "the columns by their names); repeat for more files",
        )
    summary.add_argument("--json", action="store_true", help="print JSON instead of a table")
    summary.add_argument(
        "--by",
        metavar="COL[,COL...]",
        help=f"add the metrics per group of these columns ({', '.join(GROUP_COLUMNS)})",
    )
    summary.add_argument("--period", choices=list(FREQUENCIES), help="add the metrics per period")
    export.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    export.add_argument(
        "--period", choices=list(FREQUENCIES), default="week", help="the Over time sheet's period"
    )
    export.add_argument(
        "--lang",
        choices=list(LANGUAGES),
        default=DEFAULT_LANGUAGE,
        help="the workbook's language: sheet names, titles and notes (en)",
    )
    export.add_argument(
        "--digits",
        choices=list(DIGITS),
        default="native",
        help="digits of numbers inside the workbook's sentences: native (Persian ۱۲۳) or latin",
    )
    add_report_options(report, _ASK, PASSWORD_VARIABLE)
    share.add_argument("--title", default="", help="the report's title")
    share.add_argument(
        "--expires-days",
        type=_expires_days,
        metavar="N",
        default=None,
        help=f"days until the link stops working: 0 (never, the default) to {MAX_EXPIRES_DAYS}",
    )
    share.add_argument(
        "--password",
        nargs="?",
        const=_ASK,
        default=None,
        help=f"ask for a password the reader must type (at least {MIN_PASSWORD_CHARS} "
        f"characters; give --password alone, or set {PASSWORD_VARIABLE} instead)",
    )
    args = parser.parse_args(argv)
    try:
        password = _share_password(args.password) if args.command == "share" else None
        if args.command == "report" and (args.shared or not args.files):
            password = report_password(args.password, _ASK, PASSWORD_VARIABLE)
            return write_report(args.out, shared_report_of(args, password))
        if args.command == "revoke":
            return _revoke(token_of(args.link))
        if args.command == "purge":
            return _purge()
        if args.command == "send-due":
            from smroi.cli_mail import send_due_command  # mail and schedules: only here

            return send_due_command()
        if args.command == "attribution":
            return _attribution(args)
        by = _group_columns(args.by) if args.command == "summary" else None
        settings = _load_settings(args.settings)
        if args.currency:
            settings = settings.with_changes(currency=args.currency)
        if args.command == "summary":
            for goal in settings.goals:
                check_goal(goal, source=str(args.settings))
        table, reports = _load(
            args.files,
            settings.column_map,
            args.sheet,
            args.currency,
            dict(args.decimal_mark),
            _platforms_of(args.files, args.platform),
        )
        if args.command == "share":
            token = ReportStore().save(
                table,
                with_report_currency(settings, reports),
                title=args.title,
                reports=reports,
                expires_days=args.expires_days,
                password=password,
            )
            print(share_link(token))
            return 0
        if args.command == "export":
            from smroi.workbook import report_workbook  # the Excel writer: only here

            workbook = report_workbook(
                table, reports, settings, period=args.period, lang=args.lang, digits=args.digits
            )
            _write(args.out, workbook)
            print(f"smroi: wrote {args.out}")
            return 0
        if args.command == "report":
            return write_report(args.out, files_report_of(args, table, reports, settings))
        if args.command == "whatif":
            result = what_if(table, reports, settings, move=args.move, total=args.total)
        else:
            result = summarise(table, reports, settings, by=by, period=args.period)
    except SmroiError as exc:
        print(f"smroi: {_one_line(str(exc))}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(_without_float_noise(result), indent=2, ensure_ascii=False))
    else:
        print(what_if_text(result) if args.command == "whatif" else summary_text(result))
    return 0


def _without_float_noise(value: Any) -> Any:
    """Numbers to 15 significant digits, so that a count shared out in parts prints as 7.0,
    not 6.999999999999999 (a float's last bits say nothing a user needs)."""
    if isinstance(value, float) and math.isfinite(value):
        return float(f"{value:.15g}")
    if isinstance(value, dict):
        return {key: _without_float_noise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_float_noise(item) for item in value]
    return value


def _attribution(args: argparse.Namespace) -> int:
    """The `attribution` command; SmroiError for bad input (exit 2 in main)."""
    if not (args.half_life_days > 0 and math.isfinite(args.half_life_days)):
        raise SmroiError(
            f"--half-life-days must be a number of days above 0 (it is {args.half_life_days:g})."
        )
    if not args.lookback_days >= 0:
        raise SmroiError(f"--lookback-days must be 0 or more (it is {args.lookback_days:g}).")
    files = [_read_bytes(path) for path in (args.touchpoints, args.conversions) if path]
    journeys = read_journeys(files[0], files[1] if len(files) > 1 else None)
    result = attribution_result(
        attribute(
            journeys,
            args.model,
            half_life_days=args.half_life_days,
            lookback_days=args.lookback_days,
        )
    )
    print(
        json.dumps(result, indent=2, ensure_ascii=False)
        if args.json
        else attribution_text(result, args)
    )
    return 0


def _read_bytes(path: Path) -> tuple[str, bytes]:
    """The file's name and bytes; InputFileError if it cannot be read or is too large (no
    more than the limit and a byte is read, so /dev/zero or a huge file cannot fill memory)."""
    name = str(path)
    try:
        with path.open("rb") as file:
            if path.is_file():
                check_size(name, os.fstat(file.fileno()).st_size)
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputFileError(name, f"cannot read the file ({exc.strerror}).") from None
    check_size(name, len(data))
    return name, data


def _share_password(given: object) -> str | None:
    """The password of `share`: typed at a prompt (--password alone), else the variable
    SMROI_SHARE_PASSWORD, else none; one given on the command line is refused."""
    if isinstance(given, str):
        raise SmroiError(
            _(
                "smroi does not take a password on the command line, where anyone on this "
                "machine can read it (ps, the shell's history): give --password alone to be "
                "asked for it, or set {variable}.",
                variable=PASSWORD_VARIABLE,
            )
        )
    password = _ask_password() if given is _ASK else os.environ.get(PASSWORD_VARIABLE) or None
    if password is not None:
        check_password(password)
    return password


def _ask_password() -> str:
    """The password typed twice at a prompt that does not show it."""
    try:
        first = getpass.getpass(_("Password for the link: "))
        again = getpass.getpass(_("The same password again: "))
    except EOFError:
        raise SmroiError(
            _(
                "No password was typed (the input ended); type it at the prompt, or set "
                "{variable}.",
                variable=PASSWORD_VARIABLE,
            )
        ) from None
    if first != again:
        raise SmroiError(_("The two passwords typed are not the same; run the command again."))
    return first


def _revoke(token: str) -> int:
    if ReportStore().revoke(token):
        print("smroi: the link no longer works.")
        return 0
    print("smroi: no such link, or it was already revoked.", file=sys.stderr)
    return 2


def _purge() -> int:
    """`smroi purge`: delete the expired and revoked reports, say how many and their bytes."""
    purged = ReportStore().purge()
    reports = "report" if purged.reports == 1 else "reports"
    print(
        f"smroi: deleted {purged.reports:,} expired or revoked {reports}, "
        f"freeing {purged.bytes:,} bytes ({purged.bytes / MB:,.1f} MB)."
    )
    return 0


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise InputFileError(str(path), f"cannot write the report ({exc.strerror}).") from None


def _group_columns(text: str | None) -> list[str] | None:
    """The columns of `--by a,b`, checked; None when the option is not given."""
    if text is None:
        return None
    columns = list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    allowed = ", ".join(GROUP_COLUMNS)
    if not columns:
        raise SmroiError(f"--by needs a column to group by (one of: {allowed}).")
    for column in columns:
        if column not in GROUP_COLUMNS:
            raise SmroiError(f"--by: there is no column {column!r} to group by (use: {allowed}).")
    return columns


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


def _expires_days(text: str) -> float:
    """--expires-days's value, checked: 0 (never) to MAX_EXPIRES_DAYS days."""
    try:
        days = float(text)
    except ValueError:
        days = math.nan
    if not 0 <= days <= MAX_EXPIRES_DAYS:  # nan is neither
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of days from 0 (never expires) to {MAX_EXPIRES_DAYS}"
        )
    return days


def _currency_code(text: str) -> str:
    """--currency's value, checked: an ISO code such as NOK."""
    if not is_currency_code(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a currency code such as USD or NOK")
    return text.strip().upper()


def _decimal_mark(text: str) -> tuple[str, str]:
    """--decimal-mark's value, checked: a column and its mark, 'Spend=,' or 'Spend=.'."""
    column, equals, mark = text.rpartition("=")
    mark = {"comma": ",", "point": ".", "period": ".", "dot": "."}.get(mark.strip(), mark.strip())
    if not equals or not column.strip() or mark not in (",", "."):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a column and its decimal mark, such as 'Spend=,' or 'Spend=.'"
        )
    return column.strip(), mark


def _platform_choice(text: str) -> tuple[str, str]:
    """--platform's value, checked: ('', export key) for every file, or (file, export key)."""
    file, _equals, key = text.rpartition("=")
    key = key.strip().lower()
    if key != NO_EXPORT and key not in EXPORTS_BY_KEY:
        raise argparse.ArgumentTypeError(
            f"{key!r} is not a platform export smroi knows: use one of "
            f"{', '.join(EXPORTS_BY_KEY)}, or {NO_EXPORT}"
        )
    return file.strip(), key


def _platforms_of(paths: list[Path], choices: list[tuple[str, str]]) -> dict[str, str]:
    """File (as given) -> the export chosen for it with --platform (FILE= by path or name)."""
    chosen: dict[str, str] = {}
    named = {file for file, _key in choices if file}
    for file in named:
        if not any(file in (str(path), path.name) for path in paths):
            raise SmroiError(f"--platform names {file!r}, which is not one of the files.")
    for path in paths:
        for file, key in choices:
            if not file or file in (str(path), path.name):
                chosen[str(path)] = key
    return chosen


def _load(
    paths: list[Path],
    column_map: Mapping[str, str],
    sheet: str | None = None,
    currency: str | None = None,
    decimal_marks: Mapping[str, str] | None = None,
    exports: Mapping[str, str] | None = None,
) -> tuple[pd.DataFrame, list[ImportReport]]:
    tables, reports = [], []
    for path in paths:
        _name, data = _read_bytes(path)
        table, report = read_file_isolated(
            str(path),
            data,
            column_map=column_map,
            sheet=sheet,
            decimal_marks=decimal_marks,
            export_choice=(exports or {}).get(str(path)),
        )
        if sheet and report.sheets and sheet not in report.sheets:
            raise InputFileError(
                str(path),
                f"the workbook has no sheet {sheet!r} (it has {', '.join(report.sheets)}).",
            )
        tables.append(table)
        reports.append(report)
    kept = []
    for table, report in check_together(list(zip(tables, reports, strict=True)), currency):
        if report.error and currency is None:  # two currencies: refuse to add them up
            raise InputFileError(
                report.file,
                report.error.removeprefix(f"{report.file}: ") + " (--currency CODE)",
            )
        if report.error is None:
            kept.append(table)
    return pd.concat(kept, ignore_index=True), reports


def with_report_currency(settings: Settings, reports: list[ImportReport]) -> Settings:
    """The settings with the report's currency filled in: theirs, else the files'."""
    currency, _notes = report_currency(settings.currency, files_in_use(reports))
    return settings.with_changes(currency=currency)


if __name__ == "__main__":
    sys.exit(main())
