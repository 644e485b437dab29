"""The security headers every response of the app server carries (serve.py, deploy/Caddyfile).

Streamlit's page has one inline script (`window.prerenderReady = false` in its index.html);
the Content-Security-Policy allows that script by its SHA-256 hash, computed here from the
installed Streamlit, and no other inline script. Styles stay 'unsafe-inline': Streamlit's
components write their CSS into <style> elements at run time (emotion).

A share link carries its token in the address (`?report=…`): Referrer-Policy: no-referrer
keeps it out of the Referer header of every request the page makes, and frame-ancestors
'none' with X-Frame-Options: DENY keep other sites from framing the report.

This module does not import streamlit (it reads its index.html from the installed package),
so tests and deploy checks can use it without starting the app.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import cache
from pathlib import Path
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def streamlit_index_html() -> Path:
    """The index.html of the installed Streamlit (its page shell)."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        raise RuntimeError("Streamlit is not installed")
    return Path(spec.origin).parent / "static" / "index.html"


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for each inline <script> in this page."""
    return [
        "'sha256-{}'".format(
            base64.b64encode(hashlib.sha256(body.encode()).digest()).decode("ascii")
        )
        for body in _INLINE_SCRIPT.findall(html)
    ]


@cache
def content_security_policy() -> str:
    """The policy for the installed Streamlit's page (its inline scripts allowed by hash)."""
    scripts = " ".join(["'self'", *inline_script_hashes(streamlit_index_html().read_text())])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' data: blob:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "object-src 'none'",
        ]
    )


def security_headers() -> dict[str, str]:
    """Header name -> value, as every response of the app should carry them."""
    return {
        "Content-Security-Policy": content_security_policy(),
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }


class SecurityHeaders:
    """ASGI middleware: adds security_headers() to every HTTP response (the websocket is
    left as it is), replacing any the app set itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in security_headers().items()
        ]
        self.names = {name for name, _ in self.headers}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() not in self.names
                ]
                message["headers"] = kept + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
