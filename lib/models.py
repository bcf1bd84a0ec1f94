"""The domain model: frozen dataclasses that every layer passes around.

Storage turns rows into these (and back); nothing outside ``lib.storage`` sees a row. Every persisted
object has ``id`` (``None`` until saved) and ``version`` (optimistic concurrency: storage refuses to save
an object whose version is not the one in the database). Validation happens in ``__post_init__`` and
raises :class:`lib.errors.ValidationError` naming the field, so forms can show it next to the input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from lib.errors import ValidationError

MAX_TITLE = 200
MAX_TEXT = 200_000  # 200k characters: a very long note still fits, an accidental paste of a book does not


class EvidenceKind(StrEnum):
    QUALIFICATION = "qualification"  # a degree, certificate, licence
    SKILL = "skill"  # a named skill or tool
    STORY = "story"  # an experience told as a STAR story
    ACHIEVEMENT = "achievement"  # a result with a number in it
    RESEARCH = "research"  # a note about a company, a team, a product


class Outcome(StrEnum):
    PENDING = "pending"
    REJECTED = "rejected"
    OFFER = "offer"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"


class Stage(StrEnum):
    """The funnel ladder, in order. An interview keeps the furthest stage it reached, whatever the outcome."""

    APPLIED = "applied"
    SCREEN = "screen"
    FIRST_ROUND = "first_round"
    ASSESSMENT = "assessment"
    FINAL_ROUND = "final_round"
    OFFER = "offer"


STAGE_LABELS: dict[Stage, str] = {
    Stage.APPLIED: "Applied",
    Stage.SCREEN: "Recruiter screen",
    Stage.FIRST_ROUND: "First interview",
    Stage.ASSESSMENT: "Assessment / technical",
    Stage.FINAL_ROUND: "Final round",
    Stage.OFFER: "Offer",
}
STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    LINKEDIN = "linkedin"
    OTHER = "other"


class Direction(StrEnum):
    OUTBOUND = "outbound"  # I contacted them
    INBOUND = "inbound"  # they contacted me


class AttemptOutcome(StrEnum):
    NO_ANSWER = "no_answer"
    REPLIED = "replied"
    DECLINED = "declined"  # a clear "we don't give feedback" / "please don't contact": stop for good


class FeedbackSource(StrEnum):
    EMPLOYER = "employer"  # the employer said it
    SELF = "self"  # my own inference


class RequirementKind(StrEnum):
    MUST = "must"
    NICE = "nice"
    RESPONSIBILITY = "responsibility"


class Role(StrEnum):
    OWNER = "owner"
    COACH = "coach"
    ANONYMOUS = "anonymous"


class SharePermission(StrEnum):
    VIEW = "view"
    COMMENT = "comment"


class CommentTarget(StrEnum):
    INTERVIEW = "interview"
    SCRIPT_ITEM = "script_item"
    CASE = "case"
    ACTION_PLAN = "action_plan"


# ---------------------------------------------------------------- validation helpers


def require_text(field_name: str, value: str, label: str, *, max_len: int = MAX_TITLE) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field_name, f"{label} is required.")
    check_length(field_name, value, label, max_len=max_len)


def check_length(field_name: str, value: str, label: str, *, max_len: int = MAX_TEXT) -> None:
    if len(value) > max_len:
        raise ValidationError(field_name, f"{label} is too long ({len(value):,} characters; the limit is {max_len:,}).")


def _check_texts(obj: object, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(obj, name)
        if not isinstance(value, str):
            raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be text.")
        check_length(name, value, name.replace("_", " ").capitalize())


def _check_enum(obj: object, name: str, enum: type[StrEnum], *, optional: bool = False) -> None:
    value = getattr(obj, name)
    if value is None and optional:
        return
    try:
        object.__setattr__(obj, name, enum(value))
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be one of: {allowed}.") from None


def _check_date(obj: object, name: str, *, optional: bool = True) -> None:
    value = getattr(obj, name)
    if value is None and optional:
        return
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} must be a date.")
    if not (dt.date(1950, 1, 1) <= value <= dt.date(2100, 12, 31)):
        raise ValidationError(name, f"{name.replace('_', ' ').capitalize()} looks wrong ({value.isoformat()}).")


def _check_tuple(obj: object, name: str) -> None:
    value = getattr(obj, name)
    if isinstance(value, str) or not isinstance(value, (tuple, list)):
        raise ValidationError(name, f"{name} must be a list.")
    object.__setattr__(obj, name, tuple(value))
    for item in value:
        if isinstance(item, str) and len(item) > MAX_TITLE:
            raise ValidationError(name, f"An entry in {name} is too long.")


# ---------------------------------------------------------------- the evidence bank


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence in the bank.

    kind: see :class:`EvidenceKind`. title: a short name ("Led the billing migration").
    body: free text (for skills and qualifications, the detail; for research, the note).
    situation/task/action/result: the STAR parts of a story (empty for other kinds).
    tags: free labels; competencies: keys from :mod:`lib.competencies`.
    started_on/ended_on: when it happened (optional). source: where it came from ("résumé", "typed").
    """

    kind: EvidenceKind
    title: str
    body: str = ""
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    tags: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    source: str = "typed"
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        _check_enum(self, "kind", EvidenceKind)
        require_text("title", self.title, "Title")
        _check_texts(self, ("body", "situation", "task", "action", "result", "source"))
        _check_tuple(self, "tags")
        _check_tuple(self, "competencies")
        _check_date(self, "started_on")
        _check_date(self, "ended_on")
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError("ended_on", "The end date is before the start date.")

    @property
    def is_star(self) -> bool:
        return self.kind == EvidenceKind.STORY

    def full_text(self) -> str:
        """Everything a matcher or a reader should see, in reading order."""
        parts = [self.title, self.body, self.situation, self.task, self.action, self.result]
        return "\n".join(p.strip() for p in parts if p and p.strip())


# ---------------------------------------------------------------- interviews and the script


@dataclass(frozen=True)
class Interview:
    """One application/interview process.

    stages: the stages attended, in order (values of :class:`Stage`). furthest_stage: the furthest one
    reached; a rejection never erases it. outcome: see :class:`Outcome`. decided_on: the date the outcome
    arrived (the rejection date drives the follow-up rules). jd_text: the job description as text.
    appraisal: the honest appraisal of the interview as a whole.
    """

    company: str
    role: str
    interview_date: dt.date
    furthest_stage: Stage = Stage.FIRST_ROUND
    stages: tuple[Stage, ...] = ()
    outcome: Outcome = Outcome.PENDING
    decided_on: dt.date | None = None
    jd_text: str = ""
    interviewers: tuple[str, ...] = ()
    notes: str = ""
    appraisal: str = ""
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        require_text("company", self.company, "Company")
        require_text("role", self.role, "Role")
        _check_date(self, "interview_date", optional=False)
        _check_date(self, "decided_on")
        _check_enum(self, "furthest_stage", Stage)
        _check_enum(self, "outcome", Outcome)
        _check_tuple(self, "stages")
        try:
            object.__setattr__(self, "stages", tuple(Stage(s) for s in self.stages))
        except ValueError:
            raise ValidationError("stages", "Unknown stage in the stage list.") from None
        _check_tuple(self, "interviewers")
        _check_texts(self, ("jd_text", "notes", "appraisal"))
        if self.decided_on and self.decided_on < self.interview_date:
            raise ValidationError("decided_on", "The decision date is before the interview date.")

    @property
    def title(self) -> str:
        return f"{self.role} at {self.company}"


@dataclass(frozen=True)
class ScriptItem:
    """One question from the interview "script" and my annotation of it.

    rating: my honest 1–5 self-rating of the answer (None = not rated yet). position: order in the script.
    """

    interview_id: int
    question: str
    answer: str = ""
    rating: int | None = None
    went_right: str = ""
    went_wrong: str = ""
    next_time: str = ""
    competencies: tuple[str, ...] = ()
    position: int = 0
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        require_text("question", self.question, "Question", max_len=2000)
        _check_texts(self, ("answer", "went_right", "went_wrong", "next_time"))
        if self.rating is not None and (isinstance(self.rating, bool) or self.rating not in (1, 2, 3, 4, 5)):
            raise ValidationError("rating", "The self-rating must be a whole number from 1 to 5.")
        _check_tuple(self, "competencies")


# ---------------------------------------------------------------- gap scoring overrides


@dataclass(frozen=True)
class RequirementOverride:
    """A person's correction of an extracted requirement (matched by ``req_key``, a hash of its text).

    kind/competency: the corrected values (None = keep what was extracted). ignored: drop it entirely.
    excluded_evidence: evidence ids marked "not relevant" for this requirement.
    """

    interview_id: int
    req_key: str
    kind: RequirementKind | None = None
    competency: str | None = None
    ignored: bool = False
    excluded_evidence: tuple[int, ...] = ()
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        _check_enum(self, "kind", RequirementKind, optional=True)
        _check_tuple(self, "excluded_evidence")


# ---------------------------------------------------------------- feedback loop


@dataclass(frozen=True)
class Contact:
    """Somebody at the employer I can ask for feedback."""

    interview_id: int
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        require_text("name", self.name, "Name")
        for name in ("role", "email", "phone"):
            check_length(name, getattr(self, name), name.capitalize(), max_len=MAX_TITLE)
        if self.email and ("@" not in self.email or any(c.isspace() for c in self.email.strip())):
            raise ValidationError("email", "That email address does not look right.")


@dataclass(frozen=True)
class ContactAttempt:
    """One entry of the contact log: a request, a follow-up, or their reply."""

    interview_id: int
    on: dt.date
    channel: Channel = Channel.EMAIL
    direction: Direction = Direction.OUTBOUND
    outcome: AttemptOutcome = AttemptOutcome.NO_ANSWER
    summary: str = ""
    contact_id: int | None = None
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        _check_date(self, "on", optional=False)
        _check_enum(self, "channel", Channel)
        _check_enum(self, "direction", Direction)
        _check_enum(self, "outcome", AttemptOutcome)
        _check_texts(self, ("summary",))


@dataclass(frozen=True)
class FeedbackItem:
    """One of "the 3 things": a reason given for the decision.

    wording: the employer's words, kept as given. source: employer-stated or self-inferred.
    competency: the competency it maps to (suggested by the matcher, editable).
    """

    interview_id: int
    wording: str
    source: FeedbackSource = FeedbackSource.EMPLOYER
    competency: str | None = None
    position: int = 0
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        require_text("wording", self.wording, "The reason", max_len=5000)
        _check_enum(self, "source", FeedbackSource)


@dataclass(frozen=True)
class CasePoint:
    """One paragraph of the reconsideration summary: my answer to one feedback item, with evidence."""

    interview_id: int
    feedback_id: int
    paragraph: str = ""
    evidence_ids: tuple[int, ...] = ()
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        _check_texts(self, ("paragraph",))
        _check_tuple(self, "evidence_ids")


@dataclass(frozen=True)
class Letter:
    """A saved draft: a feedback request or a reconsideration summary (kind), in a tone."""

    interview_id: int
    kind: str  # "feedback_request" | "reconsideration"
    tone: str = "warm"
    subject: str = ""
    body: str = ""
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        if self.kind not in ("feedback_request", "reconsideration"):
            raise ValidationError("kind", "Unknown letter kind.")
        _check_texts(self, ("tone", "subject", "body"))


@dataclass(frozen=True)
class ActionItem:
    """A next step in the action plan (interview_id None = workspace-wide)."""

    title: str
    detail: str = ""
    competency: str | None = None
    gap_class: str | None = None
    due_on: dt.date | None = None
    done: bool = False
    interview_id: int | None = None
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        require_text("title", self.title, "Action")
        _check_texts(self, ("detail",))
        _check_date(self, "due_on")


# ---------------------------------------------------------------- sharing


@dataclass(frozen=True)
class Share:
    """A link given to a coach. Only the SHA-256 of the token is stored.

    interview_ids: empty = the whole workspace. expires_at/revoked_at/last_used_at: timezone-aware UTC.
    """

    label: str
    token_hash: str
    permission: SharePermission = SharePermission.VIEW
    interview_ids: tuple[int, ...] = ()
    expires_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
    last_used_at: dt.datetime | None = None
    created_at: dt.datetime | None = None
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        require_text("label", self.label, "Label")
        _check_enum(self, "permission", SharePermission)
        _check_tuple(self, "interview_ids")


@dataclass(frozen=True)
class Comment:
    """A coach's (or the owner's reply) comment on one object of an interview."""

    interview_id: int
    target: CommentTarget
    body: str
    author_name: str
    author_role: Role = Role.COACH
    target_id: int | None = None
    share_id: int | None = None
    parent_id: int | None = None
    resolved: bool = False
    created_at: dt.datetime | None = None
    id: int | None = None
    version: int = 0

    def __post_init__(self) -> None:
        _check_enum(self, "target", CommentTarget)
        _check_enum(self, "author_role", Role)
        require_text("body", self.body, "Comment", max_len=10_000)
        require_text("author_name", self.author_name, "Your name")


@dataclass(frozen=True)
class Workspace:
    """A person's private workspace. ``data_version`` grows with every write (cache key)."""

    owner: str
    display_name: str = ""
    is_demo: bool = False
    data_version: int = 0
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class WorkspaceData:
    """Everything in one workspace, as plain objects (used by export, scoring pages and the PDF)."""

    evidence: tuple[Evidence, ...] = ()
    interviews: tuple[Interview, ...] = ()
    script_items: tuple[ScriptItem, ...] = ()
    overrides: tuple[RequirementOverride, ...] = ()
    contacts: tuple[Contact, ...] = ()
    attempts: tuple[ContactAttempt, ...] = ()
    feedback: tuple[FeedbackItem, ...] = ()
    case_points: tuple[CasePoint, ...] = ()
    letters: tuple[Letter, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    comments: tuple[Comment, ...] = field(default=())


# ---------------------------------------------------------------- job description (filled by lib.jd)


class GateKind(StrEnum):
    YEARS = "years"  # N+ years of experience
    DEGREE = "degree"  # a degree level on the ladder in lib.jd
    CERTIFICATION = "certification"  # a licence or certificate
    AUTHORIZATION = "authorization"  # right to work, clearance, visa
    LANGUAGE = "language"  # a spoken language


@dataclass(frozen=True)
class Requirement:
    """One requirement extracted from a job description.

    key: stable id (hash of the normalised text) so overrides survive re-parsing. kind/weight: see
    :mod:`lib.jd`. span: (start, end) character offsets in the normalised JD text. section: the header it
    sat under ("" when none). competency: a key of :mod:`lib.competencies` or None. terms: skill terms found
    in it; any_of: groups of alternatives ("such as A, B or C" — one of them is enough).
    """

    key: str
    text: str
    kind: RequirementKind
    weight: float
    span: tuple[int, int] = (0, 0)
    section: str = ""
    competency: str | None = None
    terms: tuple[str, ...] = ()
    any_of: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Gate:
    """A hard gate: something a screen can reject on regardless of everything else.

    value: years as a number, the degree level on the ladder, or the named certificate/language.
    """

    kind: GateKind
    text: str
    value: str = ""
    span: tuple[int, int] = (0, 0)
