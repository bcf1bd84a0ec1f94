"""The job description of an interview: pasted (autosaved) or uploaded (PDF/DOCX/TXT, extracted safely),
and shown for review before it replaces or extends the text already there. A refused file stores nothing."""

from __future__ import annotations

import streamlit as st

from lib import models as m
from lib.errors import UploadRefused
from lib.ingest import extract_text
from lib.ingest.limits import Limits, human_size
from lib.mdsafe import md as escape_markdown
from lib.settings import UPLOAD_LIMIT_BYTES
from lib.ui.guard import Context
from lib.ui.interview_ui import INTERVIEW


def _pending_key(iv: m.Interview) -> str:
    return f"_jd_pending_{iv.id}"


def _read_upload(iv: m.Interview, upload) -> None:
    """Extract an uploaded file once (per file) into a pending text for review; refusals store nothing."""
    seen = f"_jd_seen_{iv.id}"
    if upload is None or st.session_state.get(seen) == upload.file_id:
        return
    st.session_state[seen] = upload.file_id
    st.session_state.pop(_pending_key(iv), None)
    try:
        if upload.size > UPLOAD_LIMIT_BYTES:
            raise UploadRefused(f"{upload.name} is {human_size(upload.size)}; the limit is "
                                f"{human_size(UPLOAD_LIMIT_BYTES)}.")
        with st.spinner("Reading the file…"):
            found = extract_text(upload.getvalue(), upload.name, Limits(max_bytes=UPLOAD_LIMIT_BYTES))
    except UploadRefused as err:
        st.session_state[f"_jd_error_{iv.id}"] = str(err)
        return
    st.session_state[_pending_key(iv)] = (upload.name, found.text, found.warnings)


def _use_upload(ctx: Context, iv: m.Interview, mode: str) -> None:
    name, text, _ = st.session_state.pop(_pending_key(iv))
    current = INTERVIEW.base(iv).jd_text
    new = text if mode == "replace" or not current.strip() else f"{current.rstrip()}\n\n{text}"
    INTERVIEW.set_and_save(ctx, iv, "jd_text", new)


def _discard_upload(iv: m.Interview) -> None:
    st.session_state.pop(_pending_key(iv), None)


def jd_editor(ctx: Context, iv: m.Interview) -> None:
    INTERVIEW.draw(st.text_area, "Job description", ctx, iv, "jd_text", height=240,
                   placeholder="Paste the job advert here, or upload it below.")
    upload = st.file_uploader("…or upload it (PDF, DOCX or TXT, up to 10 MB)", type=["pdf", "docx", "txt"],
                              key=f"jd_upload_{iv.id}")
    _read_upload(iv, upload)
    error = st.session_state.pop(f"_jd_error_{iv.id}", None)
    if error:
        st.error(error, icon=":material/block:")
    pending = st.session_state.get(_pending_key(iv))
    if not pending:
        return
    name, text, warnings = pending
    with st.container(border=True):
        st.markdown(f"**Text found in {escape_markdown(name)}** — check it before using it.")
        for w in warnings:
            st.caption(w)
        with st.container(height=220, border=False):
            st.text(text)
        current = INTERVIEW.base(iv).jd_text
        cols = st.columns(3)
        if current.strip():
            st.warning(f"You already have a job description ({len(current):,} characters). Replacing it "
                       "cannot be undone; adding keeps both.", icon=":material/warning:")
            cols[0].button("Replace my text", key=f"jd_replace_{iv.id}", on_click=_use_upload,
                           args=(ctx, iv, "replace"))
            cols[1].button("Add below my text", key=f"jd_append_{iv.id}", on_click=_use_upload,
                           args=(ctx, iv, "append"))
        else:
            cols[0].button("Use this text", type="primary", key=f"jd_use_{iv.id}", on_click=_use_upload,
                           args=(ctx, iv, "replace"))
        cols[2].button("Discard", key=f"jd_discard_{iv.id}", on_click=_discard_upload, args=(iv,))
