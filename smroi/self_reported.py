"""Self-reported attribution: answers to "how did you hear about us" normalised to channels
by keyword rules, counted beside tracked attribution and never added to it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from smroi.errors import SmroiError
from smroi.i18n import _
from smroi.journeys import channel_key, semicolon_list
from smroi.parsing import is_blank, map_unique

NO_ANSWER = "(no answer)"
OTHER = "other"

# keyword -> channel; matched as whole words, case and accents ignored
SURVEY_RULES: dict[str, str] = {
    "instagram": "instagram",
    "insta": "instagram",
    "ig": "instagram",
    "facebook": "facebook",
    "fb": "facebook",
    "linkedin": "linkedin",
    "linked in": "linkedin",
    "tiktok": "tiktok",
    "tik tok": "tiktok",
    "twitter": "x",
    "tweet": "x",
    "x": "x",
    "youtube": "youtube",
    "yt": "youtube",
    "pinterest": "pinterest",
    "reddit": "reddit",
    "google": "google",
    "friend": "word of mouth",
    "friends": "word of mouth",
    "word of mouth": "word of mouth",
    "recommended": "word of mouth",
    "recommendation": "word of mouth",
    "newsletter": "email",
    "email": "email",
    "e-mail": "email",
}


def _fold(text: str) -> str:
    """Lower case without accents, spaces made single: 'Ínstagram  ' -> 'instagram'."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class SurveyRules:
    """Keyword rules compiled once: the earliest keyword in an answer decides its channel
    (at one place, the longest keyword: "word of mouth" before "word")."""

    pattern: re.Pattern[str] | None
    channels: dict[str, str]


def survey_rules(rules: Mapping[str, str] = SURVEY_RULES) -> SurveyRules:
    """The rules (keyword -> channel) checked and compiled; SmroiError lists every keyword
    without a channel. Blank keywords are skipped."""
    channels: dict[str, str] = {}
    problems = []
    for keyword, channel in rules.items():
        if is_blank(keyword) or not _fold(keyword):
            continue
        name = channel_key(channel)
        if name is None:
            problems.append(
                _("the keyword {keyword} has no channel", keyword=repr(str(keyword).strip()))
            )
            continue
        channels.setdefault(_fold(keyword), name)
    if problems:
        raise SmroiError(_("Survey rules: {problems}.", problems=semicolon_list(problems)))
    if not channels:
        return SurveyRules(None, {})
    words = sorted(channels, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(part) for part in word.split(" ")) for word in words)
    # whole words: no letter or digit right before or after ("igloo" is not "ig")
    return SurveyRules(re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])"), channels)


def survey_channel(answer: Any, rules: Mapping[str, str] | SurveyRules = SURVEY_RULES) -> str:
    """The channel of one answer: the channel of the first keyword in it, "other" when no
    keyword matches, "(no answer)" for a blank answer."""
    compiled = rules if isinstance(rules, SurveyRules) else survey_rules(rules)
    if is_blank(answer):
        return NO_ANSWER
    if compiled.pattern is None:
        return OTHER
    match = compiled.pattern.search(_fold(answer))
    if match is None:
        return OTHER
    return compiled.channels[" ".join(match.group(0).split())]


def survey_channels(
    answers: Iterable[Any], rules: Mapping[str, str] | SurveyRules = SURVEY_RULES
) -> pd.Series:
    """The channel of every answer (see survey_channel), in the answers' order."""
    compiled = rules if isinstance(rules, SurveyRules) else survey_rules(rules)
    series = answers if isinstance(answers, pd.Series) else pd.Series(list(answers), dtype=object)
    return map_unique(series.astype(object), lambda a: survey_channel(a, compiled))


def self_reported(
    answers: Iterable[Any], rules: Mapping[str, str] | SurveyRules = SURVEY_RULES
) -> pd.DataFrame:
    """How many answers name each channel: channel, answers; most first, "other" and
    "(no answer)" last. Shown beside tracked attribution, never added to it."""
    channels = survey_channels(answers, rules)
    counts = channels.value_counts(sort=False).rename_axis("channel").reset_index(name="answers")
    counts["answers"] = counts["answers"].astype("int64")
    counts["last"] = counts["channel"].map({OTHER: 1, NO_ANSWER: 2}).fillna(0)
    counts = counts.sort_values(
        ["last", "answers", "channel"], ascending=[True, False, True], kind="stable"
    )
    return counts.drop(columns="last").reset_index(drop=True)
