"""Resource limits for reading an uploaded document.

One frozen object so a page, the CLI and the tests can pass tighter or looser limits explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Limits applied to one upload.

    max_bytes: the upload cap (the app's 10 MB). timeout_s: wall-clock seconds the parser may run.
    memory_mb: address-space cap of the parser process. max_unzipped_bytes / max_zip_ratio: how far a
    .docx may expand (zip bomb guard). max_pdf_pages: page cap for PDFs. max_chars: text kept at most.
    """

    max_bytes: int = 10 * MB
    timeout_s: float = 8.0
    memory_mb: int = 512
    max_unzipped_bytes: int = 50 * MB
    max_zip_ratio: float = 100.0
    max_pdf_pages: int = 60
    max_chars: int = 400_000
    max_zip_entries: int = 2_000

    def __post_init__(self) -> None:
        for name in ("max_bytes", "timeout_s", "memory_mb", "max_unzipped_bytes", "max_zip_ratio",
                     "max_pdf_pages", "max_chars", "max_zip_entries"):
            if getattr(self, name) <= 0:
                raise ValueError(f"Limits.{name} must be positive")


def human_size(n: int) -> str:
    """A size a person reads easily: "512 bytes", "84 KB", "52.4 MB", "10 MB"."""
    if n < 1024:
        return f"{n} bytes"
    if n < MB:
        return f"{n / 1024:.0f} KB"
    value = f"{n / MB:.1f}"
    if value.endswith(".0"):
        value = value[:-2]
    return f"{value} MB"
