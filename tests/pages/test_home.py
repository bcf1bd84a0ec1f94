from tests.pages.helpers import app_test


def test_app_runs_and_home_shows_the_demo_workspace():
    at = app_test().run()
    assert not at.exception
    assert at.title[0].value == "Second Look"
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Evidence items"]) >= 25
    assert int(metrics["Interviews logged"]) >= 6
    assert any("Demo data" in w.value for w in at.sidebar.warning)


def test_page_file_runs_directly_through_the_guard():
    """A fresh server may serve pages/home.py without app.py: the guard still resolves the workspace."""
    at = app_test("pages/home.py").run()
    assert not at.exception
    assert int({m.label: m.value for m in at.metric}["Evidence items"]) >= 25


def test_start_my_own_workspace_clears_the_demo():
    at = app_test().run()
    at.checkbox(key="confirm_clear_demo").check().run()
    at.button(key="clear_demo").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Evidence items"] == "0"
    assert not at.sidebar.warning
