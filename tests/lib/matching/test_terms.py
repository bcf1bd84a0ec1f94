from lib.matching.terms import (
    build_lexicon,
    canonical,
    cover_slots,
    find_terms,
    fuzzy_match,
    term_slots,
)


def test_finds_exact_terms_case_insensitive_with_word_boundaries():
    terms = find_terms("We use PYTHON and postgresql daily; javascripting is not a word.")
    assert "python" in terms
    assert "postgresql" in terms
    assert "javascript" not in terms


def test_longest_match_wins_and_order_is_first_appearance():
    lex = build_lexicon(["machine learning", "machine learning engineering", "sql"], aliases={})
    assert find_terms("SQL and machine learning engineering, then machine learning", lex) == (
        "sql", "machine learning engineering", "machine learning")


def test_terms_do_not_span_punctuation():
    lex = build_lexicon(["c#", ".net", "c# .net"], aliases={})
    assert find_terms("C#, .NET", lex) == ("c#", ".net")
    assert find_terms("C# .NET", lex) == ("c# .net",)


def test_tech_tokens_and_compounds():
    terms = find_terms("C++, C#, Node.js and CI/CD; Python/Django backend")
    for t in ("c++", "c#", "node.js", "ci/cd", "python", "django"):
        assert t in terms


def test_aliases_map_to_one_canonical_term():
    assert canonical("Postgres") == "postgresql"
    assert canonical("JS") == "javascript"
    assert "kubernetes" in find_terms("We run k8s in production")


def test_short_ambiguous_names_need_exact_case():
    assert "go" in find_terms("Services written in Go and Rust")
    assert "go" not in find_terms("We go to the office")
    assert "r" in find_terms("Statistics in R")


def test_generic_words_are_not_terms():
    assert find_terms("We hope to see you at the top of the hill") == ()


def test_fuzzy_match_aliases_and_near_spellings():
    assert fuzzy_match("Postgres", "Ran PostgreSQL 15 clusters").score == 1.0
    assert fuzzy_match("JavaScript", "Frontend in JS").found == "JS"
    near = fuzzy_match("kubernetes", "Kubernets clusters on bare metal")
    assert near is not None and 0.88 <= near.score < 1.0
    assert fuzzy_match("java", "Jira boards") is None  # short terms need an exact match
    assert fuzzy_match("tableau", "pivot tables in a spreadsheet") is None


def test_any_of_group_is_one_slot_filled_by_any_alternative():
    slots = term_slots(["sql", "tableau", "power bi", "looker"], any_of=[("Tableau", "Power BI", "Looker")])
    assert slots == (("sql",), ("tableau", "power bi", "looker"))
    cov = cover_slots(slots, find_terms("Dashboards in Looker backed by SQL"))
    assert cov.filled == 2 and cov.fraction == 1.0
    assert cov.matched == ("sql", "looker")
    partial = cover_slots(slots, find_terms("Dashboards in Looker"))
    assert partial.fraction == 0.5 and partial.missing == ("sql",)


def test_cover_slots_uses_fuzzy_spelling_when_text_given():
    slots = term_slots(["kubernetes"])
    text = "Operated Kubernets clusters"
    assert cover_slots(slots, find_terms(text), text).fraction == 1.0
    assert cover_slots(slots, find_terms(text), text, fuzzy=False).fraction == 0.0
