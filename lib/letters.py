"""Feedback-request drafts: email in three tones, a phone script, follow-ups, and a safe ``mailto:`` link.

The drafts ask for the two or three things that kept the application from moving forward — short,
grateful and easy to decline. Every draft is filled from the interview and the contact; a missing value
changes the wording ("Hello," instead of a name, a signature without a name), so no placeholder can ever
reach the page. The reconsideration summary lives in :mod:`lib.letters_case`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from lib.errors import ValidationError
from lib.followup import format_day
from lib.models import Contact, Interview, Letter, Stage

Tone = Literal["brief", "warm", "formal"]
TONES: tuple[str, ...] = ("brief", "warm", "formal")

_STAGE_PHRASES: dict[Stage, str] = {
    Stage.APPLIED: "the review of my application",
    Stage.SCREEN: "our call",
    Stage.FIRST_ROUND: "the interview",
    Stage.ASSESSMENT: "the interview and assessment",
    Stage.FINAL_ROUND: "the final-round interviews",
    Stage.OFFER: "the interviews",
}
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame"}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Draft:
    """A ready-to-edit email: a one-line subject and a plain-text body."""

    subject: str
    body: str


def to_letter(draft: Draft, interview_id: int, *, tone: str, kind: str = "feedback_request") -> Letter:
    """The draft as a :class:`Letter` ready for storage (kind "feedback_request" or "reconsideration")."""
    return Letter(interview_id=interview_id, kind=kind, tone=tone, subject=draft.subject, body=draft.body)


def one_line(value: str | None) -> str:
    """A user value for use inside a sentence: whitespace (including newlines) collapsed, trimmed."""
    return _SPACE.sub(" ", value or "").strip()


def _check_tone(tone: str) -> str:
    if tone not in TONES:
        raise ValidationError("tone", f"Tone must be one of: {', '.join(TONES)}.")
    return tone


def first_name(name: str) -> str:
    """The first name for an informal greeting; the full name when it starts with a title ("Dr Ayo Bello")."""
    name = one_line(name)
    parts = name.split(" ")
    if len(parts) > 1 and parts[0].rstrip(".").lower() not in _TITLES:
        return parts[0]
    return name


def greeting(contact: Contact | None, tone: str, company: str = "") -> str:
    name = one_line(contact.name) if contact else ""
    if tone == "formal":
        if name:
            return f"Dear {name},"
        return f"Dear {one_line(company)} hiring team," if one_line(company) else "Dear hiring team,"
    if not name:
        return "Hello,"
    return f"Hi {first_name(name)}," if tone == "brief" else f"Dear {first_name(name)},"


def sign_off(tone: str, sender_name: str) -> str:
    words = {"brief": "Best,", "warm": "Warm regards,", "formal": "Kind regards,"}[tone]
    name = one_line(sender_name)
    return f"{words}\n{name}" if name else words


def _facts(interview: Interview) -> tuple[str, str, str, str]:
    role, company = one_line(interview.role), one_line(interview.company)
    when = format_day(interview.interview_date)
    what = _STAGE_PHRASES.get(interview.furthest_stage, "the interview")
    return role, company, when, what


def _assemble(parts: list[str]) -> str:
    return "\n\n".join(p for p in parts if p) + "\n"


def feedback_request(interview: Interview, contact: Contact | None = None, *, tone: Tone = "warm",
                     sender_name: str = "") -> Draft:
    """The first feedback request after a rejection, in one of three tones."""
    tone = _check_tone(tone)
    role, company, when, what = _facts(interview)
    hello = greeting(contact, tone, company)
    if tone == "brief":
        subject = f"Feedback on my {role} interview"
        parts = [
            hello,
            f"Thank you for considering me for the {role} role at {company} ({what} on {when}), and for "
            "letting me know your decision.",
            "If you have a moment, could you share the two or three things that kept me from moving "
            "forward? A line or two would help me prepare better.",
            "No problem at all if that isn't possible.",
        ]
    elif tone == "warm":
        subject = f"Thank you, and a small request about the {role} role"
        parts = [
            hello,
            f"Thank you for the time you and the team gave me during {what} for the {role} role at "
            f"{company} on {when}. I enjoyed learning about the work, and I appreciate you letting me know "
            "where things stand.",
            "I'm trying to learn from every interview, so I'd be grateful for your honest view: what were "
            "the two or three things that held my application back? Even a few words would be really "
            "useful, and I'm happy to hear it in a short call if that's easier.",
            "I completely understand if you're not able to share feedback, and I hope our paths cross "
            "again.",
        ]
    else:
        subject = f"Request for feedback: {role} interview on {when}"
        parts = [
            hello,
            f"Thank you for considering me for the position of {role} at {company}, and for the "
            f"opportunity to take part in {what} on {when}.",
            "I would be grateful if you could share the two or three main reasons my application did not "
            "progress. Your view would help me focus my preparation for future opportunities.",
            "I understand that this may not always be possible, and I thank you for your time either way.",
        ]
    return Draft(subject=subject, body=_assemble([*parts, sign_off(tone, sender_name)]))


def follow_up(interview: Interview, contact: Contact | None = None, n: int = 1, tone: Tone = "warm",
              sender_name: str = "") -> Draft:
    """Follow-up number ``n`` (1 = first): shorter and gentler than the request; the last one says so."""
    tone = _check_tone(tone)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValidationError("n", "The follow-up number starts at 1.")
    role, company, when, _ = _facts(interview)
    original = feedback_request(interview, contact, tone=tone, sender_name=sender_name)
    subject = f"Re: {original.subject}"
    hello = greeting(contact, tone, company)
    if n == 1:
        ask = {
            "brief": f"Just a gentle nudge on my note about the {role} role — if you have a minute, two or "
                     "three points on what held me back would help a lot.",
            "warm": "I know inboxes get busy, so I'm simply bringing my earlier note back to the top. If "
                    f"you have a moment, a few words on what held back my application for the {role} role "
                    f"at {company} would mean a lot.",
            "formal": f"I am writing briefly to follow up on my request for feedback regarding the {role} "
                      f"position at {company} (interview on {when}).",
        }[tone]
    else:
        ask = {
            "brief": f"One last note about the {role} role: any short feedback is welcome, and I won't "
                     "write again about it.",
            "warm": f"This is my last note about the {role} role, I promise. If you can share a line or two "
                    "of feedback, thank you; if not, I understand and wish you and the team all the best.",
            "formal": f"This is my final message regarding the {role} position. Should you be able to share "
                      "any brief feedback, I would be grateful; otherwise, thank you for your time.",
        }[tone]
    return Draft(subject=subject, body=_assemble([hello, ask, sign_off(tone, sender_name)]))


def phone_script(interview: Interview, contact: Contact | None = None, sender_name: str = "") -> str:
    """What to say on a short feedback call: opening, the ask, the close, and a voicemail version."""
    role, company, when, what = _facts(interview)
    me = one_line(sender_name)
    intro = f"this is {me}; I'm calling about" if me else "I'm calling about"
    target = f"Hi {first_name(contact.name)}" if contact else "Hello"
    ask_for = f"May I speak to {one_line(contact.name)}?" if contact else "May I speak to the person who " \
        f"led the {role} interviews?"
    lines = [
        "BEFORE YOU CALL",
        "- Have a pen ready; you will listen more than you talk.",
        "- Aim for two or three minutes. Thank them whatever they say.",
        "",
        "OPENING",
        f"- If someone else answers: \"{ask_for}\"",
        f"- \"{target}, {intro} the {role} role at {company} ({what} on {when}). Do you have two "
        "minutes?\"",
        "- If it's a bad time: \"No problem — when would be better?\"",
        "",
        "THE ASK",
        "- \"Thank you for letting me know the decision. I'm working on improving, and I'd really value "
        "your honest view: what were the two or three things that held me back?\"",
        "- Listen. Only ask to clarify: \"Could you give me an example of that?\"",
        "- Don't argue or explain away a point; write it down.",
        "",
        "THE CLOSE",
        "- \"That's really helpful — thank you for being open with me.\"",
        "- \"If a similar role comes up, I'd be glad to be considered.\"",
        "",
        "IF YOU REACH VOICEMAIL",
        f"- \"{target}, {intro} the {role} role at {company}. Thank you again for your time on {when}. If you're able to share two or three points of feedback, I'd be grateful, by email or a "
        "short call — whatever suits you. Thank you, and have a good day.\"",
        "- Leave it at one voicemail; don't call again the same week.",
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- mailto links

# A conservative address shape: the common characters of a local part, and a hostname. Anything else
# (spaces, commas, "?", "&", "%", "#", quotes, angle brackets, control characters, CR/LF) is refused, so
# an address can never add recipients, headers or a body to the link.
_LOCAL = r"[A-Za-z0-9!$'*+\-^_`{|}~]+(?:\.[A-Za-z0-9!$'*+\-^_`{|}~]+)*"
_HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
_EMAIL = re.compile(rf"{_LOCAL}@{_HOST}")


def mailto_link(email: str, draft: Draft) -> str:
    """A ``mailto:`` URL (RFC 6068) with the subject and body percent-encoded.

    Refuses (``ValidationError`` on ``email``) any address with CR/LF, other control characters or the
    characters that could inject recipients or headers. Line breaks in the body become ``%0D%0A``.
    Note: some mail programs cut very long links (~2,000 characters); offer "copy the text" as well.
    """
    address = email.strip() if isinstance(email, str) else ""
    if not address or not _EMAIL.fullmatch(address) or len(address) > 254:
        raise ValidationError("email", "That email address can't be used in a link; please check it.")
    subject = one_line(draft.subject)
    body = draft.body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    query = f"subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(address, safe='@')}?{query}"
