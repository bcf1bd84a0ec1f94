import pytest


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    """Each page test gets its own SQLite file through the environment override."""
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("SECONDLOOK_DATABASE_URL", url)
    return url


@pytest.fixture
def tfidf_encoder(monkeypatch):
    """Pages that score use the TF-IDF fallback: the model itself is exercised by the scoring tests."""
    from lib.matching import embedder
    from lib.ui import analysis_ui

    monkeypatch.setattr(analysis_ui, "load_encoder", lambda: embedder.load_encoder("tfidf"))
    analysis_ui.encoder.clear()
    yield
    analysis_ui.encoder.clear()
