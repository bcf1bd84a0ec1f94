"""Similarity fusion and the similarity → coverage calibration.

``fused_matrix`` combines three signals between queries (requirements) and documents (evidence units):
the MiniLM cosine (meaning), the character 3–5-gram TF-IDF cosine (spelling, product names), and a word
overlap (share of the document's content words, crudely stemmed, that the query also uses). For the
n-grams and the overlap, queries are first cleaned of filler ("strong", "experience with", "knowledge of",
bullets) by :func:`clean_query` so they focus on the skill itself; the sentence model sees the raw text
(cleaning it helped whole sentences but hurt short spans, and encoding twice costs time).

Calibration (measured by ``tools/eval_match.py --calibration`` on the ESCO linking data, MiniLM int8,
5,000 random pairs per set). Cosine of a true (job-ad text, ESCO skill) pair: median 0.64 / 0.61 on TECH /
HOUSE spans, 0.38 on whole TECHWOLF sentences (10th percentile 0.39 / 0.36 / 0.17); random pairs: median
0.07–0.09, 90th percentile 0.20–0.21, 99th 0.33–0.36. The fused score (below) of true pairs: median
0.59 / 0.55 / 0.36; random pairs: 90th percentile 0.16, 99th 0.27–0.28. Requirement-vs-evidence pairs are
sentence pairs, like TECHWOLF, so the scale is set on that side:

- fused ``>= FULL_SIM`` (0.50) → coverage 1; ``<= FLOOR_SIM`` (0.18, the random 90th percentile) → 0;
  linear in between, so the random 99th percentile (0.28) lands at ~0.31 and the TECHWOLF true median
  (0.36) at ~0.56;
- in cosine terms: >= 0.45 is a clear match (beyond nearly all random pairs), 0.25–0.45 a looser,
  partial match, below ~0.2 the band where unrelated pairs live.

With the TF-IDF fallback the fused score is 0.75·TF-IDF + 0.25·overlap; TF-IDF true pairs have median
0.16–0.43 and random pairs 99th percentile 0.12–0.14, hence ``TFIDF_FLOOR`` 0.08 and ``TFIDF_FULL`` 0.40.

ESCO linking MRR with this fusion (0.75·MiniLM + 0.15·TF-IDF of the cleaned query + 0.10·word overlap):
TECH 0.631, HOUSE 0.561, TECHWOLF 0.458, against the best single baselines 0.625 / 0.547 / 0.419.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

FLOOR_SIM = 0.18
FULL_SIM = 0.50
TFIDF_FLOOR = 0.08
TFIDF_FULL = 0.40

W_SEM, W_LEX, W_OVERLAP = 0.75, 0.15, 0.10

_FILLER = [
    r"\b(?:must|should|will|would) (?:have|be)\b", r"\bnice to have\b", r"\b(?:a )?plus\b",
    r"\b(?:strong|solid|excellent|good|great|proven|demonstrated|deep|extensive|hands-on|working|sound|"
    r"basic|advanced|thorough|in-depth|practical|relevant|previous|prior|professional)\b",
    r"\b(?:experience|experienced|knowledge|understanding|familiarity|proficiency|expertise|background|"
    r"skills?|abilit(?:y|ies)|capabilit(?:y|ies)|track record|exposure|competence)\b(?: (?:in|with|of|on))?",
    r"\b(?:ability|able) to\b", r"\bknowledgeable (?:in|about)\b", r"\bproficient (?:in|with)\b",
    r"\bfamiliar with\b", r"\b(?:we are|we're) looking for\b", r"\byou (?:will|have|are|should)\b",
    r"\b\d+\+? (?:years?|yrs)(?: of)?\b", r"\b(?:at least|minimum|min\.?)\b",
]
_FILLER_RE = re.compile("|".join(_FILLER), re.IGNORECASE)
_WORD_RE = re.compile(r"[a-z][a-z0-9+#]*")
_STOP = frozenset(
    "a an the and or of in on at to for with by from as is are be this that these those your our their "
    "we you it its into per via use using work working etc such other".split())


def clean_query(text: str) -> str:
    """Drop bullets and filler words around the skill; never returns an empty string."""
    s = re.sub(r"^[\s*•\-–·>]+", "", text or "")
    cleaned = _FILLER_RE.sub(" ", s)
    cleaned = re.sub(r"\s*[/|]\s*", " / ", cleaned)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" .,;:-/")
    return cleaned if len(cleaned) >= 2 else (s.strip() or text)


def _stem(word: str) -> str:
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: len(word) - len(suf)]
    return word[:8]


def content_words(text: str) -> list[str]:
    return list(dict.fromkeys(_stem(w)[:8] for w in _WORD_RE.findall(text.lower()) if w not in _STOP))


def term_overlap_matrix(queries: Sequence[str], docs: Sequence[str]) -> np.ndarray:
    """(len(queries), len(docs)): share of each doc's content words that occur in the query (0–1)."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}

    def rows(texts: Sequence[str]):
        data, ind, ptr = [], [], [0]
        for t in texts:
            for w in content_words(t):
                ind.append(vocab.setdefault(w, len(vocab)))
                data.append(1.0)
            ptr.append(len(ind))
        return data, ind, ptr

    qd, qi, qp = rows(queries)
    dd, di, dp = rows(docs)
    n = max(len(vocab), 1)
    q = csr_matrix((np.array(qd, dtype=np.float32), qi, qp), shape=(len(queries), n))
    d = csr_matrix((np.array(dd, dtype=np.float32), di, dp), shape=(len(docs), n))
    shared = (q @ d.T).toarray()
    sizes = np.maximum(np.diff(d.indptr), 1).astype(np.float32)
    return (shared / sizes[None, :]).astype(np.float32)


def fused_matrix(sem: np.ndarray | None, lex: np.ndarray, overlap: np.ndarray) -> np.ndarray:
    """Weighted fusion of the three signals (``sem`` None: TF-IDF fallback only)."""
    if sem is None:
        return (0.75 * lex + 0.25 * overlap).astype(np.float32)
    return (W_SEM * sem + W_LEX * lex + W_OVERLAP * overlap).astype(np.float32)


def sim_to_coverage(sim: float | np.ndarray, *, fallback: bool = False):
    """Semantic similarity → coverage 0–1 (see the calibration in the module docstring)."""
    lo, hi = (TFIDF_FLOOR, TFIDF_FULL) if fallback else (FLOOR_SIM, FULL_SIM)
    return np.clip((np.asarray(sim, dtype=np.float32) - lo) / (hi - lo), 0.0, 1.0)


def refit_lex(queries, blocks) -> list[np.ndarray]:
    """Character n-gram TF-IDF cosines of the queries against each block of documents, with the IDF fitted
    on the queries and all the documents together (as ``TfidfEncoder.encode_corpus`` on the stacked texts
    would, to the bit). ``queries``: hashed ``log1p`` counts (:func:`lib.matching.index.hashed_counts`);
    ``blocks``: (counts of distinct texts, document frequencies counted over units, number of units).
    Returns one (n_queries, n_distinct_texts) float32 array per block."""
    from sklearn.preprocessing import normalize

    n = queries.shape[0] + sum(b[2] for b in blocks)
    df = np.bincount(queries.indices, minlength=queries.shape[1]).astype(np.int64)
    for _, block_df, _ in blocks:
        df = df + block_df
    idf = (np.log((1.0 + n) / (1.0 + df.astype(np.float32))) + 1.0).astype(np.float32)

    def weigh(x):
        if not x.shape[0]:
            return x
        y = x.copy()
        y.data = y.data * idf[y.indices]
        return normalize(y, norm="l2", copy=False)

    # documents @ queries.T rather than queries @ documents.T: the same sums in the same order (each entry
    # adds the shared n-grams in ascending feature order) without transposing the large document matrix
    qt = weigh(queries).T.tocsr()
    return [np.ascontiguousarray((weigh(counts) @ qt).toarray().T, dtype=np.float32) for counts, _, _ in blocks]


def overlap_counts(query_words: Sequence[Sequence[str]], vocab: dict[str, int], word_matrix) -> np.ndarray:
    """(n_queries, n_docs) float32: how many of each query's content words each document has
    (``word_matrix``: documents × ``vocab``, 0/1)."""
    from scipy.sparse import csr_matrix

    ind, ptr = [], [0]
    for words in query_words:
        ind.extend(vocab[w] for w in words if w in vocab)
        ptr.append(len(ind))
    q = csr_matrix((np.ones(len(ind), dtype=np.float32), np.array(ind, dtype=np.int64), ptr),
                   shape=(len(query_words), word_matrix.shape[1]))
    return np.asarray((q @ word_matrix.T).toarray(), dtype=np.float32)
