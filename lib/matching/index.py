"""Evidence index: the evidence-side work of gap scoring, done once per evidence bank (pure).

Scoring an interview compares its requirements with every unit of the bank (:mod:`lib.matching.units`).
Everything about the units that does not depend on the interview is computed here once and reused for
every interview scored against the same bank:

- the distinct unit texts (a sentence repeated in many stories is analysed once) and, per unit, its row;
- the skill terms of each text (:func:`lib.matching.terms.find_terms`) and an inverted map term → units;
- the hashed character 3–5-gram counts (``log1p`` applied, no IDF yet) and their document frequencies;
  the IDF itself depends on the interview's requirements and answers (:func:`lex_similarity` refits it
  exactly as a fit on the stacked texts would);
- the content words of each text (:func:`lib.matching.similarity.content_words`) as a sparse 0/1 matrix;
- per unit: strength, evidence id and "source" (what a hit is grouped by);
- the unit vectors of a cacheable encoder, stacked in unit order (missing ones encoded once, here);
- caches filled while scoring: vectors of requirement and answer texts, fuzzy spelling checks and gate
  checks, so that an interview repeating another's texts costs almost nothing.

The interview's own answers (script items) are units too: :func:`unit_table` builds their (small) table
per interview and :class:`UnitView` puts the bank's and the answers' side by side, bank first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix

from lib.matching.similarity import content_words
from lib.matching.terms import Lexicon, find_terms, fuzzy_match, load_lexicon
from lib.matching.units import EvidenceUnit, build_units, script_unit, unit_key
from lib.models import Evidence, ScriptItem

N_FEATURES = 2**14  # the hashed space of :class:`lib.matching.embedder.TfidfEncoder`


def hashed_counts(texts: Sequence[str], n_features: int = N_FEATURES) -> csr_matrix:
    """Character 3–5-gram counts of ``texts`` hashed like :class:`~lib.matching.embedder.TfidfEncoder`,
    with ``log1p`` applied (float32 CSR; the IDF and the L2 norm come later)."""
    from lib.matching.embedder import TfidfEncoder

    if not len(texts):
        return csr_matrix((0, n_features), dtype=np.float32)
    x = TfidfEncoder(n_features=n_features)._vectorizer().transform(list(texts)).astype(np.float32)
    x.data = np.log1p(x.data)
    return x


@dataclass(frozen=True, eq=False)
class UnitTable:
    """Units and the features of their distinct texts. ``row[i]``: the distinct-text row of unit ``i``;
    ``df``: per hashed n-gram, how many *units* (repeats included) contain it."""

    units: tuple[EvidenceUnit, ...]
    texts: tuple[str, ...]
    row: np.ndarray
    terms: tuple[tuple[str, ...], ...]
    ngrams: csr_matrix
    df: np.ndarray
    words: tuple[tuple[str, ...], ...]
    strength: np.ndarray
    evidence_id: np.ndarray  # -1: no evidence id (an answer or an unsaved item)
    sources: tuple[tuple, ...]
    term_units: Mapping[str, np.ndarray]  # canonical term -> ascending unit indices
    vocab: Mapping[str, int]  # content word -> column of ``word_matrix``
    word_matrix: csr_matrix  # distinct texts × vocab, 0/1

    def __len__(self) -> int:
        return len(self.units)

    def unit_terms(self, i: int) -> tuple[str, ...]:
        return self.terms[self.row[i]]


def unit_source(u: EvidenceUnit) -> tuple:
    """What hits are grouped by: one hit per evidence item (its best sentence); answers and unsaved items
    by their own text."""
    return ("e", u.evidence_id) if u.evidence_id is not None else ("u", u.script_item_id, u.text)


def unit_table(units: Sequence[EvidenceUnit], lexicon: Lexicon | None = None) -> UnitTable:
    lex = lexicon or load_lexicon()
    units = tuple(units)
    rows: dict[str, int] = {}
    row = np.array([rows.setdefault(u.text, len(rows)) for u in units], dtype=np.int64)
    texts = tuple(rows)
    terms = tuple(find_terms(t, lex) for t in texts)
    ngrams = hashed_counts(texts)
    mult = np.bincount(row, minlength=len(texts)).astype(np.int64)
    per_row = np.repeat(mult, np.diff(ngrams.indptr))
    df = np.bincount(ngrams.indices, weights=per_row, minlength=N_FEATURES).astype(np.int64)
    term_units: dict[str, list[int]] = {}
    for i, r in enumerate(row.tolist()):
        for t in terms[r]:
            term_units.setdefault(t, []).append(i)
    words = tuple(tuple(content_words(t)) for t in texts)
    vocab: dict[str, int] = {}
    ind = [vocab.setdefault(w, len(vocab)) for ws in words for w in ws]
    ptr = np.cumsum([0, *(len(ws) for ws in words)])
    word_matrix = csr_matrix((np.ones(len(ind), dtype=np.float32), np.array(ind, dtype=np.int64), ptr),
                             shape=(len(texts), max(len(vocab), 1)))
    return UnitTable(
        units=units, texts=texts, row=row, terms=terms, ngrams=ngrams, df=df, words=words,
        vocab=vocab, word_matrix=word_matrix,
        strength=np.array([u.strength for u in units], dtype=np.float32),
        evidence_id=np.array([-1 if u.evidence_id is None else u.evidence_id for u in units], dtype=np.int64),
        sources=tuple(unit_source(u) for u in units),
        term_units={t: np.array(ix, dtype=np.int64) for t, ix in term_units.items()})


def answer_table(script_items: Iterable[ScriptItem], lexicon: Lexicon | None = None) -> UnitTable:
    """The units of an interview's answers (one per answered question), in script order."""
    return unit_table([u for it in script_items if (u := script_unit(it)) is not None], lexicon)


@dataclass(frozen=True, eq=False)
class EvidenceIndex:
    """The bank's side of scoring, built once by :func:`build_index`. Pass it to
    :func:`lib.scoring.score_interview` (``index=``) for every interview scored against ``evidence``.

    ``model_id``/``vectors``: the encoder it was built for and the bank units' vectors in unit order
    (None for a non-cacheable encoder such as the TF-IDF fallback). The dictionaries are caches filled
    while scoring (texts → vectors, fuzzy spelling checks, gate checks, parsed job descriptions); they
    never change a result."""

    evidence: tuple[Evidence, ...]
    table: UnitTable
    titles: Mapping[int, str]
    model_id: str | None
    vectors: np.ndarray | None
    text_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    fuzzy_seen: dict[tuple[str, str], bool] = field(default_factory=dict)
    gate_seen: dict[tuple, tuple[bool | None, str]] = field(default_factory=dict)
    parsed_jds: dict[str, object] = field(default_factory=dict)  # lib.analysis: job description text -> ParsedJD

    def matches(self, evidence: Sequence[Evidence], encoder) -> bool:
        """Whether this index was built for this bank and this encoder."""
        model = encoder.model_id if getattr(encoder, "cacheable", False) else None
        return model == self.model_id and (self.evidence is evidence or self.evidence == tuple(evidence))

    def fuzzy(self, term: str, text: str, lexicon: Lexicon | None = None) -> bool:
        """:func:`lib.matching.terms.fuzzy_match` as a yes/no, remembered per (term, text)."""
        key = (term, text)
        hit = self.fuzzy_seen.get(key)
        if hit is None:
            hit = self.fuzzy_seen[key] = fuzzy_match(term, text, lexicon=lexicon) is not None
        return hit

    def text_vectors_for(self, encoder, texts: Sequence[str],
                         cached: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
        """Vectors of ``texts`` (requirements, answers): from ``cached`` ({unit_key: vector}), then from this
        index's own cache; the rest are encoded in one call and remembered."""
        cached = cached or {}
        keys = [unit_key(encoder.model_id, t) for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True)
                                     if k not in cached and k not in self.text_vectors))
        if missing:
            fresh = encoder.encode(missing)
            for t, v in zip(missing, fresh, strict=True):
                self.text_vectors[unit_key(encoder.model_id, t)] = np.asarray(v, dtype=np.float32)
        dim = self.vectors.shape[1] if self.vectors is not None and self.vectors.size else None
        out = [cached[k] if k in cached else self.text_vectors[k] for k in keys]
        if not out:
            return np.zeros((0, dim or 0), dtype=np.float32)
        return np.asarray(np.stack(out), dtype=np.float32)

    def prime(self, encoder, texts: Iterable[str], cached: Mapping[str, np.ndarray] | None = None) -> None:
        """Encode the distinct ``texts`` not cached yet in one call (e.g. every requirement of a workspace)."""
        if getattr(encoder, "cacheable", False):
            self.text_vectors_for(encoder, list(dict.fromkeys(texts)), cached)


def build_index(evidence: Sequence[Evidence], encoder, unit_vectors: Mapping[str, np.ndarray] | None = None, *,
                lexicon: Lexicon | None = None) -> EvidenceIndex:
    """The index of ``evidence`` for ``encoder`` (an ``Encoder``; a ``LoadedEncoder`` is unwrapped).
    ``unit_vectors``: stored vectors ({unit_key: vector}); bank units missing from it are encoded here."""
    if hasattr(encoder, "encoder") and hasattr(encoder, "fallback_reason"):
        encoder = encoder.encoder
    lex = lexicon or load_lexicon()
    evidence = tuple(evidence)
    table = unit_table(build_units(evidence), lex)
    model_id, vectors = None, None
    if getattr(encoder, "cacheable", False):
        model_id = encoder.model_id
        cached = unit_vectors or {}
        keys = [unit_key(model_id, t) for t in table.texts]
        missing = [t for t, k in zip(table.texts, keys, strict=True) if k not in cached]
        fresh = dict(zip(missing, encoder.encode(missing), strict=True)) if missing else {}
        if table.texts:
            by_row = np.stack([np.asarray(fresh[t] if t in fresh else cached[k], dtype=np.float32)
                               for t, k in zip(table.texts, keys, strict=True)])
            vectors = by_row[table.row]
        else:
            vectors = np.zeros((0, 0), dtype=np.float32)
    return EvidenceIndex(evidence=evidence, table=table,
                         titles={ev.id: ev.title for ev in evidence if ev.id is not None},
                         model_id=model_id, vectors=vectors)


@dataclass(frozen=True, eq=False)
class UnitView:
    """The bank's units followed by one interview's answers: what one interview is scored against."""

    bank: UnitTable
    answers: UnitTable
    units: tuple[EvidenceUnit, ...]
    strength: np.ndarray
    evidence_id: np.ndarray
    sources: tuple[tuple, ...]
    fuzzy: Callable[[str, str], bool]

    def unit_terms(self, i: int) -> tuple[str, ...]:
        n = len(self.bank)
        return self.bank.unit_terms(i) if i < n else self.answers.unit_terms(i - n)

    def units_with(self, terms: Iterable[str]) -> np.ndarray:
        """Ascending indices of the units whose terms include any of ``terms``."""
        n = len(self.bank)
        parts = [self.bank.term_units.get(t) for t in terms] + [
            None if (ix := self.answers.term_units.get(t)) is None else ix + n for t in terms]
        parts = [p for p in parts if p is not None]
        return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)


def unit_view(index: EvidenceIndex, answers: UnitTable, lexicon: Lexicon | None = None) -> UnitView:
    bank = index.table
    return UnitView(bank=bank, answers=answers, units=bank.units + answers.units,
                    strength=np.concatenate([bank.strength, answers.strength]),
                    evidence_id=np.concatenate([bank.evidence_id, answers.evidence_id]),
                    sources=bank.sources + answers.sources,
                    fuzzy=lambda term, text: index.fuzzy(term, text, lexicon))
