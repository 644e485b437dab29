"""E-mail schedules (smroi.schedules) and `smroi send-due`, against a real SMTP server
(aiosmtpd, tests/smtp_server.py) and the report store on SQLite (and PostgreSQL where the
store's behaviour is at stake). The PDF here is a small one made with fpdf2: these tests
check the mail, not the report (the PDF's own tests do that)."""

from __future__ import annotations

import io
import re
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pypdf
import pytest
import sqlalchemy as sa
from fpdf import FPDF

from smroi import cli, cli_mail, store_schema
from smroi import store as store_module
from smroi.mail import MailSettings
from smroi.schedules import (
    Renderer,
    ScheduleError,
    create_schedule,
    due,
    masked,
    period_key,
    schedules_of,
    send_due,
    stop_recipient,
    stop_schedule,
    stop_target,
)
from smroi.settings import Settings
from smroi.store import ReportNotAvailable, ReportStore, Snapshot
from tests.smtp_server import Inbox, self_signed_certificate, smtp_server
from tests.test_store import (  # noqa: F401 (fixtures)
    PASSWORD,
    _fresh_postgres,
    db_url,
    postgres_admin_url,
    small_table,
)

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # ISO week 2026-W50
BASE = "https://roi.example.com"
SENDER = "smroi <reports@example.com>"
BOSS, ACCOUNTANT = "boss@example.com", "accountant@firma.no"
VERDICT = "Social media made 1,234.00 kr more than it cost: ROI 42.5%."


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF holding `text` (fpdf2)."""
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text=text)
    return bytes(document.output())


class FakeReport:
    """A renderer that records what it was asked for and returns a small real PDF."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str, str | None]] = []

    def __call__(
        self, snapshot: Snapshot, lang: str, digits: str, link: str | None
    ) -> tuple[bytes, str]:
        self.calls.append((snapshot.info.title, lang, digits, link))
        return tiny_pdf(f"{snapshot.info.title}: ROI 42.5%"), VERDICT


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReportStore]:
    url = f"sqlite:///{tmp_path / 'reports.sqlite'}"
    yield ReportStore(url)
    store_module._dispose_engine(url)


@pytest.fixture
def server() -> Iterator[tuple[Inbox, MailSettings]]:
    with smtp_server() as (inbox, port):
        yield inbox, MailSettings("none", "127.0.0.1", port, SENDER, timeout=10)


def share(store: ReportStore, title: str = "Spring report", **options: object) -> str:
    return store.save(small_table(), Settings(currency="NOK"), title=title, now=MONDAY, **options)  # type: ignore[arg-type]


def run(
    store: ReportStore,
    mail: MailSettings,
    now: datetime,
    render: Renderer | None = None,
    base_url: str | None = BASE,
) -> tuple[int, int, int]:
    """send_due at `now`: (sent, failed, stopped)."""
    outcome = send_due(store, mail, render or FakeReport(), base_url=base_url, now=now)
    return len(outcome.sent), len(outcome.failed), outcome.stopped


def body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")  # lines end in CRLF on the wire


def attachments(message: EmailMessage) -> list[EmailMessage]:
    return list(message.iter_attachments())  # type: ignore[arg-type]


def stop_token_in(message: EmailMessage) -> str:
    found = re.search(r"\?stop=([A-Za-z0-9_-]+)", body(message))
    assert found is not None
    return found.group(1)


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("now", "week", "month"),
    [
        (datetime(2026, 12, 7, 0, 0, tzinfo=UTC), "2026-W50", "2026-12"),
        (datetime(2026, 12, 13, 23, 59, tzinfo=UTC), "2026-W50", "2026-12"),
        (datetime(2026, 12, 14, 0, 0, tzinfo=UTC), "2026-W51", "2026-12"),
        (datetime(2027, 1, 1, 12, 0, tzinfo=UTC), "2026-W53", "2027-01"),  # ISO year 2026
        # 01:00 in Oslo on 1 Jan is still 31 Dec in UTC
        (datetime(2027, 1, 1, 0, 30, tzinfo=UTC) - timedelta(hours=1), "2026-W53", "2026-12"),
    ],
)
def test_a_period_is_an_iso_week_or_a_calendar_month_in_utc(
    now: datetime, week: str, month: str
) -> None:
    assert (period_key("week", now), period_key("month", now)) == (week, month)


def test_an_address_is_masked_on_the_stop_page() -> None:
    assert masked("boss@example.com") == "b…@example.com"


# ---------------------------------------------------------------- making schedules


def test_a_schedule_needs_addresses_and_a_frequency(store: ReportStore) -> None:
    token = share(store)
    with pytest.raises(ScheduleError, match=r"^Give at least one e-mail address\.$"):
        create_schedule(store, token, [" "], every="week")
    with pytest.raises(ScheduleError) as caught:
        create_schedule(store, token, [BOSS, "boss", "x@y"], every="week")
    assert str(caught.value) == "Not an e-mail address: boss, x@y."
    with pytest.raises(ScheduleError, match="every week or every month"):
        create_schedule(store, token, [BOSS], every="day")
    store.revoke(token)
    with pytest.raises(ReportNotAvailable):
        create_schedule(store, token, [BOSS], every="week")
    assert schedules_of(store, token) == []


def test_a_link_mails_at_most_10_addresses_a_schedule_and_has_at_most_5_schedules(
    store: ReportStore,
) -> None:
    token = share(store)
    eleven = [f"person{n}@example.com" for n in range(11)]
    with pytest.raises(ScheduleError) as caught:
        create_schedule(store, token, eleven, every="week")
    assert str(caught.value) == "A schedule sends to at most 10 addresses; this one has 11."
    made = [create_schedule(store, token, eleven[:10], every="week") for _ in range(5)]
    with pytest.raises(ScheduleError) as caught:
        create_schedule(store, token, [BOSS], every="month")
    assert str(caught.value) == (
        "This link has 5 e-mail schedules already; stop one to make another."
    )
    stop_schedule(store, token, made[0].id)
    assert create_schedule(store, token, [BOSS], every="month").every == "month"


def test_schedules_are_listed_per_link(store: ReportStore) -> None:
    first, second = share(store, "First"), share(store, "Second")
    weekly = create_schedule(store, first, [BOSS, ACCOUNTANT, BOSS], every="week", now=MONDAY)
    create_schedule(store, second, [BOSS], every="month", lang="nb", now=MONDAY)
    [listed] = schedules_of(store, f"{BASE}/?report={first}")  # a link or its token
    assert (listed.id, listed.every, listed.lang) == (weekly.id, "week", "en")
    assert listed.active_addresses == (ACCOUNTANT, BOSS)  # each once
    assert [s.lang for s in schedules_of(store, second)] == ["nb"]


# ---------------------------------------------------------------- the mail


def test_each_recipient_gets_one_message_with_the_pdf_verdict_and_links(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    token = share(store)
    create_schedule(store, token, [BOSS, ACCOUNTANT], every="week", now=MONDAY)
    render = FakeReport()
    assert run(store, mail, MONDAY + timedelta(hours=1), render) == (2, 0, 0)
    assert render.calls == [("Spring report", "en", "native", f"{BASE}/?report={token}")]
    assert sorted(r.rcpt_tos[0] for r in inbox.received) == [ACCOUNTANT, BOSS]
    tokens = set()
    for got in inbox.received:
        message = got.message
        assert len(got.rcpt_tos) == 1 and message["To"] == got.rcpt_tos[0]  # alone
        assert got.mail_from == "reports@example.com" and message["From"] == SENDER
        assert message["Subject"] == "Spring report: this week's report"
        text = body(message)
        stop = stop_token_in(message)
        tokens.add(stop)
        assert text == (
            f"{VERDICT}\n\n"
            "The report for the week of 07 Dec 2026 is attached as a PDF.\n"
            "The figures cover 01 Feb 2026 – 03 Feb 2026.\n\n"
            f"The live report: {BASE}/?report={token}\n\n"
            f"You get this e-mail every week. To stop it: {BASE}/?stop={stop}\n"
        )
        assert message["List-Unsubscribe"].strip() == f"<{BASE}/?stop={stop}>"  # folded
        [pdf] = attachments(message)
        assert pdf.get_content_type() == "application/pdf"
        assert pdf.get_filename() == "social-media-roi-2026-02-01-to-2026-02-03.pdf"
        content = pdf.get_content()
        assert content[:5] == b"%PDF-"
        text_in_pdf = pypdf.PdfReader(io.BytesIO(content)).pages[0].extract_text()
        assert "Spring report: ROI 42.5%" in text_in_pdf
    assert len(tokens) == 2  # each recipient's stop link is their own


def test_a_monthly_norwegian_schedule_writes_its_mail_in_norwegian(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    token = share(store, "Vårrapport")
    create_schedule(store, token, [BOSS], every="month", lang="nb", now=MONDAY)
    render = FakeReport()
    assert run(store, mail, MONDAY, render) == (1, 0, 0)
    assert render.calls[0][1:] == ("nb", "native", f"{BASE}/?report={token}&lang=nb")
    [got] = inbox.received
    assert got.message["Subject"] == "Vårrapport: rapporten for denne måneden"
    text = body(got.message)
    assert "Rapporten for des. 2026 ligger ved som PDF." in text
    assert "Tallene gjelder 1. feb. 2026 – 3. feb. 2026." in text
    assert f"Rapporten på nett: {BASE}/?report={token}&lang=nb" in text
    stop = stop_token_in(got.message)
    assert text.endswith(f"For å stoppe den: {BASE}/?stop={stop}&lang=nb\n")  # its page in nb


def test_without_a_base_url_the_mail_says_how_to_stop_it(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    create_schedule(store, share(store), [BOSS], every="month", now=MONDAY)
    render = FakeReport()
    assert run(store, mail, MONDAY, render, base_url=None) == (1, 0, 0)
    assert render.calls[0][3] is None  # no link in the PDF either
    [got] = inbox.received
    text = body(got.message)
    assert "?report=" not in text and "?stop=" not in text
    assert got.message["List-Unsubscribe"] is None
    assert text.endswith(
        "You get this e-mail every month. To stop it, ask whoever sent it; they can stop it "
        "in smroi, where they shared the report.\n"
    )


def test_a_password_protected_report_is_still_mailed(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    token = share(store, "Locked", password=PASSWORD)
    create_schedule(store, token, [BOSS], every="week", now=MONDAY)
    assert run(store, mail, MONDAY) == (1, 0, 0)
    assert len(attachments(inbox.received[0].message)) == 1


# ---------------------------------------------------------------- once per period


def test_running_twice_sends_once_and_a_week_later_again(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    create_schedule(store, share(store), [BOSS], every="week", now=MONDAY)
    assert run(store, mail, MONDAY) == (1, 0, 0)
    assert run(store, mail, MONDAY + timedelta(minutes=5)) == (0, 0, 0)
    assert run(store, mail, MONDAY + timedelta(days=6, hours=14)) == (0, 0, 0)  # Sunday 23:00
    assert run(store, mail, MONDAY + timedelta(days=7)) == (1, 0, 0)  # the next week
    assert run(store, mail, MONDAY + timedelta(days=7, hours=1)) == (0, 0, 0)
    assert len(inbox.received) == 2


def test_a_monthly_schedule_sends_again_next_month(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    create_schedule(store, share(store), [BOSS], every="month", now=MONDAY)
    assert run(store, mail, MONDAY) == (1, 0, 0)
    assert run(store, mail, datetime(2026, 12, 31, 23, 0, tzinfo=UTC)) == (0, 0, 0)
    assert run(store, mail, datetime(2027, 1, 1, 0, 5, tzinfo=UTC)) == (1, 0, 0)
    assert len(inbox.received) == 2


@pytest.fixture
def any_store(db_url: str) -> ReportStore:  # noqa: F811
    """The store on SQLite and on PostgreSQL."""
    return ReportStore(db_url)


def test_two_runs_at_once_send_each_message_once(
    any_store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    store = any_store
    for n in range(3):
        create_schedule(store, share(store, f"Report {n}"), [BOSS, ACCOUNTANT], every="week")
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def one_run() -> None:
        try:
            start.wait()
            run(store, mail, MONDAY)
        except BaseException as exc:  # reported in the test's thread
            errors.append(exc)

    runs = [threading.Thread(target=one_run) for _ in range(4)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join()
    assert errors == []
    sent = sorted((r.message["Subject"], r.rcpt_tos[0]) for r in inbox.received)
    assert sent == sorted(
        (f"Report {n}: this week's report", who) for n in range(3) for who in (BOSS, ACCOUNTANT)
    )


# ---------------------------------------------------------------- reports that are gone


def raw(store: ReportStore, table: sa.Table) -> list[dict[str, object]]:
    with store._engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(sa.select(table))]


def test_a_revoked_report_sends_nothing_and_its_schedule_is_deleted(
    any_store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    store = any_store
    token = share(store)
    create_schedule(store, token, [BOSS], every="week", now=MONDAY)
    assert [row["share_token"] for row in raw(store, store_schema.SCHEDULES)] == [token]
    assert store.revoke(token)
    assert run(store, mail, MONDAY) == (0, 0, 0)
    assert inbox.received == []
    for table in store_schema.SCHEDULE_TABLES:
        assert raw(store, table) == []  # the share token went with it


def test_an_expired_report_sends_nothing_and_its_schedule_stops(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    token = share(store, expires_days=3)
    create_schedule(store, token, [BOSS], every="week", now=MONDAY)
    assert run(store, mail, MONDAY) == (1, 0, 0)
    assert run(store, mail, MONDAY + timedelta(days=7)) == (0, 0, 1)  # expired on Thursday
    assert len(inbox.received) == 1
    [row] = raw(store, store_schema.SCHEDULES)
    assert row["stopped_at"] == MONDAY + timedelta(days=7) and row["share_token"] is None
    assert due(store, now=MONDAY + timedelta(days=14)) == []
    assert store.purge(now=MONDAY + timedelta(days=14)).reports == 1
    for table in store_schema.SCHEDULE_TABLES:
        assert raw(store, table) == []


# ---------------------------------------------------------------- stopping


def test_a_stop_link_stops_its_recipient_only(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    token = share(store)
    create_schedule(store, token, [BOSS, ACCOUNTANT], every="week", now=MONDAY)
    run(store, mail, MONDAY)
    to_boss = next(r for r in inbox.received if r.rcpt_tos == [BOSS])
    stop = stop_token_in(to_boss.message)
    assert stop_target(store, stop) == (BOSS, True)
    assert stop_target(store, "x" * 43) is None  # not a link smroi made
    assert stop_recipient(store, stop, now=MONDAY) == BOSS
    assert stop_target(store, stop) == (BOSS, False)
    assert stop_recipient(store, stop) == BOSS  # a second click changes nothing
    inbox.received.clear()
    assert run(store, mail, MONDAY + timedelta(days=7)) == (1, 0, 0)
    assert [r.rcpt_tos for r in inbox.received] == [[ACCOUNTANT]]
    [schedule] = schedules_of(store, token)
    assert schedule.active_addresses == (ACCOUNTANT,)
    # the last recipient's stop link stops the schedule and erases the token it kept
    stop_recipient(store, stop_token_in(inbox.received[0].message))
    assert schedules_of(store, token) == []
    [row] = raw(store, store_schema.SCHEDULES)
    assert row["stopped_at"] is not None and row["share_token"] is None


def test_the_owner_stops_a_schedule_of_their_own_link_only(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    mine, other = share(store, "Mine"), share(store, "Other")
    schedule = create_schedule(store, mine, [BOSS], every="week", now=MONDAY)
    assert not stop_schedule(store, other, schedule.id)  # not that link's schedule
    assert stop_schedule(store, mine, schedule.id)
    assert not stop_schedule(store, mine, schedule.id)
    assert run(store, mail, MONDAY) == (0, 0, 0)
    assert inbox.received == []


# ---------------------------------------------------------------- failures


def test_a_refused_address_is_not_recorded_and_is_tried_again(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    create_schedule(store, share(store), [BOSS, ACCOUNTANT], every="week", now=MONDAY)
    inbox.refuse.add(BOSS)
    outcome = send_due(store, mail, FakeReport(), base_url=BASE, now=MONDAY)
    assert [s.address for s in outcome.sent] == [ACCOUNTANT]
    [failed] = outcome.failed
    assert (failed.title, failed.address) == ("Spring report", BOSS)
    assert failed.problem == f"the mail server {mail.server} refused the address (SMTP 550)."
    inbox.refuse.clear()
    assert run(store, mail, MONDAY + timedelta(hours=1)) == (1, 0, 0)  # the same week
    assert sorted(r.rcpt_tos[0] for r in inbox.received) == [ACCOUNTANT, BOSS]
    assert run(store, mail, MONDAY + timedelta(hours=2)) == (0, 0, 0)


def test_a_claim_left_by_a_run_that_died_is_taken_over_after_30_minutes(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    schedule = create_schedule(store, share(store), [BOSS], every="week", now=MONDAY)
    with store.writing() as connection:  # what a run killed between claim and send leaves
        connection.execute(
            store_schema.SENDS.insert().values(
                schedule_id=schedule.id, period="2026-W50", address=BOSS, status="sending",
                at=MONDAY, stop_hash="0" * 64,
            )
        )  # fmt: skip
    assert run(store, mail, MONDAY + timedelta(minutes=29)) == (0, 0, 0)
    assert run(store, mail, MONDAY + timedelta(minutes=31)) == (1, 0, 0)
    assert len(inbox.received) == 1


def test_a_title_on_two_lines_is_one_line_in_the_subject(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    create_schedule(store, share(store, "Spring\nBcc: everyone@example.com"), [BOSS], every="week")
    outcome = send_due(store, mail, FakeReport(), now=MONDAY)
    assert [s.title for s in outcome.sent] == ["Spring Bcc: everyone@example.com"]
    [got] = inbox.received
    assert got.rcpt_tos == [BOSS] and got.message["Bcc"] is None
    assert got.message["Subject"] == "Spring Bcc: everyone@example.com: this week's report"


def test_a_pdf_that_fails_by_a_bug_leaves_the_other_reports_going(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    create_schedule(store, share(store, "Broken"), [BOSS], every="week", now=MONDAY)
    create_schedule(store, share(store, "Fine"), [BOSS], every="week", now=MONDAY)
    fine = FakeReport()

    def render(snapshot: Snapshot, lang: str, digits: str, link: str | None) -> tuple[bytes, str]:
        if snapshot.info.title == "Broken":
            raise ZeroDivisionError("division by zero")
        return fine(snapshot, lang, digits, link)

    outcome = send_due(store, mail, render, now=MONDAY)
    assert [(s.title, s.address) for s in outcome.sent] == [("Fine", BOSS)]
    assert [(f.title, f.address, f.problem, f.bug) for f in outcome.failed] == [
        (
            "Broken",
            None,
            "the PDF could not be made (internal error ZeroDivisionError: division by zero); "
            "please report this",
            True,
        )
    ]
    assert [r.message["Subject"] for r in inbox.received] == ["Fine: this week's report"]
    assert run(store, mail, MONDAY + timedelta(hours=1), render) == (0, 1, 0)  # tried again


# ---------------------------------------------------------------- the command


@pytest.fixture
def command_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: tuple[Inbox, MailSettings]
) -> Iterator[tuple[Inbox, ReportStore]]:
    """`smroi send-due`'s environment: the store, the test's SMTP server, the base URL and
    the small PDF instead of the report."""
    inbox, mail = server
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    monkeypatch.setenv("SMROI_DATABASE_URL", url)
    monkeypatch.setenv("SMROI_SMTP_URL", f"smtp://{mail.server}")
    monkeypatch.setenv("SMROI_MAIL_FROM", SENDER)
    monkeypatch.setenv("SMROI_BASE_URL", BASE)
    monkeypatch.setattr(cli_mail, "real_renderer", FakeReport)
    yield inbox, ReportStore(url)
    store_module._dispose_engine(url)


def test_send_due_prints_each_mail_and_a_summary_and_twice_sends_once(
    command_env: tuple[Inbox, ReportStore], capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, store = command_env
    create_schedule(store, share(store), [BOSS, ACCOUNTANT], every="week")
    week = period_key("week", datetime.now(UTC))
    assert cli.main(["send-due"]) == 0
    out, err = capsys.readouterr()
    assert sorted(out.splitlines()) == [
        "smroi: sent 2 e-mails.",
        f"smroi: sent “Spring report” ({week}) to {ACCOUNTANT}",
        f"smroi: sent “Spring report” ({week}) to {BOSS}",
    ]
    assert err == ""
    assert cli.main(["send-due"]) == 0
    assert capsys.readouterr() == ("smroi: sent 0 e-mails.\n", "")
    assert len(inbox.received) == 2


def test_send_due_with_a_failure_says_which_report_and_exits_2(
    command_env: tuple[Inbox, ReportStore],
    server: tuple[Inbox, MailSettings],
    capsys: pytest.CaptureFixture[str],
) -> None:
    inbox, store = command_env
    create_schedule(store, share(store), [BOSS], every="week")
    inbox.refuse.add(BOSS)
    assert cli.main(["send-due"]) == 2
    out, err = capsys.readouterr()
    assert err == (
        f"smroi: not sent: “Spring report” to {BOSS}: the mail server {server[1].server} "
        "refused the address (SMTP 550).\n"
    )
    assert out == "smroi: sent 0 e-mails, 1 failed (tried again at the next run).\n"
    inbox.refuse.clear()
    assert cli.main(["send-due"]) == 0
    assert len(inbox.received) == 1


def test_send_due_without_mail_configured_is_one_line_and_exit_2(
    command_env: tuple[Inbox, ReportStore],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("SMROI_SMTP_URL")
    assert cli.main(["send-due"]) == 2
    assert capsys.readouterr() == (
        "",
        "smroi: Mail is not configured: set SMROI_SMTP_URL (such as "
        "smtp+starttls://user:password@host:587 and reports@example.com).\n",
    )


def test_send_due_with_nothing_due_exits_0(
    command_env: tuple[Inbox, ReportStore], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["send-due"]) == 0
    assert capsys.readouterr() == ("smroi: sent 0 e-mails.\n", "")


def test_a_failed_login_in_send_due_never_shows_the_password(
    command_env: tuple[Inbox, ReportStore],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    _inbox, store = command_env
    cert = self_signed_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert[0]))
    create_schedule(store, share(store), [BOSS], every="week")
    with smtp_server(tls="starttls", cert=cert) as (inbox, port):
        monkeypatch.setenv("SMROI_SMTP_URL", f"smtp+starttls://mailer:hunter2%21x@localhost:{port}")
        assert cli.main(["send-due"]) == 2
    out, err = capsys.readouterr()
    assert "refused smroi's login (SMTP 535)" in err
    for secret in ("hunter2", "hunter2%21x", "hunter2!x"):
        assert secret not in out + err + caplog.text
    assert inbox.received == []
    assert due(store) != []  # not recorded: the next run tries again


# ---------------------------------------------------------------- schema 3 to 4


def make_schema_3_database(url: str) -> str:
    """A database as smroi with schema 3 left it (no schedule tables), with one report."""
    made = ReportStore(url)
    token = made.save(small_table(), Settings(currency="NOK"), title="Old", now=MONDAY)
    store_module._dispose_engine(url)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            for name in ("schedule_sends", "schedule_recipients", "report_schedules"):
                connection.exec_driver_sql(f"DROP TABLE {name}")
            connection.exec_driver_sql("UPDATE schema_version SET version = 3")
    finally:
        engine.dispose()
    return token


def test_a_schema_3_database_is_upgraded_to_4_and_can_schedule(
    db_url: str,  # noqa: F811
    server: tuple[Inbox, MailSettings],
) -> None:
    token = make_schema_3_database(db_url)
    engine = sa.create_engine(db_url)
    with engine.connect() as connection:
        assert not sa.inspect(connection).has_table("report_schedules")
    engine.dispose()
    store = ReportStore(db_url)
    with store._engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT version FROM schema_version")).scalars()
        assert list(versions) == [4]
        tables = set(sa.inspect(connection).get_table_names())
        sends = sa.inspect(connection).get_unique_constraints("schedule_sends")
    assert {"report_schedules", "schedule_recipients", "schedule_sends"} <= tables
    assert [sorted(u["column_names"]) for u in sends if u["name"] == "schedule_sends_once"] == [
        ["address", "period", "schedule_id"]
    ]
    assert store.open(token).info.title == "Old"
    inbox, mail = server
    create_schedule(store, token, [BOSS], every="week", now=MONDAY)
    assert run(store, mail, MONDAY) == (1, 0, 0)
    assert run(store, mail, MONDAY) == (0, 0, 0)
    assert inbox.received[0].message["Subject"] == "Old: this week's report"
    ReportStore(db_url)  # opening it again changes nothing


def test_send_due_reports_a_bug_in_one_line_and_exits_1(
    command_env: tuple[Inbox, ReportStore],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _inbox, store = command_env

    def broken() -> Renderer:
        def render(*_args: object) -> tuple[bytes, str]:
            raise KeyError("roi")

        return render

    monkeypatch.setattr(cli_mail, "real_renderer", broken)
    create_schedule(store, share(store), [BOSS], every="week")
    assert cli.main(["send-due"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        "smroi: not sent: “Spring report”: the PDF could not be made (internal error "
        "KeyError: 'roi'); please report this\n"
    )
    assert out == "smroi: sent 0 e-mails, 1 failed (tried again at the next run).\n"


def test_a_mail_server_that_is_down_records_nothing_and_the_next_run_sends(
    store: ReportStore, server: tuple[Inbox, MailSettings]
) -> None:
    inbox, mail = server
    create_schedule(store, share(store), [BOSS, ACCOUNTANT], every="week", now=MONDAY)
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        down = MailSettings("none", "127.0.0.1", sock.getsockname()[1], SENDER, timeout=5)
    outcome = send_due(store, down, FakeReport(), now=MONDAY)
    assert outcome.sent == ()
    assert [(f.address, f.problem) for f in outcome.failed] == [
        (address, f"the mail server {down.server} cannot be reached (Connection refused).")
        for address in (ACCOUNTANT, BOSS)
    ]
    assert raw(store, store_schema.SENDS) == []  # nothing recorded
    assert run(store, mail, MONDAY + timedelta(hours=1)) == (2, 0, 0)
    assert sorted(r.rcpt_tos[0] for r in inbox.received) == [ACCOUNTANT, BOSS]
