"""SAMPLE CONTENT for tests and the CLI demo: an invented interview, written for this project.

The company, the people and every sentence here are made up; nothing is taken from a real interview.
"""

from __future__ import annotations

import datetime as dt

from lib.onepager.content import ActionLine, CommentLine, CompetencyBar, OnePagerData, Point


def sample_onepager_data(today: dt.date = dt.date(2026, 11, 25)) -> OnePagerData:
    """A realistic, clearly fictional one-pager (dates are placed relative to ``today``)."""
    day = dt.timedelta(days=1)
    return OnePagerData(
        title="Senior Data Analyst, Customer Insights",
        company="Harbourline Logistics (sample)",
        interview_date=today - 16 * day,
        furthest_stage="Final round",
        outcome="Rejected",
        fit=0.71,
        must_coverage=0.8,
        coverage_counts=(11, 4, 3),
        strengths=(
            Point("SQL and data modelling",
                  "Walked through the churn model rebuilt from raw order events; the panel asked follow-ups "
                  "and the live SQL exercise was finished early.",
                  "How would you find customers at risk of leaving?"),
            Point("Clear story about impact",
                  "The warehouse-delay dashboard story had a number in it (returns down 14% in a quarter) "
                  "and a named decision it changed.",
                  "Tell us about analysis that changed a decision."),
            Point("Calm with messy data",
                  "Explained how duplicate shipment records were traced to a timezone bug before any "
                  "numbers were reported.",
                  ""),
        ),
        gaps=(
            Point("Experiment design was thin",
                  "Could not say how sample size was chosen for the pricing test; the bank has no story "
                  "about running an A/B test end to end.",
                  "How would you test a new delivery fee?", gap_class="skill_gap"),
            Point("Stakeholder conflict answer stayed vague",
                  "The story exists (the regional managers' KPI dispute) but the answer skipped what I "
                  "actually said and how it ended.",
                  "Tell us about a time you disagreed with a senior stakeholder.",
                  gap_class="demonstration_gap"),
            Point("Python beyond notebooks",
                  "Asked about testing and packaging analysis code; only notebook work came to mind.",
                  "How do you make an analysis reproducible?", gap_class="skill_gap"),
        ),
        competencies=(
            CompetencyBar("Analytical thinking", 0.9, 0.85, "strength"),
            CompetencyBar("Technical depth", 0.8, 0.7, "strength"),
            CompetencyBar("Communication", 0.75, 0.65, "strength"),
            CompetencyBar("Stakeholder management", 0.7, 0.35, "demonstration_gap"),
            CompetencyBar("Experimentation", 0.2, 0.15, "skill_gap"),
            CompetencyBar("Judgement and decisions", 0.6, 0.5, "demonstration_gap"),
            CompetencyBar("Commercial awareness", 0.5, None, "not_assessed"),
        ),
        employer_points=(
            "Strong SQL and a good grasp of the logistics domain.",
            "The other finalist had run pricing experiments in production.",
            "Would welcome an application for the next analytics opening.",
        ),
        actions=(
            ActionLine("Write the KPI dispute as a full STAR story and rehearse it aloud", today - 5 * day, True),
            ActionLine("Finish a short online course on A/B test design and sample sizes", today + 20 * day, False),
            ActionLine("Run a small experiment on public data and add it to the evidence bank", today + 35 * day, False),
            ActionLine("Package one analysis as a tested Python module", today + 45 * day, False),
        ),
        feedback_status="Feedback requested by email on "
                        f"{(today - 12 * day):%d %b}; the recruiter replied with three points. No further "
                        "follow-up planned.",
        comments=(
            CommentLine("Coach (sample)", "Lead with the KPI dispute next time: it shows judgement as well as "
                                          "stakeholder skills. The experiment gap is real but fixable in a month."),
        ),
        generated_on=today,
        author="Sam Example",
    )
