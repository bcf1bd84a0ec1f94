"""The STAR check: is a story complete, and does its result say how much changed?

The rule (shown on the page so it can be explained): a **result is measurable** when it contains at least
one of

1. a digit ("41%", "£1.1M", "30+ tests", "2 weeks");
2. a percentage or currency word ("per cent", "percent", "dollars", "pounds", "euros", "USD", "GBP"…);
3. a number word that counts something ("two", "twice", "half", "a dozen", "doubled", "hundreds"…) — "one"
   does not count: it is mostly a pronoun ("one of them");
4. time saved: a time unit ("minutes", "a day", "weeks") in a sentence that also says it got shorter or
   faster ("saved", "cut", "faster", "sooner"…).

An empty result gets its own message. Nothing here blocks a save: the page shows the message as a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS: frozenset[str] = frozenset("""
two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred
hundreds thousand thousands million millions billion dozen dozens half halved twice double doubled triple
tripled quadrupled third quarter tenfold
""".split())

MONEY_OR_PERCENT: frozenset[str] = frozenset("""
percent per-cent pct dollars dollar pounds pound euros euro yen rupees usd gbp eur
""".split())

TIME_UNITS = re.compile(r"\b(second|minute|hour|day|week|month|quarter|year)s?\b")
SHORTER = re.compile(r"\b(sav(e|ed|es|ing)|cut|cuts|shorten(ed)?|faster|quicker|sooner|earlier|reduc(e|ed|ing)|"
                     r"shav(e|ed)|down from|instead of|from .{1,40} to)\b")
_CURRENCY_SYMBOLS = set("$£€¥₹₩₽¢%")
_WORD = re.compile(r"[a-z][a-z\-]*")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+|\n+")

STAR_PARTS: tuple[str, ...] = ("situation", "task", "action", "result")
PART_LABELS: dict[str, str] = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}

MSG_EMPTY_RESULT = ("The result is still empty. What changed because of what you did? A number makes it "
                    "stick: a percentage, an amount, time saved, or how many people or things.")
MSG_NOT_MEASURABLE = ("This result has no number in it yet. If you can, add one — a percentage, an amount of "
                      "money, time saved, or a count (\"for 12 customers\"). A rough figure is fine; say it "
                      "is an estimate.")


@dataclass(frozen=True)
class StarCheck:
    """The outcome of :func:`check_star`.

    missing: the STAR parts still empty (in S-T-A-R order). measurable: the result passes the rule above.
    message: the hint to show next to the Result field (None when the result is measurable).
    """

    missing: tuple[str, ...]
    measurable: bool
    message: str | None

    @property
    def complete(self) -> bool:
        return not self.missing and self.measurable


def _has_time_saved(text: str) -> bool:
    return any(TIME_UNITS.search(s) and SHORTER.search(s) for s in _SENTENCE.split(text))


def is_measurable(result: str) -> bool:
    """True when ``result`` states a quantity (see the module docstring for the rule)."""
    text = (result or "").lower()
    if not text.strip():
        return False
    if any(ch.isdigit() for ch in text) or any(ch in _CURRENCY_SYMBOLS for ch in text):
        return True
    words = set(_WORD.findall(text))
    if words & NUMBER_WORDS or words & MONEY_OR_PERCENT or "per cent" in text:
        return True
    return _has_time_saved(text)


def check_star(situation: str, task: str, action: str, result: str) -> StarCheck:
    """Which STAR parts are missing, and whether the result is measurable (never raises, never blocks)."""
    values = {"situation": situation, "task": task, "action": action, "result": result}
    missing = tuple(p for p in STAR_PARTS if not (values[p] or "").strip())
    if "result" in missing:
        return StarCheck(missing, False, MSG_EMPTY_RESULT)
    measurable = is_measurable(result)
    return StarCheck(missing, measurable, None if measurable else MSG_NOT_MEASURABLE)
