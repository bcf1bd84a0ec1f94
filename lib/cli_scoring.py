"""``secondlook requirements`` and ``secondlook score``: the JD parser and the matcher from the shell.

    secondlook requirements JD_FILE --json
        {"requirements": [{"text", "kind", "weight", "competency", "terms"}], "gates": [{"kind", "text"}]}
    secondlook score --jd JD_FILE --evidence EVIDENCE.json --json
        {"fit", "must_coverage", "requirements": [{"text", "kind", "weight", "coverage", "label",
                                                   "evidence": [{"id", "score", "terms"}]}]}

JD_FILE: .txt, .docx or .pdf (read through :func:`lib.ingest.extract_text`). EVIDENCE.json: a list of
``{"id", "text"}`` or ``{"id", "kind", "title", "body"}`` objects. Without ``--json`` a short readable
summary is printed. Bad input exits 2 with one line on stderr (``lib.cli`` turns typed errors into that).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lib.errors import ValidationError
from lib.models import Evidence, EvidenceKind

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


class _BadInput(ValidationError):
    def __init__(self, message: str):
        super().__init__("input", message)


def _read_bytes(path: str, limit: int) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise _BadInput(f"{path}: no such file.")
    if p.stat().st_size > limit:
        raise _BadInput(f"{path}: file too large.")
    return p.read_bytes()


def read_jd(path: str):
    """Parse a job-description file into a ``ParsedJD``."""
    from lib.ingest import extract_text
    from lib.jd import parse_jd

    data = _read_bytes(path, 50 * 1024 * 1024)
    extracted = extract_text(data, Path(path).name)
    text = getattr(extracted, "text", extracted)
    if not str(text).strip():
        raise _BadInput(f"{path}: no text found in the job description.")
    return parse_jd(str(text))


def _reject_constant(name: str):
    raise _BadInput(f"invalid number {name} in the evidence file.")


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise _BadInput("duplicate key in an evidence object.")
    return dict(pairs)


def read_evidence(path: str) -> list[Evidence]:
    """Evidence objects from a JSON list of {"id","text"} or {"id","kind","title","body"}."""
    raw = _read_bytes(path, MAX_EVIDENCE_BYTES)
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _BadInput(f"{path}: not valid JSON ({exc.__class__.__name__}).") from None
    if not isinstance(data, list):
        raise _BadInput(f"{path}: expected a JSON list of evidence objects.")
    out, seen = [], set()
    for n, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise _BadInput(f"{path}: item {n} is not an object.")
        ev_id = item.get("id")
        if isinstance(ev_id, bool) or not isinstance(ev_id, int):
            raise _BadInput(f"{path}: item {n} needs a whole-number \"id\".")
        if ev_id in seen:
            raise _BadInput(f"{path}: id {ev_id} appears twice.")
        seen.add(ev_id)
        text, title, body = item.get("text"), item.get("title"), item.get("body", "")
        kind = item.get("kind", "story" if text is not None else "skill")
        if text is not None:
            if not isinstance(text, str) or not text.strip():
                raise _BadInput(f"{path}: item {n} has an empty \"text\".")
            title, body = text.strip().split("\n", 1)[0][:200], text
        if not isinstance(title, str) or not title.strip() or not isinstance(body, str):
            raise _BadInput(f"{path}: item {n} needs \"text\" or a \"title\".")
        if kind not in {k.value for k in EvidenceKind}:
            raise _BadInput(f"{path}: item {n} has an unknown kind {kind!r}.")
        try:
            if text is not None and kind == "story":
                out.append(Evidence(kind=EvidenceKind.STORY, title=title[:200], body=body, id=ev_id))
            else:
                out.append(Evidence(kind=EvidenceKind(kind), title=title[:200], body=body, id=ev_id))
        except ValidationError as exc:
            raise _BadInput(f"{path}: item {n}: {exc.message}") from None
    return out


def requirements_payload(parsed) -> dict:
    return {
        "requirements": [{"text": r.text, "kind": str(r.kind), "weight": r.weight, "competency": r.competency,
                          "terms": list(r.terms)} for r in parsed.requirements],
        "gates": [{"kind": str(g.kind), "text": g.text} for g in parsed.gates],
    }


def score_payload(score) -> dict:
    return {
        "fit": score.fit,
        "must_coverage": score.must_coverage,
        "requirements": [{
            "text": rs.requirement.text, "kind": str(rs.requirement.kind), "weight": rs.requirement.weight,
            "coverage": rs.coverage, "label": rs.label,
            "evidence": [{"id": h.evidence_id, "score": h.score, "terms": list(h.terms)} for h in rs.hits],
        } for rs in score.requirements],
    }


def cmd_requirements(args: argparse.Namespace) -> int:
    parsed = read_jd(args.jd_file)
    payload = requirements_payload(parsed)
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for r in payload["requirements"]:
        print(f"[{r['kind']:<14}] {r['text']}" + (f"  (terms: {', '.join(r['terms'])})" if r["terms"] else ""))
    for g in payload["gates"]:
        print(f"[gate {g['kind']}] {g['text']}")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from lib.matching.embedder import load_encoder
    from lib.scoring import score_interview

    parsed = read_jd(args.jd)
    evidence = read_evidence(args.evidence)
    loaded = load_encoder("tfidf" if args.tfidf else "minilm")
    if loaded.fallback_reason:
        print(f"secondlook: {loaded.fallback_reason}", file=sys.stderr)
    score = score_interview(parsed.requirements, parsed.gates, evidence, (), loaded)
    payload = score_payload(score)
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    print(f"fit {score.fit:.0%}  must-haves {score.must_coverage:.0%}  ({score.encoder_id})")
    for rs in score.requirements:
        print(f"{rs.label:>8} {rs.coverage:4.0%}  {rs.requirement.text}")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("requirements", help="list the requirements and hard gates of a job description")
    p.add_argument("jd_file", metavar="JD_FILE", help=".txt, .docx or .pdf")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_requirements)

    p = subparsers.add_parser("score", help="score an evidence list against a job description")
    p.add_argument("--jd", required=True, metavar="JD_FILE", help=".txt, .docx or .pdf")
    p.add_argument("--evidence", required=True, metavar="EVIDENCE.json",
                   help='a JSON list of {"id", "text"} or {"id", "kind", "title", "body"}')
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--tfidf", action="store_true", help="use the simple TF-IDF matcher instead of the model")
    p.set_defaults(func=cmd_score)
