import pytest


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    """Each page test gets its own SQLite file through the environment override."""
    url = f"sqlite:///{tmp_path / 'app.sqlite'}"
    monkeypatch.setenv("SECONDLOOK_DATABASE_URL", url)
    return url
