"""`smroi report`: the PDF report of files and settings, or of a saved report (share link)."""

from __future__ import annotations

import argparse
import getpass
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from smroi.errors import SmroiError
from smroi.formatting import DIGITS, format_day
from smroi.i18n import DEFAULT_LANGUAGE, LANGUAGES, _
from smroi.ingest import ImportReport
from smroi.settings import Settings

PERIODS = ("last-week", "last-month", "last-quarter")
_RANGE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$")


def report_period(text: str, today: date | None = None) -> tuple[date, date]:
    """The first and last day (inclusive) a --period names, relative to `today`:
    last-week (the last whole Monday–Sunday week before today), last-month (the previous
    calendar month), last-quarter (the previous calendar quarter), or START..END."""
    today = today or date.today()
    if text == "last-week":
        monday = today - timedelta(days=today.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if text == "last-month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if text == "last-quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        end = today.replace(month=first_month, day=1) - timedelta(days=1)
        return end.replace(month=3 * ((end.month - 1) // 3) + 1, day=1), end
    match = _RANGE.match(text)
    if match:
        try:
            first, last = (date.fromisoformat(day) for day in match.groups())
        except ValueError:  # 2026-02-30
            pass
        else:
            if first <= last:
                return first, last
    raise SmroiError(
        _(
            "--period {text} is not a period: give last-week, last-month, last-quarter or "
            "START..END (two days as 2026-06-01..2026-06-30, the first not after the last).",
            text=repr(text),
        )
    )


def files_report(
    table: pd.DataFrame,
    reports: list[ImportReport],
    settings: Settings,
    *,
    period: str | None,
    lang: str,
    digits: str,
    today: date | None = None,
) -> bytes:
    """The PDF of the files for a period; a period the files have no row in is bad input."""
    start = end = None
    if period:
        start, end = report_period(period, today)
        days = pd.to_datetime(table["date"], errors="coerce").dt.date
        inside = days.between(start, end)
        if not bool(inside.any()):
            known = days.dropna()
            covered = (
                _("no dates")
                if known.empty
                else f"{format_day(known.min())} – {format_day(known.max())}"
            )
            raise SmroiError(
                _(
                    "No rows in {period} ({start} – {end}): the files cover {covered}.",
                    period=period,
                    start=format_day(start),
                    end=format_day(end),
                    covered=covered,
                )
            )
    from smroi.pdf import report_pdf  # the PDF stack (fpdf2, vl-convert): only for `report`

    return report_pdf(table, reports, settings, start=start, end=end, lang=lang, digits=digits)


def shared_report(link: str, password: str | None, *, lang: str, digits: str) -> bytes:
    """The PDF of a saved report, opened with its password when it has one."""
    from smroi.pdf import snapshot_pdf  # the PDF stack and the store: only for `report`
    from smroi.store import ReportStore, share_link, token_of

    token = token_of(link)
    snapshot = ReportStore().open(token, password)
    return snapshot_pdf(snapshot, lang=lang, digits=digits, link=share_link(token))


def add_report_options(report: argparse.ArgumentParser, ask: object, variable: str) -> None:
    """The options of `smroi report` (its files and their reading options are the others')."""
    report.add_argument("--out", type=Path, required=True, help="the .pdf file to write")
    report.add_argument(
        "--lang", choices=list(LANGUAGES), default=DEFAULT_LANGUAGE, help="the report's language"
    )
    report.add_argument(
        "--digits",
        choices=list(DIGITS),
        default="native",
        help="digits of the report's numbers: native (Persian ۱۲۳) or latin",
    )
    report.add_argument(
        "--period",
        metavar="last-week|last-month|last-quarter|START..END",
        help="only this period's rows (relative to today; START..END as ISO days, inclusive)",
    )
    report.add_argument(
        "--shared", metavar="LINK-OR-TOKEN", help="a saved report (share link) instead of files"
    )
    report.add_argument(
        "--password",
        nargs="?",
        const=ask,
        default=None,
        help=f"ask for the saved report's password (or set {variable})",
    )


def files_report_of(
    args: argparse.Namespace, table: pd.DataFrame, reports: list[ImportReport], settings: Settings
) -> bytes:
    """`smroi report FILE...`: the files' PDF."""
    return files_report(
        table, reports, settings, period=args.period, lang=args.lang, digits=args.digits
    )


def shared_report_of(args: argparse.Namespace, password: str | None) -> bytes:
    """`smroi report --shared LINK`: the saved report's PDF; files or a period beside it are
    bad input."""
    if not args.shared:
        raise SmroiError(_("Give the files to report on, or --shared LINK for a saved report."))
    if args.files or args.period:
        raise SmroiError(
            _("--shared reports on a saved report as it was saved: give no files or --period.")
        )
    return shared_report(args.shared, password, lang=args.lang, digits=args.digits)


def report_password(given: object, ask: object, variable: str) -> str | None:
    """The saved report's password: typed once at a prompt (--password alone), else the
    variable SMROI_SHARE_PASSWORD, else none; one given on the command line is refused."""
    if isinstance(given, str):
        raise SmroiError(
            _(
                "smroi does not take a password on the command line, where anyone on this "
                "machine can read it (ps, the shell's history): give --password alone to be "
                "asked for it, or set {variable}.",
                variable=variable,
            )
        )
    if given is ask:
        try:
            return getpass.getpass(_("Password of the saved report: "))
        except EOFError:
            raise SmroiError(
                _(
                    "No password was typed (the input ended); type it at the prompt, or set "
                    "{variable}.",
                    variable=variable,
                )
            ) from None
    return os.environ.get(variable) or None


def write_report(path: Path, content: bytes) -> int:
    """Write the PDF and say so; exit status 0."""
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise SmroiError(
            _("Cannot write {path}: {reason}", path=str(path), reason=exc.strerror or str(exc))
        ) from None
    print(f"smroi: wrote {path}")
    return 0
