"""Share-link passwords: scrypt hashes at OWASP's parameters, the shortest password a link
may have, and how long a report makes the next try wait after wrong passwords (smroi.store
keeps the count in the database, so every replica sees it). Plain Python, no streamlit.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import unicodedata
from datetime import datetime, timedelta

from smroi.errors import SmroiError
from smroi.i18n import _, _n

# OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1. A hash keeps its own
# parameters, so hashes made with other ones (smroi 0.1's N=2^14) still verify. Tests may
# lower SCRYPT_N to stay fast; tests/test_store.py checks the default is OWASP's.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_LEN = 32
# scrypt needs 128 * r * N bytes (128 MiB at OWASP's parameters) and a little more
SCRYPT_MAXMEM = 256 * 1024 * 1024

MIN_PASSWORD_CHARS = 10
FREE_TRIES = 5  # wrong passwords before each try has to wait
FIRST_WAIT = timedelta(seconds=30)  # after the 5th wrong password; doubles with each one after
LONGEST_WAIT = timedelta(hours=1)


class PasswordTooShort(SmroiError):
    """A share link's password is shorter than MIN_PASSWORD_CHARS."""

    def __init__(self, length: int) -> None:
        self.length = length
        super().__init__(
            _(
                "A report's password must have at least {least} characters; this one has "
                "{length}. Choose a longer one, such as a few words.",
                least=MIN_PASSWORD_CHARS,
                length=length,
            )
        )


class TooManyTries(SmroiError):
    """Too many wrong passwords for a report: the next try must wait."""

    def __init__(self, wait: timedelta) -> None:
        self.wait = wait
        minutes = max(1, math.ceil(wait.total_seconds() / 60))
        super().__init__(
            _n(
                "Too many wrong passwords: try again in {minutes} minute.",
                "Too many wrong passwords: try again in {minutes} minutes.",
                minutes,
                minutes=minutes,
            )
        )


def _password_bytes(password: str) -> bytes:
    """The password as scrypt reads it: NFC-normalised UTF-8 (é typed either way matches)."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


def check_password(password: str) -> None:
    """Raise PasswordTooShort unless the password has at least MIN_PASSWORD_CHARS characters."""
    length = len(unicodedata.normalize("NFC", password))
    if length < MIN_PASSWORD_CHARS:
        raise PasswordTooShort(length)


def hash_password(password: str) -> str:
    """A salted scrypt hash of the password, with its parameters, as text."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        _password_bytes(password),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        dklen=SCRYPT_LEN,
        maxmem=SCRYPT_MAXMEM,
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    """Whether the password is the one whose hash was stored (with the hash's parameters)."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = bytes.fromhex(digest_hex)
        digest = hashlib.scrypt(
            _password_bytes(password),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=SCRYPT_MAXMEM,
        )
    except ValueError:  # a damaged hash, or one past SCRYPT_MAXMEM, never matches
        return False
    return hmac.compare_digest(digest, expected)


def wait_after(failures: int) -> timedelta:
    """How long the next try waits after this many wrong passwords in a row: none for the
    first FREE_TRIES, then FIRST_WAIT doubling with each one, at most LONGEST_WAIT."""
    if failures < FREE_TRIES:
        return timedelta(0)
    doublings = min(failures - FREE_TRIES, 20)  # 2^20 x 30 s is far past the cap
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


def wait_left(failures: int, last_failed_at: datetime | None, now: datetime) -> timedelta:
    """How long a try at `now` must still wait (none: it may go ahead). A clock behind the
    one that counted the last failure waits no longer than the whole wait."""
    wait = wait_after(failures)
    if not wait or last_failed_at is None:
        return timedelta(0)
    return max(timedelta(0), min(last_failed_at + wait - now, wait))
