"""Evidence bank imports: a résumé turned into proposed items, and CSV import/export.

Nothing is written until the person accepts. Both imports go through one transaction (all or nothing)
and remember the uploaded file's fingerprint once saved, so a double click — or a rerun with the file
still in the uploader — never adds the same items twice.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import evidence_bank as eb
from lib import evidence_proposal as ep
from lib.errors import ImportRefused, SecondLookError, UploadRefused
from lib.ingest import extract_text, split_resume
from lib.mdsafe import md as esc
from lib.models import Evidence, EvidenceKind
from lib.settings import UPLOAD_LIMIT_BYTES, human_size
from lib.storage.workspace import import_workspace
from lib.transfer import export_csv, import_csv
from lib.ui import store
from lib.ui.evidence_ui import flash
from lib.ui.widgets import show_error

_PROPOSAL = "_ev_resume_proposal"  # {"digest", "name", "items", "warnings", "error"}
_SAVED = "_ev_imported"  # fingerprints of files whose items were saved in this session
EDITOR = "ev_resume_editor"
LIMIT_MB = UPLOAD_LIMIT_BYTES // (1024 * 1024)


def _saved() -> set[str]:
    return st.session_state.setdefault(_SAVED, set())


def _read(data: bytes, name: str, digest: str) -> dict:
    """Extract and split once per file (the result is kept for the following reruns)."""
    proposal = {"digest": digest, "name": name, "items": (), "warnings": (), "error": None}
    with st.status("Reading your résumé…", expanded=False) as status:
        try:
            extracted = extract_text(data, name)
        except UploadRefused as err:
            proposal["error"] = str(err)
            status.update(label="This file could not be read", state="error")
        else:
            proposal["items"] = split_resume(extracted.text)
            proposal["warnings"] = extracted.warnings
            status.update(label=f"Read {esc(name)}: {len(proposal['items'])} items proposed", state="complete")
    st.session_state[_PROPOSAL] = proposal
    return proposal


def _upload(label: str, key: str, types: list[str]) -> tuple[bytes, str, str] | None:
    up = st.file_uploader(label, type=types, key=key, max_upload_size=LIMIT_MB)
    if up is None:
        return None
    if up.size > UPLOAD_LIMIT_BYTES:
        st.error(f"{esc(up.name)} is {human_size(up.size)}; the limit is {human_size(UPLOAD_LIMIT_BYTES)}.")
        return None
    data = up.getvalue()
    return data, up.name, ep.upload_digest(data)


def resume_section(ctx) -> None:
    st.write("Upload your résumé and Second Look proposes evidence items from it: skills, qualifications, "
             "and one item per bullet of your experience. Check them, fix the wording, untick what you don't "
             "want — nothing is saved until you press “Add”.")
    got = _upload(f"Résumé (PDF, DOCX or TXT, up to {LIMIT_MB} MB)", "ev_resume_file", ["pdf", "docx", "txt"])
    if got is None:
        return
    data, name, digest = got
    if digest in _saved():
        st.success("The items you chose from this file are in your bank. Remove the file to upload another.")
        return
    proposal = st.session_state.get(_PROPOSAL)
    if proposal is None or proposal["digest"] != digest:
        proposal = _read(data, name, digest)
    if proposal["error"]:
        st.error(esc(proposal["error"]), icon=":material/block:")
        return
    items = proposal["items"]
    if not items:
        st.info("No evidence could be found in this file. Add items by hand on the Bank tab.")
        return
    for warning in proposal["warnings"]:
        st.warning(warning)
    st.caption(f"{len(items)} items proposed from {esc(proposal['name'])}. Double-click a cell to edit it; "
               "untick the rows you don't want.")
    edited = st.data_editor(
        ep.proposal_frame(items), key=EDITOR, num_rows="fixed", hide_index=True, height=min(38 + 35 * len(items), 520),
        column_config={
            "keep": st.column_config.CheckboxColumn("Keep", width="small", default=True),
            "kind": st.column_config.SelectboxColumn("Kind", options=list(eb.KIND_LABELS.values()), required=True,
                                                     width="small"),
            "title": st.column_config.TextColumn("Title", required=True, max_chars=200, width="medium"),
            "body": st.column_config.TextColumn("Detail", width="large"),
        })
    n = ep.selected_count(edited)
    if st.button(f"Add {n} selected item{'s' if n != 1 else ''}", type="primary", disabled=n == 0,
                 key="ev_resume_add", icon=":material/playlist_add:"):
        _accept(ctx, items, edited, digest)


def _accept(ctx, items, edited: pd.DataFrame, digest: str) -> None:
    if digest in _saved():  # a second click after the first one saved
        return
    accepted, problems = ep.accepted_evidence(items, edited)
    if problems:
        show_error(ImportRefused("Some rows need a fix before they can be added; nothing was saved.", problems))
        return
    try:
        ctx.require_edit()
        import_workspace(ctx.engine, ctx.owner, ep.as_import(accepted), now=store.now())
    except SecondLookError as err:
        show_error(err)
        return
    _saved().add(digest)
    st.session_state.pop(_PROPOSAL, None)
    flash(f"Added {len(accepted)} item{'s' if len(accepted) != 1 else ''} from your résumé.")
    st.rerun()


def csv_section(ctx, evidence: tuple[Evidence, ...]) -> None:
    st.write("Export the bank to a spreadsheet, or import rows from one. The columns are: "
             + ", ".join(f"`{c}`" for c in ("kind", "title", "body", "situation", "task", "action", "result",
                                             "tags", "competencies", "started_on", "ended_on", "source"))
             + f". Kinds: {', '.join(k.value for k in EvidenceKind)}; lists are separated by “;”.")
    st.download_button("Download the evidence bank (CSV)", lambda: export_csv(evidence, Evidence),
                       file_name="evidence.csv", mime="text/csv", on_click="ignore", key="ev_csv_download",
                       icon=":material/download:", disabled=not evidence)
    got = _upload("Import evidence from a CSV file", "ev_csv_file", ["csv"])
    if got is None:
        return
    data, name, digest = got
    if digest in _saved():
        st.success("The rows of this file were imported. Remove the file to import another.")
        return
    if st.button("Import these rows", type="primary", key="ev_csv_import", icon=":material/upload:"):
        try:
            ctx.require_edit()
            n = import_csv(ctx.engine, ctx.owner, data, Evidence, now=store.now())
        except SecondLookError as err:
            show_error(err)
            return
        _saved().add(digest)
        flash(f"Imported {n} item{'s' if n != 1 else ''} from {esc(name)}.")
        st.rerun()
