"""`smroi send-due`: mail every scheduled report that is due (smroi.schedules; run it from
cron or a systemd timer, README "Share it").

One line per message sent, then a summary line. A message that could not be sent is one
line on stderr naming the report, the address and the problem, is not recorded (the next
run tries it again), and makes the exit status 2; so does mail that is not configured
(SMROI_SMTP_URL, SMROI_MAIL_FROM). A failure of smroi itself (a bug making one report's
PDF) is reported the same way, the other reports still go out, and the status is 1.
Nothing due is exit status 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime

from smroi.mail import mail_settings, send_message
from smroi.schedules import Deliver, Renderer, send_due
from smroi.store import ReportStore, Snapshot


def real_renderer() -> Renderer:
    """The PDF report and its verdict sentence, from smroi.pdf (imported when needed)."""
    from smroi import pdf  # heavy (fonts, charts): imported only when a mail is sent

    def render(snapshot: Snapshot, lang: str, digits: str, link: str | None) -> tuple[bytes, str]:
        document = pdf.snapshot_pdf(snapshot, lang=lang, digits=digits, link=link)
        return document, pdf.snapshot_verdict(snapshot, lang=lang, digits=digits)

    return render


def send_due_command(
    *,
    render: Callable[[], Renderer] | None = None,
    now: datetime | None = None,
    deliver: Deliver = send_message,
) -> int:
    """Send what is due; the exit status (0, or 2 when mail is not configured or a send
    failed). `render` makes the PDF renderer (default: real_renderer, looked up now)."""
    mail = mail_settings()  # MailNotConfigured (a SmroiError: exit 2) before anything else
    outcome = send_due(
        ReportStore(),
        mail,
        _lazy(render or real_renderer),
        base_url=os.environ.get("SMROI_BASE_URL"),
        now=now,
        deliver=deliver,
    )
    for sent in outcome.sent:
        print(f"smroi: sent “{sent.title}” ({sent.period}) to {sent.address}")
    for failed in outcome.failed:
        to = f" to {failed.address}" if failed.address else ""
        print(f"smroi: not sent: “{failed.title}”{to}: {failed.problem}", file=sys.stderr)
    mails = "e-mail" if len(outcome.sent) == 1 else "e-mails"
    summary = f"smroi: sent {len(outcome.sent)} {mails}"
    if outcome.failed:
        summary += f", {len(outcome.failed)} failed (tried again at the next run)"
    if outcome.stopped:
        summary += f"; stopped {outcome.stopped} schedule(s) of revoked or expired reports"
    print(summary + ".")
    if any(failed.bug for failed in outcome.failed):
        return 1  # smroi failed: the CLI's status for a bug
    return 2 if outcome.failed else 0


def _lazy(make: Callable[[], Renderer]) -> Renderer:
    """The renderer, made the first time a report is rendered (nothing due: no import)."""
    made: list[Renderer] = []

    def render(snapshot: Snapshot, lang: str, digits: str, link: str | None) -> tuple[bytes, str]:
        if not made:
            made.append(make())
        return made[0](snapshot, lang, digits, link)

    return render
