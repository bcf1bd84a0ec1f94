"""Stored evidence-unit vectors: computed when evidence is saved, never per page view.

A vector row belongs to one evidence item at one version, for one model id; vectors of an older
version of the item (or of another model) are ignored and replaced on the next save.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import sqlalchemy as sa

from lib.storage import tables as t
from lib.storage.session import read

if TYPE_CHECKING:  # numpy is imported only when vectors are used (keeps the app's start-up light)
    import numpy as np


def save_vectors(engine: sa.Engine, owner: str, evidence_id: int, evidence_version: int, model_id: str,
                 units: Sequence[tuple[str, np.ndarray]]) -> None:
    """Replace the vectors of one evidence item for ``model_id`` (does not bump the data version:
    vectors are derived data)."""
    import numpy as np

    with engine.begin() as conn:
        owned = conn.execute(sa.select(t.evidence.c.id).where(
            t.evidence.c.owner == owner, t.evidence.c.id == evidence_id)).first()
        if owned is None:
            return  # deleted meanwhile: nothing to store
        conn.execute(sa.delete(t.evidence_vectors).where(
            t.evidence_vectors.c.owner == owner, t.evidence_vectors.c.evidence_id == evidence_id,
            t.evidence_vectors.c.model_id == model_id))
        if units:
            conn.execute(sa.insert(t.evidence_vectors), [
                {"owner": owner, "evidence_id": evidence_id, "evidence_version": evidence_version,
                 "model_id": model_id, "unit_index": i, "unit_text": text,
                 "vector": np.asarray(vec, dtype=np.float32).tobytes()}
                for i, (text, vec) in enumerate(units)
            ])


def load_vectors(engine: sa.Engine, owner: str, model_id: str) -> dict[tuple[int, int], list[tuple[str, np.ndarray]]]:
    """Vectors keyed by (evidence_id, evidence_version), units in order."""
    import numpy as np

    v = t.evidence_vectors
    out: dict[tuple[int, int], list[tuple[str, np.ndarray]]] = {}
    with read(engine) as conn:
        rows = conn.execute(
            sa.select(v.c.evidence_id, v.c.evidence_version, v.c.unit_text, v.c.vector)
            .where(v.c.owner == owner, v.c.model_id == model_id)
            .order_by(v.c.evidence_id, v.c.unit_index)
        )
        for ev_id, ev_version, text, blob in rows:
            out.setdefault((ev_id, ev_version), []).append((text, np.frombuffer(blob, dtype=np.float32)))
    return out
