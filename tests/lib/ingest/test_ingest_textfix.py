"""Text clean-up: normalisation, bullets, re-joining broken lines."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.ingest.textfix import (
    bullet_text,
    is_lone_marker,
    normalise_bullets,
    normalise_text,
    rejoin_lines,
    rejoin_lines_counted,
)


def test_normalise_text_strips_controls_and_blank_runs():
    raw = "Caf\u0065\u0301 \ufb01nance\x00\r\nline\x07 two  \r\n\n\n\n\tindented\u00a0end\u200b\n\n"
    out = normalise_text(raw)
    assert out == "Café finance\nline two\n\n\tindented end"


def test_normalise_text_keeps_bullet_glyphs_from_private_use():
    assert normalise_text("\uf0b7 Python") == "\uf0b7 Python"
    assert normalise_bullets(normalise_text("\uf0b7 Python")) == "- Python"


def test_every_bullet_style_becomes_a_dash():
    styles = ["• one", "◦ one", "▪ one", "- one", "* one", "– one", "— one", "· one", "1. one", "12) one",
              "a) one", "(b) one", "   • one", "●one"]
    assert normalise_bullets("\n".join(styles)) == "\n".join(["- one"] * len(styles))


def test_non_bullets_are_left_alone():
    lines = ["1.5 years in post", "-x marks", "2019 – 2022", "**bold**", "Acme Ltd - London", "a.m. shift"]
    assert normalise_bullets("\n".join(lines)) == "\n".join(lines)


def test_bullet_helpers():
    assert bullet_text("  • Led the audit") == "Led the audit"
    assert bullet_text("Led the audit") is None
    assert is_lone_marker("●") and is_lone_marker(" 3. ") and not is_lone_marker("● Led")


def test_one_word_per_line_is_rejoined_into_sentences():
    words = "We need a careful analyst who enjoys numbers.".split()
    text = "\n".join(["Role:"] + words + ["●", "Build", "monthly", "reports.", "●", "Present", "them."])
    out, joins = rejoin_lines_counted(text)
    assert out.split("\n") == [
        "Role:",
        "We need a careful analyst who enjoys numbers.",
        "● Build monthly reports.",
        "● Present them.",
    ]
    assert joins == len(text.split("\n")) - 4


def test_wrapped_lines_join_but_headers_and_sentences_stay():
    text = (
        "REQUIREMENTS\n"
        "Five years of experience building data pipelines for\n"
        "finance teams.\n"
        "Strong SQL,\n"
        "Python and dbt.\n"
        "Skills\n"
        "Clear writing\n"
        "\n"
        "well-\ndocumented code"
    )
    assert rejoin_lines(text).split("\n") == [
        "REQUIREMENTS",
        "Five years of experience building data pipelines for finance teams.",
        "Strong SQL, Python and dbt.",
        "Skills",
        "Clear writing",
        "",
        "well-documented code",
    ]


def test_bullets_are_never_swallowed():
    text = "Duties\n- Plan the rota\n- Keep the books\n• Train new staff"
    assert rejoin_lines(text) == text


line = st.lists(st.sampled_from(["a", "b", "A", " ", ".", ":", "-", "•", "1", "\t", "x,", "and"]), max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(line, max_size=30))
def test_rejoin_only_changes_whitespace(lines):
    text = "\n".join(lines)
    out = rejoin_lines(text)
    assert "".join(out.split()) == "".join(text.split())
    assert out.count("\n") <= text.count("\n")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_normalise_text_and_bullets_are_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    bulleted = normalise_bullets(once)
    assert normalise_bullets(bulleted) == bulleted
    assert bulleted.count("\n") == once.count("\n")


def test_word_per_line_mode_joins_capitalised_words_too():
    sentence = "Our Team In Leeds Builds Payment Tools For Small Shops And Charities Across The North."
    lines = ["About", "Us:"] + sentence.split() + ["Requirements:"] + "SQL And Python Experience.".split()
    out = rejoin_lines("\n".join(lines))
    assert out.split("\n") == ["About Us:", sentence, "Requirements:", "SQL And Python Experience."]
    # the same capitalised short lines in an ordinary document are left apart
    assert rejoin_lines("Skills\nSQL\nPython") == "Skills\nSQL\nPython"
