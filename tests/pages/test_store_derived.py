"""lib.ui.store.derived: computed once per workspace version and argument, recomputed after a change."""

from streamlit.testing.v1 import AppTest


def _script():
    import streamlit as st

    from lib import models as m
    from lib.ui.store import derived

    calls = st.session_state.setdefault("calls", [])

    def count(data, tag):
        calls.append(tag)
        return len(data.evidence), tag

    first = st.session_state.setdefault("v1", m.WorkspaceData(evidence=(m.Evidence(kind=m.EvidenceKind.SKILL,
                                                                                       title="SQL", id=1),)))
    data = st.session_state["v2"] if st.session_state.get("changed") else first
    st.write(str(derived(data, count, "a")))
    st.write(str(derived(data, count, "a")))
    st.write(str(derived(data, count, "b")))


def test_derived_runs_once_per_data_object_and_argument():
    at = AppTest.from_function(_script).run()
    assert not at.exception
    assert at.session_state["calls"] == ["a", "b"]
    at.run()
    assert at.session_state["calls"] == ["a", "b"]  # same data object: nothing recomputed
    from lib import models as m

    at.session_state["v2"] = m.WorkspaceData()
    at.session_state["changed"] = True
    at.run()
    assert at.session_state["calls"] == ["a", "b", "a", "b"]
    assert [md.value for md in at.markdown][:1] == ["(0, 'a')"]
