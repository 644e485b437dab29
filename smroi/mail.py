"""Sending e-mail: the SMTP server and sender from the environment, one message at a time.

    SMROI_SMTP_URL   smtp://host:25                      no encryption, no login (a local relay)
                     smtp+starttls://user:pass@host:587  STARTTLS, then login
                     smtps://user:pass@host:465          TLS from the start, then login
    SMROI_MAIL_FROM  the sender: reports@example.com, or "smroi <reports@example.com>"

The user and password are percent-decoded (a "@" in a password is written %40). A password
is never sent over a connection without TLS: `smtp://user:pass@…` is refused. The server's
certificate is checked against the system's certificate authorities (OpenSSL's default
paths; SSL_CERT_FILE names another bundle). Every wait on the server is limited
(TIMEOUT_SECONDS). Errors name the server by host and port and the SMTP reply code, never
the URL, the user's password or anything the server said back (which can repeat what it
was sent). This module is plain Python (the standard library's email and smtplib).
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import unquote, urlsplit

from smroi.errors import SmroiError
from smroi.i18n import _

SMTP_URL_VARIABLE = "SMROI_SMTP_URL"
MAIL_FROM_VARIABLE = "SMROI_MAIL_FROM"
MAIL_VARIABLES = (SMTP_URL_VARIABLE, MAIL_FROM_VARIABLE)
TIMEOUT_SECONDS = 30.0
MAX_ADDRESS_CHARS = 254
# scheme: (default port, how the connection is secured)
SCHEMES = {"smtp": (25, "none"), "smtp+starttls": (587, "starttls"), "smtps": (465, "tls")}
_URL_FORMS = (
    "smtp://host:25, smtp+starttls://user:password@host:587 or smtps://user:password@host:465"
)
# one address: no spaces, commas, angle brackets, quotes or backticks; a domain with a dot
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_SEPARATORS = re.compile(r"[\s,;]+")


class MailNotConfigured(SmroiError):
    """Mail cannot be sent: a variable is missing or not one smroi can use."""


class MailFailed(SmroiError):
    """The mail server could not be reached, refused the login or refused the message."""


@dataclass(frozen=True)
class MailSettings:
    """Where and how smroi sends mail (from SMROI_SMTP_URL and SMROI_MAIL_FROM)."""

    security: str  # "none", "starttls" or "tls"
    host: str
    port: int
    sender: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)  # never in a repr or a log
    timeout: float = TIMEOUT_SECONDS

    @property
    def server(self) -> str:
        """The server as a message names it: host and port, nothing else."""
        return f"{self.host}:{self.port}"


def missing_mail_variables(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The mail variables that are not set (empty when mail may be configured)."""
    environ = os.environ if environ is None else environ
    return tuple(name for name in MAIL_VARIABLES if not environ.get(name, "").strip())


def mail_settings(environ: Mapping[str, str] | None = None) -> MailSettings:
    """The mail settings from the environment; MailNotConfigured names what is missing
    or wrong (never the URL itself, which may hold a password)."""
    environ = os.environ if environ is None else environ
    missing = missing_mail_variables(environ)
    if missing:
        raise MailNotConfigured(
            _(
                "Mail is not configured: set {variables} (such as "
                "smtp+starttls://user:password@host:587 and reports@example.com).",
                variables=" and ".join(missing),
            )
        )
    security, host, port, user, password = _server(environ[SMTP_URL_VARIABLE].strip())
    sender = environ[MAIL_FROM_VARIABLE].strip()
    if not valid_address(parseaddr(sender)[1]) or any(ord(c) < 32 for c in sender):
        raise MailNotConfigured(
            _(
                "{variable} is not an e-mail address such as reports@example.com or "
                '"smroi <reports@example.com>".',
                variable=MAIL_FROM_VARIABLE,
            )
        )
    return MailSettings(security, host, port, sender, user, password)


def mail_configured(environ: Mapping[str, str] | None = None) -> bool:
    """Whether smroi can send mail with these variables."""
    try:
        mail_settings(environ)
    except MailNotConfigured:
        return False
    return True


def _server(url: str) -> tuple[str, str, int, str | None, str | None]:
    """Security, host, port, user and password of an SMTP URL; MailNotConfigured if it is
    not one (the message shows its form, not the URL)."""
    malformed = MailNotConfigured(
        _(
            "{variable} is not an SMTP URL such as {forms}.",
            variable=SMTP_URL_VARIABLE,
            forms=_URL_FORMS,
        )
    )
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise malformed from None
    if parts.scheme not in SCHEMES or not parts.hostname or parts.path not in ("", "/"):
        raise malformed
    if parts.query or parts.fragment:
        raise malformed
    default_port, security = SCHEMES[parts.scheme]
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password is not None else None
    if security == "none" and (user or password):
        raise MailNotConfigured(
            _(
                "{variable} gives a password for a connection without encryption; use "
                "smtp+starttls:// or smtps:// to log in.",
                variable=SMTP_URL_VARIABLE,
            )
        )
    if password is not None and not user:
        raise malformed
    return security, parts.hostname, port or default_port, user, password


def valid_address(address: str) -> bool:
    """Whether this is one plain e-mail address (name@example.com) smroi will mail to."""
    return len(address) <= MAX_ADDRESS_CHARS and bool(_ADDRESS.match(address))


def split_addresses(text: str) -> tuple[list[str], list[str]]:
    """The addresses typed in a box (separated by commas, semicolons, spaces or lines):
    the valid ones (each once, in order) and those that are not addresses."""
    good: list[str] = []
    bad: list[str] = []
    for item in _SEPARATORS.split(text.strip()):
        if not item:
            continue
        target = good if valid_address(item) else bad
        if item not in target:
            target.append(item)
    return good, bad


def send_message(settings: MailSettings, message: EmailMessage) -> None:
    """Send one message through the configured server, or raise MailFailed saying what
    went wrong (unreachable, TLS, login refused, address refused), without the password."""
    server = settings.server
    try:
        _deliver(settings, message)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailFailed(
            _(
                "the mail server {server} refused smroi's login (SMTP {code}); check the user "
                "and password in {variable}.",
                server=server,
                code=str(exc.smtp_code),
                variable=SMTP_URL_VARIABLE,
            )
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        codes = sorted({str(reply[0]) for reply in exc.recipients.values()})
        raise MailFailed(
            _(
                "the mail server {server} refused the address (SMTP {code}).",
                server=server,
                code=", ".join(codes),
            )
        ) from None
    except smtplib.SMTPSenderRefused as exc:
        raise MailFailed(
            _(
                "the mail server {server} refused the sender {variable} (SMTP {code}).",
                server=server,
                variable=MAIL_FROM_VARIABLE,
                code=str(exc.smtp_code),
            )
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise MailFailed(
            _(
                "the mail server {server} refused the message (SMTP {code}).",
                server=server,
                code=str(exc.smtp_code),
            )
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise MailFailed(
            _(
                "the mail server {server} does not offer what {variable} asks for (STARTTLS "
                "or a login).",
                server=server,
                variable=SMTP_URL_VARIABLE,
            )
        ) from None
    except ssl.SSLError as exc:
        raise MailFailed(
            _(
                "the secure connection to the mail server {server} failed ({reason}).",
                server=server,
                reason=type(exc).__name__,
            )
        ) from None
    except (smtplib.SMTPException, OSError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise MailFailed(
            _(
                "the mail server {server} cannot be reached ({reason}).",
                server=server,
                reason=reason,
            )
        ) from None


def _deliver(settings: MailSettings, message: EmailMessage) -> None:
    """Connect, secure the connection, log in if there is a user, and send."""
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if settings.security == "tls":
        client = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    else:
        client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with client:
        client.ehlo()
        if settings.security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if settings.user:
            client.login(settings.user, settings.password or "")
        client.send_message(message)
