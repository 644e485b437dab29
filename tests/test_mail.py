"""Mail settings and sending (smroi.mail) against a real SMTP server (tests/smtp_server.py):
SMROI_SMTP_URL's three forms, the errors when mail is not configured, STARTTLS and SMTPS with
a certificate made in the test, and a refused login that never shows the password."""

from __future__ import annotations

import logging
import socket
from email.message import EmailMessage
from pathlib import Path

import pytest

from smroi.mail import (
    MailFailed,
    MailNotConfigured,
    MailSettings,
    mail_configured,
    mail_settings,
    send_message,
    split_addresses,
)
from tests.smtp_server import PASSWORD, USER, self_signed_certificate, smtp_server

ENCODED = "s3cret%20p%40ss%2Fword"  # PASSWORD percent-encoded
SENDER = "reports@example.com"


def env(url: str | None, sender: str | None = SENDER) -> dict[str, str]:
    """The mail variables as the environment gives them."""
    values = {"SMROI_SMTP_URL": url, "SMROI_MAIL_FROM": sender}
    return {name: value for name, value in values.items() if value is not None}


@pytest.mark.parametrize(
    ("url", "security", "host", "port", "user", "password"),
    [
        ("smtp://relay.internal:25", "none", "relay.internal", 25, None, None),
        ("smtp://relay.internal", "none", "relay.internal", 25, None, None),
        (f"smtp+starttls://{USER}:{ENCODED}@mail.example.com:587", "starttls",
         "mail.example.com", 587, USER, PASSWORD),
        ("smtp+starttls://me%40example.com:pw@mail.example.com", "starttls",
         "mail.example.com", 587, "me@example.com", "pw"),
        ("smtps://u:p@smtp.example.org:465", "tls", "smtp.example.org", 465, "u", "p"),
        ("smtps://u:p@smtp.example.org", "tls", "smtp.example.org", 465, "u", "p"),
    ],
)  # fmt: skip
def test_the_smtp_url_gives_server_security_and_login(
    url: str, security: str, host: str, port: int, user: str | None, password: str | None
) -> None:
    settings = mail_settings(env(url))
    assert (settings.security, settings.host, settings.port) == (security, host, port)
    assert (settings.user, settings.password, settings.sender) == (user, password, SENDER)
    assert "password" not in repr(settings) and (password is None or ENCODED not in repr(settings))


@pytest.mark.parametrize(
    ("variables", "said"),
    [
        ({}, "Mail is not configured: set SMROI_SMTP_URL and SMROI_MAIL_FROM (such as "
             "smtp+starttls://user:password@host:587 and reports@example.com)."),
        (env("smtp://h:25", None), "Mail is not configured: set SMROI_MAIL_FROM (such as "
             "smtp+starttls://user:password@host:587 and reports@example.com)."),
        (env("  ", SENDER), "Mail is not configured: set SMROI_SMTP_URL (such as "
             "smtp+starttls://user:password@host:587 and reports@example.com)."),
    ],
)  # fmt: skip
def test_missing_variables_are_named(variables: dict[str, str], said: str) -> None:
    with pytest.raises(MailNotConfigured) as caught:
        mail_settings(variables)
    assert str(caught.value) == said
    assert not mail_configured(variables)


FORMS = "smtp://host:25, smtp+starttls://user:password@host:587 or smtps://user:password@host:465"


@pytest.mark.parametrize(
    "url",
    [
        f"http://u:{ENCODED}@mail.example.com",
        f"smtps://u:{ENCODED}@mail.example.com:notaport",
        f"smtps://u:{ENCODED}@:465",
        f"smtps://u:{ENCODED}@mail.example.com:465/path",
        f"smtps://u:{ENCODED}@mail.example.com:465?x=1",
        "mail.example.com:587",
        f"smtps://:{ENCODED}@mail.example.com",
    ],
)
def test_a_malformed_url_is_one_sentence_without_the_password(url: str) -> None:
    with pytest.raises(MailNotConfigured) as caught:
        mail_settings(env(url))
    assert str(caught.value) == f"SMROI_SMTP_URL is not an SMTP URL such as {FORMS}."
    assert ENCODED not in str(caught.value) and PASSWORD not in str(caught.value)


def test_a_password_over_a_plain_connection_is_refused() -> None:
    with pytest.raises(MailNotConfigured) as caught:
        mail_settings(env(f"smtp://u:{ENCODED}@mail.example.com:25"))
    assert str(caught.value) == (
        "SMROI_SMTP_URL gives a password for a connection without encryption; use "
        "smtp+starttls:// or smtps:// to log in."
    )


@pytest.mark.parametrize(
    "sender", ["reports", "reports@", "a b@example.com", "<>", "r@example.com\nBcc: x@example.com"]
)
def test_a_sender_that_is_not_an_address_is_named(sender: str) -> None:
    with pytest.raises(MailNotConfigured, match=r"^SMROI_MAIL_FROM is not an e-mail address"):
        mail_settings(env("smtp://h", sender))


def test_a_sender_may_have_a_name() -> None:
    assert mail_settings(env("smtp://h", "smroi <reports@example.com>")).sender == (
        "smroi <reports@example.com>"
    )


def test_addresses_typed_in_a_box_are_split_and_the_bad_ones_kept_apart() -> None:
    good, bad = split_addresses(
        " boss@example.com, accountant@firma.no;\nboss@example.com  not-an-address x@y "
    )
    assert good == ["boss@example.com", "accountant@firma.no"]
    assert bad == ["not-an-address", "x@y"]
    assert split_addresses("") == ([], [])


def a_message(to: str = "boss@example.com") -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = SENDER, to, "Weekly report"
    message.set_content("Your report.\n")
    return message


def test_a_message_goes_through_a_plain_relay() -> None:
    with smtp_server() as (inbox, port):
        send_message(mail_settings(env(f"smtp://127.0.0.1:{port}")), a_message())
    [got] = inbox.received
    assert (got.mail_from, got.rcpt_tos) == (SENDER, ["boss@example.com"])
    assert got.message["Subject"] == "Weekly report"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.mark.parametrize(("scheme", "tls"), [("smtp+starttls", "starttls"), ("smtps", "smtps")])
def test_starttls_and_smtps_log_in_and_send(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, scheme: str, tls: str
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))  # trust the test's certificate
    with smtp_server(tls=tls, cert=certificate) as (inbox, port):
        settings = mail_settings(env(f"{scheme}://{USER}:{ENCODED}@localhost:{port}"))
        send_message(settings, a_message())
    assert [r.rcpt_tos for r in inbox.received] == [["boss@example.com"]]


def test_a_certificate_not_trusted_is_refused(
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = self_signed_certificate(tmp_path)  # trusted, but not the server's
    monkeypatch.setenv("SSL_CERT_FILE", str(other[0]))
    with smtp_server(tls="starttls", cert=certificate) as (inbox, port):
        settings = mail_settings(env(f"smtp+starttls://{USER}:{ENCODED}@localhost:{port}"))
        with pytest.raises(MailFailed) as caught:
            send_message(settings, a_message())
    assert str(caught.value) == (
        f"the secure connection to the mail server localhost:{port} failed "
        "(SSLCertVerificationError)."
    )
    assert inbox.received == []


def test_a_refused_login_says_so_without_the_password(
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    wrong = "wrong%20one%40x"
    caplog.set_level(logging.DEBUG)
    with smtp_server(tls="starttls", cert=certificate) as (inbox, port):
        settings = mail_settings(env(f"smtp+starttls://{USER}:{wrong}@localhost:{port}"))
        with pytest.raises(MailFailed) as caught:
            send_message(settings, a_message())
    assert str(caught.value) == (
        f"the mail server localhost:{port} refused smroi's login (SMTP 535); check the user "
        "and password in SMROI_SMTP_URL."
    )
    seen = str(caught.value) + caplog.text + "".join(capsys.readouterr())
    for secret in ("wrong one@x", wrong):
        assert secret not in seen
    assert inbox.received == []


def test_a_server_that_is_down_is_named_by_host_and_port() -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = MailSettings("none", "127.0.0.1", port, SENDER, timeout=5)
    with pytest.raises(MailFailed) as caught:
        send_message(settings, a_message())
    assert str(caught.value) == (
        f"the mail server 127.0.0.1:{port} cannot be reached (Connection refused)."
    )


def test_a_refused_address_is_named_by_its_code() -> None:
    with smtp_server() as (inbox, port):
        inbox.refuse.add("gone@example.com")
        with pytest.raises(MailFailed) as caught:
            send_message(
                mail_settings(env(f"smtp://127.0.0.1:{port}")), a_message("gone@example.com")
            )
    assert str(caught.value) == f"the mail server 127.0.0.1:{port} refused the address (SMTP 550)."
