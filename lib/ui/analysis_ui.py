"""Streamlit caching around :mod:`lib.analysis`: the sentence model once per process, the workspace's
scores once per data version and session.

- :func:`encoder` — ``st.cache_resource``: the model is code, not user data, so one copy serves everyone.
- :func:`workspace_scores` — ``st.cache_data(scope="session")`` keyed by database, owner, data version,
  model id and the coach's share scope, so nobody is ever served another person's (or another share's)
  scores. After a write (which bumps the data version) each interview is looked up in a second
  session cache keyed by owner and :func:`lib.analysis.input_fingerprints`, so only the interviews the
  edit touched are rescored. Before the first rescoring it stores the vectors of evidence items that
  have none for their current version (owner only; a coach's view computes them in memory), so vectors
  are computed once per evidence version. The bank's side of scoring (:func:`lib.analysis.evidence_index`)
  is built once for all the interviews to score and kept in session state while the bank is unchanged.
- :func:`interview_score` — one interview from the same per-interview cache (the Gap scoring page).
- :func:`show_fallback` — a one-line ``st.info`` when the model could not load.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib import analysis
from lib.matching.embedder import LoadedEncoder, load_encoder
from lib.matching.index import EvidenceIndex
from lib.scoring import InterviewScore
from lib.storage import workspace
from lib.storage.vectors import load_vectors, save_vectors
from lib.ui import store


@st.cache_resource(show_spinner="Loading the matching model…")
def encoder() -> LoadedEncoder:
    """The sentence model (or the TF-IDF fallback with its reason), loaded once per server process."""
    return load_encoder()


def show_fallback(loaded: LoadedEncoder | None = None) -> None:
    loaded = loaded or encoder()
    if loaded.fallback_reason:
        st.info(loaded.fallback_reason, icon=":material/info:")


def unit_vectors(ctx, data, loaded: LoadedEncoder) -> dict | None:
    """Stored unit vectors for the current evidence versions; missing ones are computed first (and saved
    when the viewer owns the workspace). None for a non-cacheable encoder."""
    enc = loaded.encoder
    if not getattr(enc, "cacheable", False):
        return None
    stored = load_vectors(ctx.engine, ctx.owner, enc.model_id)
    missing = analysis.missing_vectors(data.evidence, stored, enc.model_id, encoder=enc)
    fresh = analysis.compute_many_unit_vectors(missing, enc)
    stored.update(fresh)
    if ctx.can_edit:
        for (ev_id, ev_version), rows in fresh.items():
            save_vectors(ctx.engine, ctx.owner, ev_id, ev_version, enc.model_id, rows)
    return analysis.unit_vectors_from_stored(data.evidence, stored, enc.model_id)


@st.cache_resource(scope="session", show_spinner=False)
def _index_holder() -> dict:
    """This session's (key, EvidenceIndex) of the last bank scored. A session-scoped resource, not session
    state: session state is pickled on every run (enforceSerializableSessionState) and the index is MBs."""
    return {}


class _Lazy:
    """What scoring needs from the bank, prepared only when some interview actually needs scoring: the
    stored unit vectors (topped up first) and the bank's :class:`~lib.matching.index.EvidenceIndex`.
    The index is kept for this session while the bank and the model are unchanged, so a rescoring
    after an edit elsewhere (a script question, a correction) reuses it."""

    def __init__(self, ctx, data, loaded: LoadedEncoder, interview_ids: tuple[int, ...] | None = None):
        self._args, self._ids = (ctx, data, loaded), interview_ids
        self._vectors, self._vectors_done, self._index = None, False, None

    def vectors(self) -> dict | None:
        if not self._vectors_done:
            self._vectors, self._vectors_done = unit_vectors(*self._args), True
        return self._vectors

    def index(self) -> EvidenceIndex:
        if self._index is None:
            ctx, data, loaded = self._args
            url = ctx.engine.url.render_as_string(hide_password=True)
            key = (url, ctx.owner, loaded.encoder.model_id, analysis.bank_fingerprint(data))
            holder = _index_holder()
            held = holder.get("index")
            if held is not None and held[0] == key and held[1].matches(data.evidence, loaded.encoder):
                index = held[1]
                analysis.prime_index(index, data, loaded, interview_ids=self._ids)
            else:
                index = analysis.evidence_index(data, loaded, unit_vectors=self.vectors(), interview_ids=self._ids)
                holder["index"] = (key, index)
            self._index = index
        return self._index


@st.cache_data(scope="session", max_entries=1024, show_spinner=False)
def _score_one(owner: str, interview_id: int, fingerprint: str, model_id: str, today: dt.date,
               _data, _loaded, _lazy: _Lazy) -> InterviewScore:
    return analysis.score_one(_data, interview_id, _loaded, today=today, index=_lazy.index())


@st.cache_data(scope="session", max_entries=4, show_spinner="Scoring your interviews…")
def _scores(url: str, owner: str, version: int, model_id: str, scope: tuple[int, ...], today: dt.date,
            _ctx, _data, _loaded) -> dict[int, InterviewScore]:
    # per interview, keyed by a hash of its inputs: after an edit only the touched interviews are rescored
    lazy = _Lazy(_ctx, _data, _loaded)
    prints = analysis.input_fingerprints(_data)
    order = sorted((iv for iv in _data.interviews if iv.id is not None), key=lambda iv: (iv.interview_date, iv.id))
    return {iv.id: _score_one(f"{url}|{owner}", iv.id, prints[iv.id], model_id, today, _data, _loaded, lazy)
            for iv in order}


def interview_score(ctx, interview_id: int) -> InterviewScore:
    """One interview's score from the same per-interview cache as :func:`workspace_scores` (so the Gap
    scoring and Patterns pages never score the same inputs twice in a session)."""
    loaded = encoder()
    data = ctx.data()
    url = ctx.engine.url.render_as_string(hide_password=True)
    return _score_one(f"{url}|{ctx.owner}", interview_id, analysis.input_fingerprint(data, interview_id),
                      loaded.encoder.model_id, store.today(), data, loaded, _Lazy(ctx, data, loaded, (interview_id,)))


def workspace_scores(ctx) -> dict[int, InterviewScore]:
    """``{interview_id: InterviewScore}`` (date order) for the interviews this viewer may see (cached)."""
    loaded = encoder()
    data = ctx.data()
    version = workspace.data_version(ctx.engine, ctx.owner)
    scope = tuple(sorted(ctx.share.interview_ids)) if ctx.share is not None else ()
    url = ctx.engine.url.render_as_string(hide_password=True)
    return _scores(url, ctx.owner, version, loaded.encoder.model_id, scope, store.today(), ctx, data, loaded)
