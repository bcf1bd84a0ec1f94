"""The reconsideration case: evidence for each feedback item, a drafted paragraph, the assembled summary.

Nothing here invents facts: a drafted paragraph is made of the feedback wording (quoted) and sentences taken
from the chosen evidence (title, STAR action and result); the connecting words are ours. Checks live in
:mod:`lib.checks`; plain-text/Markdown/DOCX exports in :mod:`lib.docx_export`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lib.checks import MAX_WORDS, CaseWarning, check_points, length_warning, split_sentences, word_count
from lib.competencies import cue_matches
from lib.letters import greeting, one_line, sign_off
from lib.mdsafe import escape_markdown
from lib.models import CasePoint, Contact, Evidence, EvidenceKind, FeedbackItem, Interview

Scorer = Callable[[str, Evidence], float]

_STOP = frozenset("""
a an and are as at be been but by can could did do does for from had has have he her his i if in into is it
its me more my no not of on or our out over so some such than that the their them then there these they
this to too up us was we were what when which who will with would you your very much many also just
lack lacked lacking limited enough need needed more less candidate role experience showed show
""".split())
_TOKEN = re.compile(r"[a-z0-9]+")
_MEASURE = re.compile(r"\d|%|£|\$|€")
_KIND_RANK = {EvidenceKind.STORY: 0, EvidenceKind.ACHIEVEMENT: 0, EvidenceKind.SKILL: 1,
              EvidenceKind.QUALIFICATION: 1}
QUOTE_MAX = 140


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> frozenset[str]:
    """Content words of ``text``, lower-cased and lightly stemmed ("managed", "managing" → "manag")."""
    return frozenset(_stem(t) for t in _TOKEN.findall(text.lower()) if t not in _STOP and len(t) > 2)


def has_measurable_result(ev: Evidence) -> bool:
    """A number, a percentage or a currency sign in the result (or anywhere, for an achievement)."""
    text = ev.result if ev.kind == EvidenceKind.STORY else ev.full_text()
    return bool(_MEASURE.search(text))


def evidence_tokens(ev: Evidence) -> frozenset[str]:
    """The content words of an evidence item (all its text and its tags), as :func:`tokens` sees them."""
    return tokens(ev.full_text() + " " + " ".join(ev.tags))


def _overlap(want: frozenset[str], have: frozenset[str]) -> float:
    return len(want & have) / len(want) if want else 0.0


def word_overlap(wording: str, ev: Evidence) -> float:
    """Share of the feedback's content words that also appear in the evidence (0–1)."""
    want = tokens(wording)
    return _overlap(want, evidence_tokens(ev)) if want else 0.0


class OverlapIndex:
    """:func:`word_overlap` as a scorer for :func:`propose_evidence`, with each item's words computed once.

    Build it once over a bank and score many feedback items against it: the bank's text is tokenised
    once instead of once per item (2,000 items × three points was most of the Case page's time). Items
    are looked up by identity, so an item outside the bank it was built from is tokenised on demand.
    """

    def __init__(self, evidence: Sequence[Evidence]) -> None:
        self._have = {id(ev): (ev, evidence_tokens(ev)) for ev in evidence if ev.kind in _KIND_RANK}
        self._want: dict[str, frozenset[str]] = {}

    def __call__(self, wording: str, ev: Evidence) -> float:
        want = self._want.get(wording)
        if want is None:
            want = self._want[wording] = tokens(wording)
        if not want:
            return 0.0
        hit = self._have.get(id(ev))
        return _overlap(want, hit[1] if hit is not None and hit[0] is ev else evidence_tokens(ev))


def propose_evidence(item: FeedbackItem, evidence: Sequence[Evidence], *, k: int = 3,
                     scorer: Scorer | None = None) -> tuple[Evidence, ...]:
    """The ``k`` strongest stories and achievements answering ``item``, best first.

    Order: evidence tagged with the item's competency first (when the item has none, the competencies its
    wording cues are a weaker match), then relevance — ``scorer(item.wording, ev)`` when given, else word
    overlap — with a small bonus for a measurable result and for stories/achievements over skills.
    Research notes are never proposed; evidence with neither a competency match nor any relevance is
    left out (an empty answer is honest: there is nothing to cite yet).
    """
    if k <= 0:
        return ()
    guessed = () if item.competency else tuple(key for key, _ in cue_matches(item.wording)[:2])
    ranked = []
    for ev in evidence:
        if ev.kind not in _KIND_RANK:
            continue
        if item.competency and item.competency in ev.competencies:
            tag = 1.0
        elif guessed and set(guessed) & set(ev.competencies):
            tag = 0.5
        else:
            tag = 0.0
        relevance = float(scorer(item.wording, ev)) if scorer is not None else word_overlap(item.wording, ev)
        if tag == 0.0 and relevance <= 0.0:
            continue
        bonus = 0.15 * has_measurable_result(ev) + 0.1 * (_KIND_RANK[ev.kind] == 0)
        ranked.append(((-tag, -(relevance + bonus), ev.title.lower(), ev.id or 0), ev))
    ranked.sort(key=lambda pair: pair[0])
    return tuple(ev for _, ev in ranked[:k])


# ---------------------------------------------------------------- drafting


def _sentences(text: str, limit: int) -> str:
    parts = split_sentences(one_line(text))[:limit]
    return " ".join(_end(p) for p in parts)


def _end(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?…" else text + "."


def quote_wording(wording: str) -> str:
    text = one_line(wording).strip("\"“”'‘’ ")
    if len(text) > QUOTE_MAX:
        text = text[: QUOTE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def evidence_sentence(ev: Evidence) -> str:
    """One or two sentences about ``ev``, using only its own text."""
    title = one_line(ev.title).rstrip(".")
    if ev.kind == EvidenceKind.STORY:
        detail = " ".join(s for s in (_sentences(ev.action, 2), _sentences(ev.result, 2)) if s)
        detail = detail or _sentences(ev.body, 2)
    else:
        detail = _sentences(ev.result, 2) if ev.result.strip() else _sentences(ev.body, 2)
    return f"{title}: {detail}" if detail else _end(title)


def draft_paragraph(item: FeedbackItem, chosen: Sequence[Evidence]) -> str:
    """A first draft answering ``item`` with ``chosen`` evidence; "" when nothing was chosen."""
    if not chosen:
        return ""
    lead = "One example" if len(chosen) == 1 else "Some examples"
    body = " ".join(evidence_sentence(ev) for ev in chosen)
    return f"About {quote_wording(item.wording)} — {lead.lower()} from my work. {body}"


# ---------------------------------------------------------------- the summary

@dataclass(frozen=True)
class CaseSummary:
    """The assembled reconsideration summary.

    paragraphs: one per point (aligned with the points given); text: the whole letter as plain text;
    markdown: the same with user text escaped; word_count: words in ``text``; warnings: honesty,
    specificity and length problems to show before sending.
    """

    subject: str
    greeting: str
    thanks: str
    paragraphs: tuple[str, ...]
    close: str
    signature: str
    text: str
    markdown: str
    word_count: int
    warnings: tuple[CaseWarning, ...]

    @property
    def ok(self) -> bool:
        return not self.warnings


def assemble_summary(interview: Interview, contact: Contact | None,
                     points: Sequence[tuple[FeedbackItem, CasePoint]], evidence_by_id: Mapping[int, Evidence],
                     *, sender_name: str = "", max_words: int = MAX_WORDS) -> CaseSummary:
    """Greeting, thanks, one paragraph per point (the saved paragraph, or a draft from its evidence),
    a courteous close; plus the checks."""
    role, company = one_line(interview.role), one_line(interview.company)
    hello = greeting(contact, "warm", company)
    thanks = (f"Thank you again for your feedback on my application for the {role} role at {company}. "
              "I took it seriously, and I would like to answer it briefly with concrete examples, in case it "
              "helps you take a second look.")
    paragraphs = []
    for item, point in points:
        text = one_line(point.paragraph)
        if not text:
            chosen = [evidence_by_id[i] for i in point.evidence_ids if i in evidence_by_id]
            text = draft_paragraph(item, chosen)
        paragraphs.append(text)
    close = ("If a similar role opens, or if this changes the picture, I would be glad to talk. Either way, "
             "thank you for your time and for the honest feedback.")
    signature = sign_off("formal", sender_name)
    blocks = [hello, thanks, *[p for p in paragraphs if p], close, signature]
    text = "\n\n".join(blocks) + "\n"
    md_blocks = [escape_markdown(b) for b in blocks[:-1]] + ["  \n".join(escape_markdown(x) for x in
                                                           signature.split("\n"))]
    markdown = "\n\n".join(md_blocks) + "\n"
    count = word_count(text)
    warnings = check_points([p for _, p in points], paragraphs, evidence_by_id) + length_warning(
        count, max_words=max_words)
    return CaseSummary(subject=f"Following up on your feedback — {role}", greeting=hello, thanks=thanks,
                       paragraphs=tuple(paragraphs), close=close, signature=signature, text=text,
                       markdown=markdown, word_count=count, warnings=warnings)
