"""Every page runs without an exception for the local owner on the demo workspace, through app.py and
directly (as a freshly started server may serve it)."""

import pytest

from lib.ui.nav import available_pages
from tests.pages.helpers import app_test

SCRIPTS = [p[0] for p in available_pages()]


def test_every_planned_page_exists():
    assert len(SCRIPTS) == 10


@pytest.mark.parametrize("script", SCRIPTS)
def test_page_runs_through_the_navigation(script):
    at = app_test().run()
    at.switch_page(script).run()
    assert not at.exception, script
    assert at.title, f"{script} shows a title"


@pytest.mark.parametrize("script", SCRIPTS)
def test_page_runs_directly_through_the_guard(script):
    at = app_test(script).run()
    assert not at.exception, script
    assert not at.error, [e.value for e in at.error]
