"""The MiniLM embedder, loaded once per test process (used by the matching and scoring tests)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from lib.matching.embedder import Embedder, load_encoder


@lru_cache(maxsize=1)
def _load():
    return load_encoder()


def minilm() -> Embedder:
    loaded = _load()
    if loaded.fallback_reason:
        pytest.fail(f"the bundled model should load in tests: {loaded.fallback_reason}")
    return loaded.encoder
