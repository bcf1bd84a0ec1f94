"""Import & export page: a refused backup changes nothing and its status box says so."""

from tests.pages.helpers import app_test


def _open():
    at = app_test().run()
    return at.switch_page("pages/data.py").run()


def test_refused_backup_marks_the_status_as_refused_and_shows_why():
    at = _open()
    assert not at.exception
    at.file_uploader(key="up_backup").upload("not-a-backup.json", b'{"hello": "world"}', "application/json").run()
    at.button(key="do_restore").click().run()
    assert not at.exception
    labels = [s.label for s in at.status]
    assert labels and not any("Importing" in label for label in labels)
    assert any("refused" in label.lower() for label in labels)
    assert at.error, "the reason for the refusal is shown"
