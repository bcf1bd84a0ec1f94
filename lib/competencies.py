"""The competency list: a fixed vocabulary shared by the evidence bank, scoring, trends and the PDF.

Thirty competencies, each with a key (stable, stored in the database), a label, a one-line definition in
our own words, a group, and cue words that hint a question or requirement is about it. The list was
shaped by reading public frameworks (O*NET's basic and cross-functional skills, common behavioural
interview guides) and rewritten for job seekers in knowledge work. Keys never change once released;
labels and definitions may be reworded.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Competency:
    key: str
    label: str
    group: str
    definition: str
    cues: tuple[str, ...] = ()


COMPETENCIES: tuple[Competency, ...] = (
    # --- thinking
    Competency("problem_solving", "Problem solving", "Thinking",
               "Breaks a messy problem into parts, finds the cause and picks a workable fix.",
               ("problem", "troubleshoot", "debug", "root cause", "solve", "diagnos", "incident")),
    Competency("analytical_thinking", "Analytical thinking", "Thinking",
               "Works from data: measures, compares, and draws conclusions that hold up.",
               ("analy", "data", "metric", "sql", "statistic", "insight", "dashboard", "a/b", "experiment")),
    Competency("decision_making", "Judgement and decisions", "Thinking",
               "Weighs options and trade-offs under uncertainty and commits to a choice.",
               ("decision", "trade-off", "tradeoff", "prioritis", "prioritiz", "judgement", "judgment")),
    Competency("strategic_thinking", "Strategic thinking", "Thinking",
               "Connects daily work to longer-term goals, markets and direction.",
               ("strateg", "roadmap", "vision", "long-term", "market", "business case")),
    Competency("creativity", "Creativity and innovation", "Thinking",
               "Proposes new approaches and improves how things are done.",
               ("innovat", "creativ", "new idea", "improve", "prototype")),
    Competency("learning_agility", "Learning agility", "Thinking",
               "Picks up unfamiliar tools and domains quickly and learns from mistakes.",
               ("learn", "new technology", "quickly", "curious", "self-starter", "mistake", "failure")),
    # --- technical
    Competency("technical_depth", "Technical depth", "Technical",
               "Knows the core tools and concepts of the field well enough to go deep.",
               ("python", "java", "engineer", "technical", "algorithm", "architecture", "framework", "code")),
    Competency("system_design", "System design", "Technical",
               "Designs components and systems that scale, fail safely and can be maintained.",
               ("design a system", "system design", "scalab", "distributed", "microservice", "architecture")),
    Competency("quality_focus", "Quality and attention to detail", "Technical",
               "Gets the details right: testing, reviewing, checking before shipping.",
               ("quality", "test", "detail", "accuracy", "review", "qa", "compliance")),
    Competency("domain_knowledge", "Domain knowledge", "Technical",
               "Understands the industry, its customers, rules and vocabulary.",
               ("industry", "domain", "regulat", "fintech", "healthcare", "saas", "e-commerce")),
    Competency("tools_and_methods", "Tools and methods", "Technical",
               "Uses the working methods of the trade (agile, CI/CD, version control, cloud).",
               ("agile", "scrum", "ci/cd", "git", "cloud", "aws", "azure", "gcp", "docker", "kubernetes", "jira")),
    Competency("security_mindset", "Security and risk awareness", "Technical",
               "Spots risks to data, systems and people and designs them out.",
               ("security", "privacy", "risk", "gdpr", "threat", "vulnerab")),
    # --- delivery
    Competency("ownership", "Ownership and accountability", "Delivery",
               "Takes responsibility for an outcome end to end, including when it goes wrong.",
               ("ownership", "accountab", "responsib", "end-to-end", "end to end", "owned")),
    Competency("execution", "Execution and delivery", "Delivery",
               "Ships: plans the work, hits dates, and finishes what was started.",
               ("deliver", "deadline", "ship", "launch", "execut", "on time", "milestone")),
    Competency("planning", "Planning and organisation", "Delivery",
               "Organises work, time and resources so that many things move at once.",
               ("plan", "organis", "organiz", "schedule", "multiple projects", "time management")),
    Competency("project_management", "Project management", "Delivery",
               "Runs a project: scope, risks, dependencies, status and stakeholders.",
               ("project manag", "scope", "dependenc", "status report", "pmp", "program")),
    Competency("customer_focus", "Customer focus", "Delivery",
               "Understands what users need and shapes the work around it.",
               ("customer", "user", "client", "stakeholder need", "user research", "feedback from users")),
    Competency("results_orientation", "Results orientation", "Delivery",
               "Sets measurable goals and moves the numbers that matter.",
               ("result", "kpi", "okr", "revenue", "growth", "impact", "target", "roi")),
    # --- people
    Competency("communication", "Clear communication", "People",
               "Explains ideas plainly in writing and speech, to the audience in front of them.",
               ("communicat", "present", "writing", "written", "verbal", "explain", "documentation")),
    Competency("stakeholder_management", "Stakeholder management", "People",
               "Aligns people with different interests, manages expectations, and keeps trust.",
               ("stakeholder", "expectation", "cross-functional", "executive", "align", "buy-in")),
    Competency("collaboration", "Teamwork and collaboration", "People",
               "Works well with others, shares credit and helps the team succeed.",
               ("team", "collaborat", "cooperat", "partner", "pair", "together")),
    Competency("influence", "Influence and persuasion", "People",
               "Changes minds with evidence and relationships rather than authority.",
               ("influenc", "persua", "convinc", "negotiat", "advocate")),
    Competency("conflict_resolution", "Handling conflict", "People",
               "Addresses disagreement directly and turns it into a better outcome.",
               ("conflict", "disagree", "difficult conversation", "tension", "pushback", "difficult person")),
    Competency("leadership", "Leadership", "People",
               "Sets direction, motivates people and takes the lead when it is needed.",
               ("lead", "leadership", "motivat", "inspire", "led a team", "head of")),
    Competency("people_development", "Coaching and developing others", "People",
               "Grows other people through feedback, mentoring and delegation.",
               ("mentor", "coach", "develop others", "hiring", "grow the team", "delegat", "manage a team")),
    Competency("emotional_intelligence", "Self-awareness", "People",
               "Knows own strengths and limits, takes feedback well, reads the room.",
               ("feedback", "self-aware", "weakness", "empathy", "emotional")),
    # --- self
    Competency("adaptability", "Adaptability", "Self",
               "Stays effective when plans, priorities or teams change.",
               ("change", "adapt", "ambigu", "flexib", "pivot", "uncertain")),
    Competency("resilience", "Resilience under pressure", "Self",
               "Keeps calm and productive under stress, setbacks and tight deadlines.",
               ("pressure", "stress", "setback", "resilien", "tight deadline", "fast-paced")),
    Competency("initiative", "Initiative", "Self",
               "Sees what needs doing and starts it without being asked.",
               ("initiative", "proactive", "self-motivated", "without being asked", "go above")),
    Competency("motivation_fit", "Motivation and role fit", "Self",
               "Can say convincingly why this role, this company and this moment.",
               ("why do you want", "why this", "motivation", "passion", "culture", "values", "career goal")),
)

BY_KEY: dict[str, Competency] = {c.key: c for c in COMPETENCIES}
KEYS: tuple[str, ...] = tuple(c.key for c in COMPETENCIES)
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(c.group for c in COMPETENCIES))


def label(key: str | None) -> str:
    """The display label of a key; unknown keys are shown as they are (never raise in a view)."""
    if key is None:
        return "—"
    comp = BY_KEY.get(key)
    return comp.label if comp else key


def is_known(key: str) -> bool:
    return key in BY_KEY


def cue_matches(text: str) -> list[tuple[str, int]]:
    """Competencies whose cue words occur in ``text``, with the number of cue hits, best first.

    A cheap, explainable first guess used before (and alongside) the semantic matcher.
    """
    low = text.lower()
    hits = []
    for comp in COMPETENCIES:
        n = sum(1 for cue in comp.cues if cue in low)
        if n:
            hits.append((comp.key, n))
    hits.sort(key=lambda kv: (-kv[1], KEYS.index(kv[0])))
    return hits
