"""AppTest of the Patterns page on the demo workspace (TF-IDF matcher for speed)."""

import json

import pytest

from tests.pages.helpers import app_test

pytestmark = pytest.mark.usefixtures("tfidf_encoder")


def _open():
    at = app_test().run()
    at.switch_page("pages/trends.py").run()
    assert not at.exception
    return at


def _figure(at, key):
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if chart.proto.id and key in chart.proto.id:
            return spec
    raise AssertionError(f"no chart {key}")


def test_patterns_page_shows_every_chart_with_a_takeaway():
    at = _open()
    assert at.title[0].value == "Patterns across interviews"
    heads = [h.value for h in at.subheader]
    assert heads == ["Recurring gaps", "How far I get", "Every interview at a glance", "Self-rating over time",
                     "My ratings vs the employer's feedback"]
    assert len(at.get("plotly_chart")) == 5
    texts = [t.value for t in at.text]
    assert any("Stakeholder management was a gap" in t for t in texts)
    funnel = _figure(at, "chart_funnel")
    assert funnel["data"][0]["x"][0] == 7  # every demo interview was an application


def test_company_filter_narrows_to_one_interview():
    at = _open()
    at.multiselect(key="trends_company").select("Pelican Row Learning").run()
    assert not at.exception
    assert any("Only one interview matches" in i.value for i in at.info)
    funnel = _figure(at, "chart_funnel")
    assert funnel["data"][0]["x"][0] == 1


def test_outcome_filter_with_no_match_says_so():
    at = _open()
    at.multiselect(key="trends_outcome").select("withdrawn").run()
    assert not at.exception
    assert any("No interviews match" in w.value for w in at.warning)
    assert not at.get("plotly_chart")


def test_coach_sees_only_the_shared_interviews_read_only(isolated_store):
    import datetime as dt

    from lib import sharing
    from lib.settings import LOCAL_OWNER
    from lib.storage import open_store

    app_test().run()  # seeds the demo workspace
    engine = open_store(isolated_store, now=dt.datetime.now(dt.UTC))
    _, token = sharing.create_share(engine, LOCAL_OWNER, label="Coach", now=dt.datetime.now(dt.UTC),
                                    interview_ids=(6, 7))
    coach = app_test()
    coach.query_params["share"] = token
    coach.run()
    coach.switch_page("pages/trends.py").run()
    assert not coach.exception
    assert any("Coach view" in i.value for i in coach.sidebar.info)
    assert _figure(coach, "chart_funnel")["data"][0]["x"][0] == 2
    assert not [b for b in coach.button if b.key and "clear" in b.key]


def test_empty_workspace_gets_a_helpful_state():
    at = app_test().run()
    at.checkbox(key="confirm_clear_demo").check().run()
    at.button(key="clear_demo").click().run()
    at.switch_page("pages/trends.py").run()
    assert not at.exception
    assert any("Patterns appear once you have logged an interview" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_interview_score_and_workspace_scores_share_one_cache():
    """The Gap scoring page's single-interview call and the Patterns page's workspace call agree."""
    from streamlit.testing.v1 import AppTest

    def script():
        import streamlit as st

        from lib.ui import analysis_ui
        from lib.ui.guard import page_guard

        ctx = page_guard()
        scores = analysis_ui.workspace_scores(ctx)
        st.text(f"{len(scores)} {analysis_ui.interview_score(ctx, 6) == scores[6]}")

    at = AppTest.from_function(script, default_timeout=120).run()
    assert not at.exception
    assert at.text[0].value == "7 True"
