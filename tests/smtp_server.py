"""A real SMTP server for the mail tests: aiosmtpd on a free port of 127.0.0.1, keeping what
it receives; with a self-signed certificate (made by openssl) for STARTTLS and SMTPS."""

from __future__ import annotations

import email
import email.policy
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

USER = "mailer"
PASSWORD = "s3cret p@ss/word"  # percent-encoded in a URL: s3cret%20p%40ss%2Fword


@dataclass
class Received:
    """One message as the server got it: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    """The server's handler: keeps each message; refuses the addresses in `refuse`."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


def _login(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    """Only USER with PASSWORD may log in."""
    ok = getattr(auth_data, "login", None) == USER.encode() and (
        getattr(auth_data, "password", None) == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


class _FreePortController(Controller):
    """aiosmtpd's Controller on port 0: the port the system chose is read once bound."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@contextmanager
def smtp_server(
    *, tls: str = "none", cert: tuple[Path, Path] | None = None
) -> Iterator[tuple[Inbox, int]]:
    """A running server and its port: tls "none" (no login), "starttls" (STARTTLS required
    before login, USER/PASSWORD) or "smtps" (TLS from the start, USER/PASSWORD)."""
    inbox = Inbox()
    options: dict[str, Any] = {}
    if tls != "none":
        assert cert is not None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(cert[0]), str(cert[1]))
        options = {"authenticator": _login, "auth_require_tls": True}
        if tls == "starttls":
            options |= {"tls_context": context, "require_starttls": True}
        else:  # aiosmtpd counts only STARTTLS as TLS for auth_require_tls
            options |= {"ssl_context": context, "auth_require_tls": False}
    controller = _FreePortController(inbox, hostname="127.0.0.1", port=0, **options)
    controller.start()
    try:
        yield inbox, int(controller.port)
    finally:
        controller.stop()


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1 and its key, made by openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )  # fmt: skip
    return cert, key
