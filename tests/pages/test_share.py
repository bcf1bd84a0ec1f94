"""Share page: a created link is listed with a Revoke button; revoking it marks it revoked."""

from tests.pages.helpers import app_test


def _open():
    at = app_test().run()
    return at.switch_page("pages/share.py").run()


def test_create_then_revoke_a_link():
    at = _open()
    assert not at.exception
    at.text_input(key="share_label").input("Sam *coach*")
    at.button[[b.label for b in at.button].index("Create link")].click().run()
    assert not at.exception
    assert any("Link created" in s.value for s in at.success)
    revoke = [b for b in at.button if b.label == "Revoke"]
    assert len(revoke) == 1
    assert any(r"Sam \*coach\*" in md.value for md in at.markdown)  # the label is shown literally
    revoke[0].click().run()
    assert not at.exception
    assert not [b for b in at.button if b.label == "Revoke"]
    assert any(c.value.startswith("revoked") for c in at.caption)
