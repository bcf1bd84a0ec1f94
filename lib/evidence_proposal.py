"""Résumé proposals on their way into the bank: the review table and the accepted items.

:func:`lib.ingest.split_resume` proposes items; the page shows :func:`proposal_frame` in an editable
table (keep, kind, title, body); :func:`accepted_evidence` turns the edited table back into evidence
items (dates, tags and competencies come from the proposal, by row position) and lists per-row
problems; :func:`as_import` wraps them for the one-transaction bulk import. Nothing here writes.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from typing import Any

import pandas as pd

from lib.errors import ValidationError
from lib.evidence_bank import kind_label, parse_kind
from lib.ingest.resume import ProposedItem
from lib.models import Evidence, WorkspaceData

PROPOSAL_COLUMNS: tuple[str, ...] = ("keep", "kind", "title", "body")


def upload_digest(data: bytes) -> str:
    """A short fingerprint of an uploaded file (remembered after saving so a second click adds nothing)."""
    return hashlib.sha256(data).hexdigest()[:32]


def proposal_frame(items: Sequence[ProposedItem]) -> pd.DataFrame:
    """The review table: every proposal kept by default, kind shown by its label."""
    rows = [{"keep": True, "kind": kind_label(it.kind), "title": it.title, "body": it.body} for it in items]
    return pd.DataFrame(rows, columns=list(PROPOSAL_COLUMNS))


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _kept(value: Any) -> bool:
    return value is not None and not (pd.api.types.is_scalar(value) and pd.isna(value)) and bool(value)


def selected_count(edited: pd.DataFrame) -> int:
    return sum(_kept(v) for v in edited["keep"]) if len(edited) else 0


def accepted_evidence(items: Sequence[ProposedItem], edited: pd.DataFrame
                      ) -> tuple[tuple[Evidence, ...], tuple[tuple[int, str, str], ...]]:
    """Evidence for every kept row of ``edited`` (same rows, same order as ``items``) and the problems.

    A problem is (row number from 1, field, message). The page saves only when there are none.
    """
    if len(edited) != len(items):
        raise ValueError("the edited table must have one row per proposed item")
    accepted: list[Evidence] = []
    problems: list[tuple[int, str, str]] = []
    for pos, (item, row) in enumerate(zip(items, edited.to_dict("records"), strict=True), start=1):
        if not _kept(row.get("keep")):
            continue
        try:
            kind = parse_kind(_text(row.get("kind"))) if _text(row.get("kind")).strip() else item.kind
        except ValueError:
            problems.append((pos, "kind", "Pick a kind for this row."))
            continue
        base = item.to_evidence()
        try:
            accepted.append(dataclasses.replace(base, kind=kind, title=_text(row.get("title")).strip(),
                                                body=_text(row.get("body")).strip()))
        except ValidationError as err:
            problems.append((pos, err.field, err.message))
    return tuple(accepted), tuple(problems)


def as_import(evidence: Sequence[Evidence]) -> WorkspaceData:
    """The accepted items as a workspace fragment for ``import_workspace`` (file-local ids 1..n)."""
    return WorkspaceData(evidence=tuple(dataclasses.replace(e, id=i, version=0)
                                        for i, e in enumerate(evidence, start=1)))
