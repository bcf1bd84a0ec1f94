"""Honesty and specificity checks for the reconsideration summary.

**Honesty**: every claim paragraph must cite at least one item of the evidence bank. A point whose
``CasePoint.evidence_ids`` is empty gets a ``no_evidence`` warning; ids that are not in the bank (deleted
since, or typed by hand) get ``unknown_evidence``.

**Specificity** (the rule, so it can be explained on the page): a sentence is *vague* when

1. it contains no digit and no number word ("two", "twice", "half", "dozen"…), and
2. it contains no past-tense action verb from :data:`ACTION_VERBS` ("led", "built", "reduced"…), and
3. it contains at least one stock phrase from :data:`ABSTRACT_PHRASES` ("passionate", "team player",
   "hard worker", "excellent communication skills"…).

Text in quotation marks is ignored (it is usually the employer's own wording, quoted). A sentence that is
neither concrete nor full of stock phrases ("I would be glad to talk.") is not flagged: it makes no claim.
**Length**: the whole summary should stay under ~250 words (``too_long``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from lib.errors import ValidationError
from lib.models import CasePoint, Evidence

WarningKind = Literal["no_evidence", "vague", "too_long", "unknown_evidence"]
WARNING_KINDS: tuple[str, ...] = ("no_evidence", "vague", "too_long", "unknown_evidence")
MAX_WORDS = 250

ACTION_VERBS: frozenset[str] = frozenset("""
achieved added analysed analyzed automated boosted built completed coordinated created cut decreased
defined delivered designed developed documented doubled drafted drove earned eliminated established
expanded facilitated fixed founded grew guided halved handled hired identified implemented improved
increased introduced launched led lowered maintained managed mentored merged migrated modelled modeled
negotiated onboarded organised organized overhauled owned piloted planned presented prevented produced
published raised ran rebuilt recovered recruited redesigned reduced refactored replaced resolved
restructured reviewed rewrote saved scaled secured set shipped simplified solved sped standardised
standardized started streamlined taught tested trained transformed tripled trimmed upgraded wrote won
""".split())

NUMBER_WORDS: frozenset[str] = frozenset("""
two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds
thousand thousands million millions billion dozen dozens half twice double doubled triple tripled
""".split())

ABSTRACT_PHRASES: tuple[str, ...] = (
    "passionate", "passion for", "team player", "hard worker", "hard-working", "hardworking",
    "detail-oriented", "detail oriented", "results-driven", "results driven", "self-starter",
    "self starter", "go-getter", "fast learner", "quick learner", "people person", "work ethic",
    "think outside the box", "outside the box", "proven track record", "track record", "dynamic",
    "motivated", "dedicated", "committed", "enthusiastic", "excellent", "outstanding", "exceptional",
    "strong skills", "strong communication", "great communication", "communication skills",
    "leadership skills", "people skills", "interpersonal skills", "skill set", "skillset",
    "synergy", "synergies", "value-add", "best-in-class", "world-class", "go above and beyond",
    "above and beyond", "wear many hats", "extensive experience", "a lot of experience", "lots of experience",
    "really good at", "very good at", "i believe i am", "i am confident that i", "perfect fit", "ideal candidate",
)

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d.,%]*")


@dataclass(frozen=True)
class CaseWarning:
    """One problem found in the summary. point_index: which point (0-based), None = the whole summary."""

    point_index: int | None
    kind: WarningKind
    sentence: str
    message: str

    def __post_init__(self) -> None:
        if self.kind not in WARNING_KINDS:
            raise ValidationError("kind", f"Unknown warning kind: {self.kind}.")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences of ``text`` (paragraph breaks always split), trimmed, empties dropped."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n", text):
        out.extend(s.strip() for s in _SENTENCE_END.split(block.strip()) if s.strip())
    return tuple(out)


def _unquoted(sentence: str) -> str:
    return _QUOTED.sub(" ", sentence)


def is_concrete(sentence: str) -> bool:
    """A digit, a number word or a past-tense action verb (outside quotations)."""
    plain = _unquoted(sentence).lower()
    if re.search(r"\d", plain):
        return True
    words = set(re.findall(r"[a-z]+", plain))
    return bool(words & NUMBER_WORDS or words & ACTION_VERBS)


def abstract_phrases(sentence: str) -> tuple[str, ...]:
    plain = " " + re.sub(r"\s+", " ", _unquoted(sentence).lower()) + " "
    found = [p for p in ABSTRACT_PHRASES if re.search(rf"(?<![a-z]){re.escape(p)}(?![a-z])", plain)]
    return tuple(found)


def is_vague(sentence: str) -> bool:
    """The specificity rule of this module's docstring."""
    return not is_concrete(sentence) and bool(abstract_phrases(sentence))


def vague_warnings(text: str, point_index: int | None) -> tuple[CaseWarning, ...]:
    warnings = []
    for sentence in split_sentences(text):
        if is_vague(sentence):
            words = ", ".join(f"“{p}”" for p in abstract_phrases(sentence)[:3])
            warnings.append(CaseWarning(
                point_index, "vague", sentence,
                f"This sentence sounds general ({words}) — add what you did and what changed, with a number "
                "if you have one."))
    return tuple(warnings)


def evidence_warnings(index: int, point: CasePoint, evidence_by_id: Mapping[int, Evidence],
                      paragraph: str | None = None) -> tuple[CaseWarning, ...]:
    """The honesty check for one point (``paragraph``: the text shown, default the saved one)."""
    first = split_sentences(point.paragraph if paragraph is None else paragraph)[:1]
    sentence = first[0] if first else ""
    if not point.evidence_ids:
        return (CaseWarning(index, "no_evidence", sentence,
                            "This point cites no evidence — link at least one story or achievement, or leave "
                            "the point out."),)
    missing = [i for i in point.evidence_ids if i not in evidence_by_id]
    if missing:
        ids = ", ".join(str(i) for i in missing)
        return (CaseWarning(index, "unknown_evidence", sentence,
                            f"This point cites evidence that is no longer in your bank (id {ids}) — pick it "
                            "again or remove it."),)
    return ()


def length_warning(total_words: int, *, max_words: int = MAX_WORDS) -> tuple[CaseWarning, ...]:
    if total_words <= max_words:
        return ()
    return (CaseWarning(None, "too_long", "",
                        f"The summary has {total_words} words; under {max_words} is easier to read — keep the "
                        "strongest example for each point."),)


def check_points(points: Sequence[CasePoint], paragraphs: Iterable[str],
                 evidence_by_id: Mapping[int, Evidence]) -> tuple[CaseWarning, ...]:
    """Honesty and specificity warnings for the claim paragraphs, in point order."""
    out: list[CaseWarning] = []
    for index, (point, paragraph) in enumerate(zip(points, paragraphs, strict=True)):
        out.extend(evidence_warnings(index, point, evidence_by_id, paragraph))
        out.extend(vague_warnings(paragraph, index))
    return tuple(out)
