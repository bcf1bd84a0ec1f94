from __future__ import annotations

from lib.onepager.text import ELLIPSIS, REPLACEMENT, clean, visual_order

from .helpers import metrics

COVERED = metrics().covered()


def test_clean_drops_controls_bidi_overrides_and_zero_width():
    raw = "a\x00b\u202ec\u202cd\u200be\ufefff\u2066g\u2069h\u00adi\x7fj"
    assert clean(raw, COVERED) == "abcdefghij"


def test_clean_flattens_line_breaks_and_odd_spaces():
    assert clean("one\ntwo\r\nthree\tfour\u2028five\u00a0six   seven", COVERED) == "one two three four five six seven"


def test_clean_keeps_what_the_font_draws():
    text = "\u201cQuoted\u201d \u2014 caf\u00e9 \u0395\u03bb\u03bb\u03ac\u03b4\u03b1 \u041a\u0438\u0435\u0432 \u05e9\u05dc\u05d5\u05dd \u2026"
    assert clean(text, COVERED) == text


def test_clean_replaces_a_run_of_missing_glyphs_with_one_box():
    cleaned = clean("before \u4f60\u597d\u4e16\u754c after", COVERED)
    assert cleaned == f"before {REPLACEMENT} after"
    assert clean("\U0001f680", COVERED) == REPLACEMENT  # a rocket: not in DejaVu Sans
    assert clean("\ue000 private", COVERED) == f"{REPLACEMENT} private"


def test_clean_drops_combining_marks_it_cannot_draw_and_composes_accents():
    assert clean("e\u0301", COVERED) == "\u00e9"  # NFC composes the accent
    assert clean("x\U0001d167y", COVERED) == "xy"  # a musical combining mark the font lacks


def test_clean_removes_lone_surrogates_and_non_text():
    assert clean("a\ud800b", COVERED) == "ab"
    assert clean(None, COVERED) == ""
    assert clean(42, COVERED) == "42"


def test_clean_shortens_long_text_with_an_ellipsis():
    cleaned = clean("word " * 500, COVERED, max_chars=100)
    assert len(cleaned) <= 101
    assert cleaned.endswith(ELLIPSIS)
    long_word = clean("x" * 10_000, COVERED, max_chars=50)
    assert long_word == "x" * 50 + ELLIPSIS


def test_wrap_respects_the_width_and_keeps_every_word():
    m = metrics()
    text = "The panel asked about the churn model and the live exercise went well " * 3
    lines = m.wrap(text, 60.0, "", 10.0, max_lines=50)
    assert len(lines) > 1
    assert all(m.width(line, "", 10.0) <= 60.0 + 1e-6 for line in lines)
    assert " ".join(lines).split() == text.split()


def test_wrap_hard_breaks_a_word_longer_than_the_line():
    m = metrics()
    lines = m.wrap("x" * 400, 40.0, "B", 9.0, max_lines=100)
    assert len(lines) > 3
    assert "".join(lines) == "x" * 400
    assert all(m.width(line, "B", 9.0) <= 40.0 + 1e-6 for line in lines)


def test_wrap_cuts_at_max_lines_with_an_ellipsis():
    m = metrics()
    lines = m.wrap("word " * 200, 50.0, "", 8.0, max_lines=2)
    assert len(lines) == 2
    assert lines[-1].endswith(ELLIPSIS)
    assert m.width(lines[-1], "", 8.0) <= 50.0 + 1e-6


def test_wrap_of_nothing_is_no_lines():
    assert metrics().wrap("", 50.0, "", 8.0, max_lines=3) == ()


def test_fit_shortens_only_when_needed():
    m = metrics()
    assert m.fit("short", 50.0, "", 10.0) == "short"
    fitted = m.fit("a rather long label for a narrow column", 20.0, "", 10.0)
    assert fitted.endswith(ELLIPSIS) and m.width(fitted, "", 10.0) <= 20.0 + 1e-6


def test_visual_order_reverses_right_to_left_runs_only():
    assert visual_order("plain text") == "plain text"
    assert visual_order("\u05d0\u05d1\u05d2") == "\u05d2\u05d1\u05d0"
