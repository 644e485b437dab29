"""Errors that smroi raises, each with a sentence a user can act on.

SmroiError
 ├── InputFileError      a file could not be read (names the file and the problem)
 └── SettingsError       a settings file or value is not valid (lists every problem)
"""

from __future__ import annotations


class SmroiError(Exception):
    """Base of every error smroi raises on purpose; its message is for the user."""


class InputFileError(SmroiError):
    """A file could not be read; the message names the file and what is wrong."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")


class SettingsError(SmroiError):
    """Settings are not valid; the message lists every problem at once."""

    def __init__(self, problems: list[str], *, source: str = "settings") -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(f"{source}: " + "; ".join(self.problems))
