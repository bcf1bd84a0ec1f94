"""The person's corrections of extracted requirements (pure): find, build, and apply RequirementOverride."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from lib.gap_view import EvidenceRef
from lib.models import Requirement, RequirementKind, RequirementOverride, WorkspaceData

KEEP = object()  # "leave this field as it is" in changed_override


def find_override(overrides: Iterable[RequirementOverride], interview_id: int, req_key: str) -> RequirementOverride | None:
    return next((o for o in overrides if o.interview_id == interview_id and o.req_key == req_key), None)


def is_empty(o: RequirementOverride) -> bool:
    """True when the override changes nothing (it can be deleted)."""
    return o.kind is None and o.competency is None and not o.ignored and not o.excluded_evidence


def changed_override(existing: RequirementOverride | None, interview_id: int, original: Requirement, *,
                     kind=KEEP, competency=KEEP, ignored=KEEP, exclude: int | None = None,
                     include: int | None = None) -> RequirementOverride:
    """The override after one correction, keeping ``existing``'s id and version (so a stale save conflicts).

    ``kind``/``competency`` are the values the person picked (``competency`` None or "" = no competency);
    picking what the job description itself gave stores None ("keep what was extracted")."""
    base = existing or RequirementOverride(interview_id=interview_id, req_key=original.key)
    changes: dict = {}
    if kind is not KEEP:
        changes["kind"] = None if kind is None or RequirementKind(kind) == original.kind else RequirementKind(kind)
    if competency is not KEEP:
        picked = competency or None
        changes["competency"] = None if picked == original.competency else (picked or "")
    if ignored is not KEEP:
        changes["ignored"] = bool(ignored)
    excluded = list(base.excluded_evidence)
    if exclude is not None and exclude not in excluded:
        excluded.append(exclude)
    if include is not None:
        excluded = [e for e in excluded if e != include]
    changes["excluded_evidence"] = tuple(excluded)
    return dataclasses.replace(base, **changes)


def ignored_requirements(requirements: Sequence[Requirement], overrides: Iterable[RequirementOverride],
                         interview_id: int) -> tuple[Requirement, ...]:
    ignored = {o.req_key for o in overrides if o.interview_id == interview_id and o.ignored}
    return tuple(r for r in requirements if r.key in ignored)


def excluded_titles(override: RequirementOverride | None, data: WorkspaceData) -> tuple[EvidenceRef, ...]:
    if override is None:
        return ()
    titles = {ev.id: ev.title for ev in data.evidence}
    return tuple(EvidenceRef(e, titles.get(e, f"Evidence #{e} (deleted)")) for e in override.excluded_evidence)
