"""Errors that smroi raises, each with a sentence a user can act on.

SmroiError
 ├── InputFileError      a file could not be read (names the file and the problem)
 └── SettingsError       a settings file or value is not valid (lists every problem)

The sentence is a smroi.i18n Message where the code that raised it wrote one: `str(error)`
is its English text (the CLI, logs, tests), `error.message` keeps it translatable for the
app (ui.i18n.tr).
"""

from __future__ import annotations

from collections.abc import Sequence

from smroi.i18n import Message, _


class SmroiError(Exception):
    """Base of every error smroi raises on purpose; its message is for the user."""

    @property
    def message(self) -> str:
        """The whole sentence for the user: a Message (translatable) when the error was
        raised with one, else its English text."""
        first = self.args[0] if self.args else None
        return first if isinstance(first, Message) else str(self)


class InputFileError(SmroiError):
    """A file could not be read; the message names the file and what is wrong.

    `problem` is the sentence without the file's name (a Message where smroi wrote it)."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(_("{file}: {problem}", file=file, problem=problem))


class SettingsError(SmroiError):
    """Settings are not valid; the message lists every problem at once.

    `problems` are Messages where smroi wrote them; `source` names the file (or the text
    "settings")."""

    def __init__(self, problems: Sequence[str], *, source: str = "settings") -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(_("{source}: {problems}", source=source, problems=joined(self.problems)))


def joined(parts: Sequence[str], /) -> str:
    """Sentences or phrases one after another, "; " between them, as one Message whose
    parts stay translatable ("a; b; c")."""
    if not parts:
        return ""
    # past the first hundred the rest stays one English text (a translation nests each part)
    text = "; ".join(parts[MAX_JOINED - 1 :]) if len(parts) > MAX_JOINED else parts[-1]
    for part in reversed(parts[: min(len(parts), MAX_JOINED) - 1]):
        # Translators: one problem, then the list of the others (a semicolon between them)
        text = _("{problem}; {more}", problem=part, more=text)
    return text


MAX_JOINED = 100
