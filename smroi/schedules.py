"""E-mail schedules: a shared report mailed as a PDF every week or month (`smroi send-due`).

A schedule belongs to one share link. It holds its recipients, how often (an ISO week or a
calendar month, UTC), and the language and digits of its mail. `send_due` sends each
recipient the report once per period: the first time at the first run after the schedule
is made, then once in each new week or month. Every message is sent to one address alone
(the stop link in it is that recipient's own, and no one sees the others' addresses).

What was sent is recorded in schedule_sends, one row per schedule, period and address,
under a unique constraint: a run claims the row before sending (status "sending") and marks
it "sent" afterwards, so two runs at once cannot both send, and running it twice sends
nothing twice. A failed send deletes its claim, so the next run tries again; a claim left
by a run that died is taken over after CLAIM_EXPIRES.

The link in the mail. The store keeps only the SHA-256 of a share token, so a link could
not be written into a mail sent later. A schedule therefore keeps the share token it mails
(report_schedules.share_token), and only for as long as it runs: the token is erased when
the schedule is stopped (by its owner in the app, by the last recipient's stop link, or by
`send-due` when the report is expired), and the schedule is deleted with its report when
the link is revoked or purged (smroi.store). The mail carries the live link only when
SMROI_BASE_URL is set (`send-due` runs outside the app and knows no other address).

Stop links. Each message gets a new random stop token (`BASE/?stop=TOKEN`); the store keeps
its SHA-256 with the row of that send, so a link in any message ever sent stops that one
recipient (the schedule goes on for the others). A token made when the schedule is made
could not be put in later mail, for the same reason as the share token.

A password-protected report is mailed too: its owner chose to send it. The snapshot is
read by its hash without the password (ReportStore.snapshot_for_mail); the live link in the
mail still asks for the password. A report that is revoked, expired or purged sends
nothing, and its schedule is stopped. This module is plain Python: it never imports
streamlit.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

import sqlalchemy as sa

from smroi.errors import SmroiError
from smroi.formatting import DIGITS, format_day, format_day_range, period_label
from smroi.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _, fill, translator
from smroi.mail import MailSettings, send_message, valid_address
from smroi.metrics import period_of
from smroi.store import ReportNotAvailable, ReportStore, Snapshot, share_link, token_of
from smroi.store_schema import RECIPIENTS, SCHEDULES, SENDS, token_hash

EVERY = ("week", "month")  # how often a schedule sends: each ISO week, each calendar month
CLAIM_EXPIRES = timedelta(minutes=30)  # a "sending" claim older than this is taken over
# the most addresses a schedule mails, and running schedules a link has: a site open to
# anyone must not become a way to send mail to many people
MAX_RECIPIENTS = 10
MAX_SCHEDULES = 5
STOP_PARAM = "stop"  # BASE/?stop=TOKEN

# what the mail says, in the schedule's language
SUBJECTS = {
    "week": N_("{title}: this week's report"),
    "month": N_("{title}: this month's report"),
}
_PERIOD_LINES = {
    "week": N_("The report for the week of {day} is attached as a PDF."),
    "month": N_("The report for {month} is attached as a PDF."),
}
_DATA_LINE = N_("The figures cover {days}.")
_LIVE_LINE = N_("The live report: {link}")
_STOP_LINES = {
    "week": N_("You get this e-mail every week. To stop it: {link}"),
    "month": N_("You get this e-mail every month. To stop it: {link}"),
}
_STOP_ASK_LINES = {
    "week": N_(
        "You get this e-mail every week. To stop it, ask whoever sent it; they can stop it "
        "in smroi, where they shared the report."
    ),
    "month": N_(
        "You get this e-mail every month. To stop it, ask whoever sent it; they can stop "
        "it in smroi, where they shared the report."
    ),
}

# (snapshot, lang, digits, link to the live report or None) -> (PDF bytes, verdict sentence)
Renderer = Callable[[Snapshot, str, str, str | None], tuple[bytes, str]]
Deliver = Callable[[MailSettings, EmailMessage], None]


class ScheduleError(SmroiError):
    """A schedule cannot be made as asked (no address, a bad one, an unknown frequency)."""


# ---------------------------------------------------------------- what a schedule is


@dataclass(frozen=True)
class Recipient:
    """One address a schedule mails to, and when it was stopped (None while it gets mail)."""

    address: str
    stopped_at: datetime | None = None


@dataclass(frozen=True)
class Schedule:
    """A report mailed every week or month to its recipients."""

    id: str
    report_hash: str
    every: str  # "week" or "month"
    lang: str
    digits: str
    created_at: datetime
    stopped_at: datetime | None
    recipients: tuple[Recipient, ...]
    share_token: str | None = None  # kept while the schedule runs, for the live link

    @property
    def active_addresses(self) -> tuple[str, ...]:
        """The addresses that still get the mail."""
        return tuple(r.address for r in self.recipients if r.stopped_at is None)


@dataclass(frozen=True)
class Sent:
    """One message `send_due` sent."""

    title: str
    address: str
    period: str


@dataclass(frozen=True)
class Failed:
    """A message (or a schedule's report) that could not be sent, and why, in one sentence."""

    title: str
    address: str | None  # None when the report itself could not be made
    problem: str
    bug: bool = False  # smroi failed (please report it), not the mail server or the data


@dataclass(frozen=True)
class Outcome:
    """What a `send_due` run did."""

    sent: tuple[Sent, ...]
    failed: tuple[Failed, ...]
    stopped: int  # schedules stopped because their report is gone


def period_key(every: str, now: datetime) -> str:
    """The period `now` falls in, as a key: "2026-W49" (ISO week) or "2026-12" (month), UTC."""
    day = now.astimezone(UTC).date()
    if every == "week":
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year}-{day.month:02d}"


def stop_link(token: str, base_url: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The link in a message that stops mail to its recipient (its page in `lang`)."""
    link = f"{base_url.rstrip('/')}/?{STOP_PARAM}={token}"
    return link if lang == DEFAULT_LANGUAGE else f"{link}&lang={lang}"


def masked(address: str) -> str:
    """An address as the stop page shows it: "a…@example.com"."""
    local, _at, domain = address.partition("@")
    return f"{local[:1]}…@{domain}"


# ---------------------------------------------------------------- making and stopping


def create_schedule(
    store: ReportStore,
    share_token: str,
    addresses: Sequence[str],
    *,
    every: str,
    lang: str = DEFAULT_LANGUAGE,
    digits: str = "native",
    now: datetime | None = None,
) -> Schedule:
    """Schedule the report of this share link to be mailed to `addresses` every week or
    month; ScheduleError for a bad address or frequency, ReportNotAvailable for a link
    that is revoked or expired."""
    if every not in EVERY:
        raise ScheduleError(_("A schedule sends every week or every month."))
    wanted = list(dict.fromkeys(a.strip() for a in addresses if a.strip()))
    if not wanted:
        raise ScheduleError(_("Give at least one e-mail address."))
    bad = [a for a in wanted if not valid_address(a)]
    if bad:
        raise ScheduleError(_("Not an e-mail address: {addresses}.", addresses=", ".join(bad)))
    if len(wanted) > MAX_RECIPIENTS:
        raise ScheduleError(
            _(
                "A schedule sends to at most {most} addresses; this one has {count}.",
                most=MAX_RECIPIENTS,
                count=len(wanted),
            )
        )
    token = token_of(share_token)
    at = _now(now)
    store.info(token, now=at)  # raises ReportNotAvailable
    if len(schedules_of(store, token)) >= MAX_SCHEDULES:
        raise ScheduleError(
            _(
                "This link has {most} e-mail schedules already; stop one to make another.",
                most=MAX_SCHEDULES,
            )
        )
    schedule = Schedule(
        id=secrets.token_urlsafe(16),
        report_hash=token_hash(token),
        every=every,
        lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE,
        digits=digits if digits in DIGITS else "native",
        created_at=at,
        stopped_at=None,
        recipients=tuple(Recipient(a) for a in wanted),
        share_token=token,
    )
    with store.writing() as connection:
        connection.execute(
            SCHEDULES.insert().values(
                id=schedule.id,
                report_hash=schedule.report_hash,
                share_token=token,
                every=every,
                lang=schedule.lang,
                digits=schedule.digits,
                created_at=at,
                stopped_at=None,
            )
        )
        connection.execute(
            RECIPIENTS.insert(),
            [{"schedule_id": schedule.id, "address": a, "stopped_at": None} for a in wanted],
        )
    return schedule


def schedules_of(store: ReportStore, share_token: str) -> list[Schedule]:
    """The running schedules of this share link, oldest first (stopped ones left out)."""
    hashed = token_hash(token_of(share_token))
    return [s for s in _schedules(store, SCHEDULES.c.report_hash == hashed) if s.stopped_at is None]


def stop_schedule(store: ReportStore, share_token: str, schedule_id: str) -> bool:
    """The owner's Stop: no more mail from this schedule of this link (the kept share
    token erased); True if it was running."""
    hashed = token_hash(token_of(share_token))
    with store.writing() as connection:
        chosen = (SCHEDULES.c.id == schedule_id) & (SCHEDULES.c.report_hash == hashed)
        return _stop(connection, chosen) == 1


def stop_target(store: ReportStore, stop_token: str) -> tuple[str, bool] | None:
    """The address a stop link is for and whether it still gets the mail; None if the link
    is not one smroi made (or its schedule is gone)."""
    row = _send_of(store, stop_token)
    if row is None:
        return None
    query = sa.select(RECIPIENTS.c.stopped_at).where(
        RECIPIENTS.c.schedule_id == row.schedule_id, RECIPIENTS.c.address == row.address
    )
    with store.reading() as connection:
        stopped = connection.execute(query).one_or_none()
    if stopped is None:
        return None
    return row.address, stopped.stopped_at is None


def stop_recipient(
    store: ReportStore, stop_token: str, *, now: datetime | None = None
) -> str | None:
    """A stop link's button: no more mail from this schedule to that one address (the
    schedule stops when no address is left); the address, or None for an unknown link."""
    row = _send_of(store, stop_token)
    if row is None:
        return None
    at = _now(now)
    one = (RECIPIENTS.c.schedule_id == row.schedule_id) & (RECIPIENTS.c.address == row.address)
    with store.writing() as connection:
        connection.execute(
            RECIPIENTS.update().where(one, RECIPIENTS.c.stopped_at.is_(None)).values(stopped_at=at)
        )
        left = connection.execute(
            sa.select(sa.func.count()).where(
                RECIPIENTS.c.schedule_id == row.schedule_id, RECIPIENTS.c.stopped_at.is_(None)
            )
        ).scalar_one()
        if not left:
            _stop(connection, SCHEDULES.c.id == row.schedule_id, at)
    return str(row.address)


# ---------------------------------------------------------------- sending


def due(store: ReportStore, *, now: datetime | None = None) -> list[tuple[Schedule, list[str]]]:
    """The running schedules with addresses not yet sent this period, and those addresses."""
    at = _now(now)
    result = []
    for schedule in _schedules(store, SCHEDULES.c.stopped_at.is_(None)):
        period = period_key(schedule.every, at)
        query = sa.select(SENDS.c.address).where(
            SENDS.c.schedule_id == schedule.id,
            SENDS.c.period == period,
            # sent, or being sent by a run that is still alive
            (SENDS.c.status == "sent") | (SENDS.c.at >= at - CLAIM_EXPIRES),
        )
        with store.reading() as connection:
            done = set(connection.execute(query).scalars())
        waiting = [a for a in schedule.active_addresses if a not in done]
        if waiting:
            result.append((schedule, waiting))
    return result


def send_due(
    store: ReportStore,
    mail: MailSettings,
    render: Renderer,
    *,
    base_url: str | None = None,
    now: datetime | None = None,
    deliver: Deliver = send_message,
) -> Outcome:
    """Send every schedule that is due: one message per recipient, the PDF attached, each
    recorded once sent. A failed message is not recorded (the next run tries it again); a
    report that is revoked, expired or purged sends nothing and its schedule is stopped."""
    at = _now(now)
    base = (base_url or "").strip().rstrip("/") or None
    sent: list[Sent] = []
    failed: list[Failed] = []
    stopped = 0
    for schedule, addresses in due(store, now=at):
        period = period_key(schedule.every, at)
        try:
            snapshot = store.snapshot_for_mail(
                schedule.report_hash, token=schedule.share_token or "", now=at
            )
        except ReportNotAvailable:
            with store.writing() as connection:
                stopped += _stop(connection, SCHEDULES.c.id == schedule.id, at)
            continue
        except SmroiError as exc:  # its saved data cannot be read
            failed.append(Failed(_title_of(schedule), None, str(exc)))
            continue
        title = _one_line(snapshot.info.title)
        live = _live_link(schedule, base)
        try:
            pdf, verdict = render(snapshot, schedule.lang, schedule.digits, live)
        except SmroiError as exc:
            failed.append(Failed(title, None, str(exc)))
            continue
        except Exception as exc:  # a bug in the PDF: the other schedules still go out
            failed.append(Failed(title, None, _bug("the PDF could not be made", exc), bug=True))
            continue
        for address in addresses:
            stop_token = secrets.token_urlsafe(32)
            if not _claim(store, schedule.id, period, address, stop_token, at):
                continue  # another run has it, or sent it
            try:
                message = compose(
                    schedule, snapshot, mail.sender, address, period,
                    pdf=pdf, verdict=verdict, live_link=live,
                    stop=stop_link(stop_token, base, schedule.lang) if base else None,
                )  # fmt: skip
                deliver(mail, message)
            except SmroiError as exc:
                _release(store, schedule.id, period, address)
                failed.append(Failed(title, address, str(exc)))
                continue
            except Exception as exc:  # a bug: not recorded, reported, the others go on
                _release(store, schedule.id, period, address)
                failed.append(Failed(title, address, _bug("the mail could not be made", exc), True))
                continue
            _mark_sent(store, schedule.id, period, address, at)
            sent.append(Sent(title, address, period))
    return Outcome(tuple(sent), tuple(failed), stopped)


def compose(
    schedule: Schedule,
    snapshot: Snapshot,
    sender: str,
    address: str,
    period: str,
    *,
    pdf: bytes,
    verdict: str,
    live_link: str | None,
    stop: str | None,
) -> EmailMessage:
    """One recipient's message: subject, the verdict and period in the body, the live link
    and the stop link (or how to stop it), and the PDF attached."""
    lang, digits = schedule.lang, schedule.digits
    translate = translator(lang)

    def say(template: str, **fields: str) -> str:
        return fill(translate(template), lang, **fields)

    title = snapshot.info.title
    first, last = _report_days(snapshot)
    begins = period_start(period)
    if schedule.every == "week":
        period_line = say(_PERIOD_LINES["week"], day=format_day(begins, lang, digits))
    else:
        month = period_label(begins, "month", lang=lang, digits=digits)
        period_line = say(_PERIOD_LINES["month"], month=month)
    lines = [verdict, "", period_line]
    if first and last:
        lines.append(say(_DATA_LINE, days=format_day_range(first, last, lang, digits)))
    if live_link:
        lines += ["", say(_LIVE_LINE, link=live_link)]
    lines.append("")
    if stop:
        lines.append(say(_STOP_LINES[schedule.every], link=stop))
    else:
        lines.append(say(_STOP_ASK_LINES[schedule.every]))
    message = EmailMessage()
    message["Subject"] = say(SUBJECTS[schedule.every], title=_one_line(title))
    message["From"] = sender
    message["To"] = address
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip(">") or None)
    message["Auto-Submitted"] = "auto-generated"
    if stop:
        message["List-Unsubscribe"] = f"<{stop}>"
    message.set_content("\n".join(lines) + "\n")
    span = f"-{first:%Y-%m-%d}-to-{last:%Y-%m-%d}" if first and last else ""
    message.add_attachment(
        pdf, maintype="application", subtype="pdf", filename=f"social-media-roi{span}.pdf"
    )
    return message


# ---------------------------------------------------------------- inside


def _now(now: datetime | None) -> datetime:
    """`now` in UTC (the current time when None); a naive time is a mistake."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware, such as datetime.now(UTC)")
    return now.astimezone(UTC)


def period_start(period: str) -> date:
    """The first day of a period key: the Monday of "2026-W49", the 1st of "2026-12"."""
    year, _dash, rest = period.partition("-")
    if rest.startswith("W"):
        return date.fromisocalendar(int(year), int(rest[1:]), 1)
    return date(int(year), int(rest), 1)


def _report_days(snapshot: Snapshot) -> tuple[date | None, date | None]:
    """The first and last day of the report as it was shared (its date filter, else its data)."""
    first, last = period_of(snapshot.table)
    return snapshot.start or first, snapshot.end or last


def _live_link(schedule: Schedule, base: str | None) -> str | None:
    """The link to the live report in the schedule's language, when there is a base URL."""
    if not base or not schedule.share_token:
        return None
    link = share_link(schedule.share_token, base)
    return link if schedule.lang == DEFAULT_LANGUAGE else f"{link}&lang={schedule.lang}"


def _one_line(text: str) -> str:
    """Text on one line (a title in a subject or a printed line): line breaks as spaces."""
    return " ".join(text.split())


def _bug(what: str, exc: Exception) -> str:
    """A failure of smroi itself, in one line, for send-due's stderr."""
    return (
        f"{what} (internal error {type(exc).__name__}: {_one_line(str(exc))}); please report this"
    )


def _title_of(schedule: Schedule) -> str:
    """What a failure line calls a schedule whose report cannot be read."""
    return f"schedule {schedule.id}"


def _schedules(store: ReportStore, where: sa.ColumnElement[bool]) -> list[Schedule]:
    """The schedules `where` selects, with their recipients, oldest first."""
    query = sa.select(SCHEDULES).where(where).order_by(SCHEDULES.c.created_at, SCHEDULES.c.id)
    with store.reading() as connection:
        rows = connection.execute(query).all()
        ids = [row.id for row in rows]
        people = connection.execute(
            sa.select(RECIPIENTS)
            .where(RECIPIENTS.c.schedule_id.in_(ids))
            .order_by(RECIPIENTS.c.address)
        ).all()
    by_schedule: dict[str, list[Recipient]] = {}
    for person in people:
        by_schedule.setdefault(person.schedule_id, []).append(
            Recipient(person.address, person.stopped_at)
        )
    return [
        Schedule(
            id=row.id,
            report_hash=row.report_hash,
            every=row.every,
            lang=row.lang,
            digits=row.digits,
            created_at=row.created_at,
            stopped_at=row.stopped_at,
            recipients=tuple(by_schedule.get(row.id, ())),
            share_token=row.share_token,
        )
        for row in rows
    ]


def _stop(
    connection: sa.Connection, where: sa.ColumnElement[bool], at: datetime | None = None
) -> int:
    """Stop the running schedules `where` selects and erase the share tokens they kept;
    how many were running."""
    statement = (
        SCHEDULES.update()
        .where(where, SCHEDULES.c.stopped_at.is_(None))
        .values(stopped_at=at or _now(None), share_token=None)
    )
    return int(connection.execute(statement).rowcount or 0)


def _send_of(store: ReportStore, stop_token: str) -> sa.Row[Any, Any] | None:
    """The schedule and address of the message a stop token came in."""
    token = (stop_token or "").strip()
    if not 16 <= len(token) <= 64:
        return None
    query = sa.select(SENDS.c.schedule_id, SENDS.c.address).where(
        SENDS.c.stop_hash == token_hash(token)
    )
    with store.reading() as connection:
        return connection.execute(query).one_or_none()


def _claim(
    store: ReportStore, schedule_id: str, period: str, address: str, stop_token: str, at: datetime
) -> bool:
    """Claim this period's message to this address (a "sending" row); False when another
    run holds it or it was sent. A claim older than CLAIM_EXPIRES is taken over."""
    row = {
        "schedule_id": schedule_id,
        "period": period,
        "address": address,
        "status": "sending",
        "at": at,
        "stop_hash": token_hash(stop_token),
    }
    try:
        with store.writing() as connection:
            connection.execute(SENDS.insert().values(**row))
        return True
    except sa.exc.IntegrityError:
        pass
    stale = (
        SENDS.update()
        .where(*_one_send(schedule_id, period, address))
        .where(SENDS.c.status == "sending", SENDS.c.at < at - CLAIM_EXPIRES)
        .values(at=at, stop_hash=row["stop_hash"])
    )
    with store.writing() as connection:
        return connection.execute(stale).rowcount == 1


def _one_send(schedule_id: str, period: str, address: str) -> tuple[sa.ColumnElement[bool], ...]:
    """The conditions that pick one message's row."""
    return (
        SENDS.c.schedule_id == schedule_id,
        SENDS.c.period == period,
        SENDS.c.address == address,
    )


def _release(store: ReportStore, schedule_id: str, period: str, address: str) -> None:
    """Give up a claim after a failed send: the next run tries again."""
    with store.writing() as connection:
        connection.execute(
            SENDS.delete().where(
                *_one_send(schedule_id, period, address), SENDS.c.status == "sending"
            )
        )


def _mark_sent(
    store: ReportStore, schedule_id: str, period: str, address: str, at: datetime
) -> None:
    """Record the message as sent."""
    with store.writing() as connection:
        connection.execute(
            SENDS.update()
            .where(*_one_send(schedule_id, period, address))
            .values(status="sent", at=at)
        )
