"""The STAR check: which parts are missing and whether a result states a quantity."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.star_check import MSG_EMPTY_RESULT, MSG_NOT_MEASURABLE, check_star, is_measurable


@pytest.mark.parametrize("result", [
    "Conversion rose from 41% to 45%.",
    "Saved the team about £40k a year.",
    "Used on 30+ tests since.",
    "Response time fell by half.",
    "We doubled the number of weekly active users.",
    "Two teams adopted the template.",
    "It cut the weekly report from a full day to an hour.",
    "The release now ships a week sooner.",
    "Costs dropped by twelve percent.",
    "Came in under budget by a few thousand dollars.",
])
def test_results_with_a_quantity_are_measurable(result):
    assert is_measurable(result)


@pytest.mark.parametrize("result", [
    "",
    "   ",
    "The team was happy with the outcome.",
    "One of them has since been promoted.",
    "Customers said the setup felt clearer.",
    "Everyone agreed it went well and the day ended on a high.",  # a time word without anything saved
])
def test_results_without_a_quantity_are_not(result):
    assert not is_measurable(result)


@given(st.text(max_size=60), st.integers(min_value=0, max_value=10**6), st.text(max_size=60))
def test_any_digit_makes_a_result_measurable(before, number, after):
    assert is_measurable(f"{before}{number}{after}")


def test_check_star_lists_missing_parts_in_order_and_explains_an_empty_result():
    check = check_star("", "Fix the report", "  ", "")
    assert check.missing == ("situation", "action", "result")
    assert check.message == MSG_EMPTY_RESULT
    assert not check.complete


def test_check_star_flags_a_result_without_a_number_kindly():
    check = check_star("A", "B", "C", "People liked it.")
    assert check.missing == ()
    assert not check.measurable
    assert check.message == MSG_NOT_MEASURABLE


def test_a_complete_measurable_story_has_no_message():
    check = check_star("A", "B", "C", "Churn fell from 9.8% to 7.1%.")
    assert check.complete and check.message is None
