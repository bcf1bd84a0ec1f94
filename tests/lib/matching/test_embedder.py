import shutil

import numpy as np
import pytest

from lib.matching.embedder import (
    MINILM_ID,
    TFIDF_ID,
    TOKENIZER_PATH,
    Embedder,
    ModelUnavailable,
    TfidfEncoder,
    cosine_matrix,
    default_model_path,
    load_encoder,
)
from tests.lib.matching.shared import minilm


@pytest.fixture(scope="module")
def model():
    return minilm()


def test_minilm_shape_norm_and_id(model):
    v = model.encode(["Led the migration of the billing database", "x", ""])
    assert model.model_id == MINILM_ID and model.cacheable
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert model.encode([]).shape == (0, 384)


def test_paraphrase_closer_than_unrelated(model):
    a, b, c = model.encode([
        "I moved our invoicing database to PostgreSQL and led the cut-over",
        "Led the migration of the billing system onto Postgres",
        "I bake sourdough bread at the weekend",
    ])
    assert float(a @ b) > float(a @ c) + 0.3


def test_batching_does_not_change_vectors(model):
    texts = [f"sentence {i} about {'python ' * (i % 7)}data" for i in range(40)]
    together = model.encode(texts)
    alone = np.vstack([model.encode([t]) for t in texts[:5]])
    assert np.allclose(together[:5], alone, atol=1e-4)


def test_checksum_mismatch_falls_back_with_reason():
    loaded = load_encoder(model_sha256="0" * 64)
    assert loaded.encoder.model_id == TFIDF_ID
    assert "checksum" in loaded.fallback_reason


def test_missing_model_file_falls_back(tmp_path):
    loaded = load_encoder(model_path=tmp_path / "absent.onnx")
    assert isinstance(loaded.encoder, TfidfEncoder)
    assert "not installed" in loaded.fallback_reason


def test_broken_model_file_falls_back(tmp_path):
    bad = tmp_path / "model.onnx"
    bad.write_bytes(b"not an onnx graph")
    import hashlib

    loaded = load_encoder(model_path=bad, model_sha256=hashlib.sha256(b"not an onnx graph").hexdigest())
    assert isinstance(loaded.encoder, TfidfEncoder)
    assert "could not start" in loaded.fallback_reason


def test_tampered_tokenizer_is_refused(tmp_path):
    copy = tmp_path / "tok.json"
    shutil.copy(TOKENIZER_PATH, copy)
    with open(copy, "a", encoding="utf-8") as fh:
        fh.write(" ")
    with pytest.raises(ModelUnavailable, match="tokenizer"):
        Embedder.load(default_model_path(), copy)


def test_prefer_tfidf_has_no_reason():
    loaded = load_encoder("tfidf")
    assert loaded.encoder.model_id == TFIDF_ID and loaded.fallback_reason is None


def test_tfidf_fallback_ranks_shared_spelling_higher():
    enc = TfidfEncoder()
    v = enc.encode(["PostgreSQL administration", "administering PostgreSQL clusters", "watercolour painting"])
    sims = cosine_matrix(v, v)
    assert sims[0, 1] > sims[0, 2]
    assert np.allclose(np.diag(sims), 1.0, atol=1e-5)
    fitted = enc.fitted(["postgresql", "postgresql", "painting"])
    w = fitted.encode(["PostgreSQL administration", "administering PostgreSQL clusters"])
    assert w.shape == (2, enc.n_features) and not enc.cacheable


def test_importing_the_module_does_not_load_onnxruntime():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    code = "import sys, lib.matching.embedder, lib.scoring; print('onnxruntime' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
