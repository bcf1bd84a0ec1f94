"""Settings: where the data lives and the limits the app enforces. Resolved from explicit inputs only.

``resolve_database_url`` takes the environment mapping, the Streamlit secrets mapping and the data
directory as arguments (the UI and the CLI pass them in), so it is testable and has no hidden reads.
Order: ``SECONDLOOK_DATABASE_URL`` in the environment, then ``[connections.secondlook] url`` in secrets,
then a SQLite file ``secondlook.sqlite`` in the per-user data directory.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ENV_DATABASE_URL = "SECONDLOOK_DATABASE_URL"
UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024  # 10 MB; .streamlit/config.toml's server.maxUploadSize matches
LOCAL_OWNER = "local"


@dataclass(frozen=True)
class Settings:
    database_url: str
    upload_limit_bytes: int = UPLOAD_LIMIT_BYTES


def default_data_dir() -> Path:
    """The per-user data directory (platformdirs), e.g. ~/.local/share/secondlook on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("secondlook", appauthor=False))


def resolve_database_url(env: Mapping[str, str], secrets: Mapping[str, Any] | None, data_dir: Path) -> str:
    url = (env.get(ENV_DATABASE_URL) or "").strip()
    if url:
        return url
    if secrets:
        conn = (secrets.get("connections") or {}).get("secondlook") or {}
        url = str(conn.get("url") or "").strip()
        if url:
            return url
    return f"sqlite:///{data_dir / 'secondlook.sqlite'}"


def describe_url(url: str) -> str:
    """A display form of a database URL with any password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def human_size(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"
