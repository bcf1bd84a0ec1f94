"""Widgets of the Import & export page. Every import validates the whole file first, then writes it in
one transaction; a refused file shows why (row by row) and stores nothing."""

from __future__ import annotations

import hashlib

import streamlit as st

from lib import models as m
from lib.errors import ImportRefused, SecondLookError
from lib.settings import UPLOAD_LIMIT_BYTES, human_size
from lib.storage import repo, workspace
from lib.transfer import backup_workspace, export_csv, import_csv, restore_backup
from lib.transfer.csv_io import COLUMNS
from lib.ui.guard import Context
from lib.ui.store import now
from lib.ui.widgets import show_error

DONE_KEY = "_imported_uploads"


def _read(upload) -> bytes:
    """Refuse an oversized upload before reading it into memory."""
    if upload.size > UPLOAD_LIMIT_BYTES:
        raise ImportRefused(f"{upload.name} is {human_size(upload.size)}; the limit is {human_size(UPLOAD_LIMIT_BYTES)}.")
    return upload.getvalue()


def _once(raw: bytes, what: str) -> bool:
    """True the first time this exact file is imported in this session (a double click imports once)."""
    digest = what + hashlib.sha256(raw).hexdigest()
    done = st.session_state.setdefault(DONE_KEY, [])
    if digest in done:
        st.info("This file was already imported.")
        return False
    done.append(digest)
    return True


def downloads(ctx: Context) -> None:
    stamp = f"{now():%Y-%m-%d}"
    # the files are built only when a button is clicked (callables), not on every rerun
    st.download_button("Download full backup (JSON)", lambda: backup_workspace(ctx.engine, ctx.owner, now=now()),
                       file_name=f"secondlook-backup-{stamp}.json", mime="application/json",
                       icon=":material/download:", key="dl_backup")
    cols = st.columns(2)
    cols[0].download_button("Evidence (CSV)", lambda: export_csv(repo.list_all(ctx.engine, ctx.owner, m.Evidence), m.Evidence),
                            file_name=f"evidence-{stamp}.csv", mime="text/csv", key="dl_evidence_csv")
    cols[1].download_button("Interviews (CSV)",
                            lambda: export_csv(repo.list_all(ctx.engine, ctx.owner, m.Interview), m.Interview),
                            file_name=f"interviews-{stamp}.csv", mime="text/csv", key="dl_interviews_csv")


def restore(ctx: Context) -> None:
    upload = st.file_uploader("Backup file (.json)", type=["json"], key="up_backup")
    empty = workspace.is_empty(ctx.engine, ctx.owner)
    mode = "merge"
    if not empty:
        mode = st.radio("Your workspace already has data", ["merge", "replace"], key="restore_mode",
                        format_func={"merge": "Add the backup to it", "replace": "Replace everything with the backup"}.get)
    sure = mode == "merge" or st.checkbox("I understand that replacing deletes what is in the workspace now",
                                          key="restore_confirm")
    if upload and st.button("Import backup", type="primary", disabled=not sure, key="do_restore"):
        try:
            ctx.require_edit()
            raw = _read(upload)
            if _once(raw, "backup"):
                with st.status("Importing…") as status:
                    bar = st.progress(0.0)
                    try:
                        counts = restore_backup(ctx.engine, ctx.owner, raw, now=now(), replace=mode == "replace",
                                                progress=lambda d, t: bar.progress(min(d / t, 1.0)))
                    except SecondLookError:  # the reason is shown below the box; the box must not say "Importing…"
                        status.update(label="Import refused — nothing was changed", state="error")
                        raise
                    status.update(label="Imported " + ", ".join(f"{n} {k.replace('_', ' ')}"
                                                               for k, n in counts.items() if n), state="complete")
        except SecondLookError as err:
            st.session_state.get(DONE_KEY, []).clear()
            show_error(err)


def csv_import(ctx: Context) -> None:
    kind = st.radio("Rows are", ["evidence", "interviews"], horizontal=True, key="csv_kind")
    upload = st.file_uploader("CSV file", type=["csv"], key="up_csv")
    st.caption("Columns: " + ", ".join(COLUMNS[
        m.Evidence if kind == "evidence" else m.Interview]) + ". Lists are separated with “;”.")
    if upload and st.button("Import CSV", type="primary", key="do_csv"):
        try:
            ctx.require_edit()
            raw = _read(upload)
            if _once(raw, "csv" + kind):
                n = import_csv(ctx.engine, ctx.owner, raw, m.Evidence if kind == "evidence" else m.Interview, now=now())
                st.success(f"Imported {n} row(s).")
        except SecondLookError as err:
            st.session_state.get(DONE_KEY, []).clear()
            show_error(err)
