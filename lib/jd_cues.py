"""Cue words for one candidate line or sentence of a job description.

Used in two ways by :mod:`lib.jd`:

* inside a requirement section (must / nice / responsibility), :func:`is_boilerplate` drops lines that are
  never requirements (applying, legal text, benefits, URLs, placeholders), and :func:`nice_cue` /
  :func:`must_cue` adjust the kind of a single line ("… is a plus" under *Requirements* is nice);
* outside any recognised section, :func:`fallback_kind` decides from the words alone: a must cue
  ("required", "must", "N+ years", a degree) gives *must*, a nice cue ("preferred", "ideally", "a plus",
  "bonus", "nice to have") *nice*, a line that starts with an action verb (or "you will") *responsibility*,
  a line about skills/knowledge ("experience with", "proficiency in", "understanding of") *must*; anything
  else (titles, dates, places, company blurbs, benefits, legal text) is dropped.
"""

from __future__ import annotations

import re

_NICE = re.compile(
    r"\b(?:preferred|preferably|ideally|a plus|big plus|is a plus|are a plus|plus\b(?=\s*[.!)]?$)|bonus|"
    r"nice[- ]to[- ]have|desirable|desired|advantage|advantageous|beneficial|appreciated|not required|"
    r"good to have|would be great|would be nice|is welcome|are welcome|helpful|a bonus|an asset|"
    r"optional|brownie points|extra points|not a must|not mandatory)\b",
    re.I,
)
_MUST = re.compile(
    r"\b(?:(?<!as )(?<!if )(?<!where )(?<!when )required|requirement|must|mandatory|essential|necessary|need to have|needs to have|"
    r"minimum|at least|proven|demonstrated|track record|\d+\s*\+?\s*(?:-|–|to)?\s*\d*\s*\+?\s*years?|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\+?\s+years?|"
    r"degree|bachelor'?s?|master'?s?|ph\.?d|b\.?sc?|m\.?sc|mba|diploma|certified|certification|licen[cs]e)\b",
    re.I,
)
_SKILL = re.compile(
    r"\b(?:experience|experienced|knowledge|knowledgeable|skills?|skilled|proficien\w*|fluen\w*|familiar\w*|"
    r"understanding|expertise|expert|ability|able to|capable|background in|competen\w*|mastery|"
    r"hands-on|command of|grasp of|solid|strong|excellent|good|deep|working knowledge|comfortable|"
    r"qualification|qualified|education|graduate|studies|passion for|passionate about|you have|you are|"
    r"you're|you bring|you know|you possess|you can|you enjoy|you love|love for|interest in|eye for|"
    r"mindset|attention to detail|self-starter|team player|communicat\w*|analytical|organi[sz]ed)\b",
    re.I,
)
_YOU_WILL = re.compile(
    r"^(?:as (?:a|an|our|the)\b[^,]{0,60},\s*)?(?:you will|you'll|you’ll|you would|you'd|you are going to|"
    r"you will be|in this role,? you|your (?:main |primary |key |day-to-day )?(?:tasks?|responsibilit\w+|"
    r"role|focus|mission|job) (?:is|are|will|include)|the role (?:involves|includes)|you (?:architect|build|"
    r"design|develop|lead|manage|own|drive|work|create|shape|support|take|help|ensure|collaborate|partner|"
    r"maintain|write|deliver|implement|plan|run|report))\b",
    re.I,
)
# Common opening verbs of duty bullets ("Design …", "Designing …", "Designs …").
_VERBS = frozenset(
    """
    achieve act administer advise advocate align analyse analyze answer anticipate apply architect arrange
    assess assist attend audit automate balance brainstorm bring build calculate champion check coach
    code collaborate collect communicate compile conduct configure connect consult contribute control
    convert coordinate create cultivate curate debug decide define deliver demonstrate deploy design
    detect determine develop diagnose direct discover document draft drive edit educate enable engage
    engineer enhance ensure establish estimate evaluate evangelize examine execute expand explore
    facilitate find fix follow forecast foster gather generate grow guide handle help hire identify
    implement improve influence inform initiate innovate inspect install integrate interact interpret
    interview investigate keep launch lead learn liaise maintain manage map measure mentor migrate
    model monitor motivate negotiate onboard operate optimise optimize orchestrate organise organize
    oversee own participate partner perform pitch plan power prepare present prioritise prioritize
    process produce program promote propose prototype provide publish raise recognise recognize
    recommend recruit reduce refactor refine report represent research resolve respond review run
    scale schedule scope secure select sell serve set shape share ship solve source specify spearhead
    streamline structure supervise support survey sustain take teach test track train transform
    translate troubleshoot tune understand update upgrade use utilise utilize validate verify visualize
    work write
    """.split()
)
_CUTTABLE = re.compile(
    r"\b(?:for (?:more|further) information|further information|please (?:contact|send|visit|see)|for questions|"
    r"contact person)\b",
    re.I,
)
_BOILER = re.compile(
    r"(?:https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+|\bhow to apply\b|\bapply (?:now|today|here|online|via|"
    r"through|at|by)\b|\bto apply\b|\bplease apply\b|\bclick apply\b|\bapply for this\b|\bwe encourage you to apply\b|"
    r"\bsend (?:us )?(?:your|an?) (?:cv|resume|résumé|application|e-?mail)|\bsubmit (?:your )?(?:cv|resume|"
    r"application)|\blooking forward to (?:your|receiving|hearing)|\binterested candidates\b|"
    r"\bequal (?:opportunity|employment)|\bdiscriminat|\baffirmative action\b|\breasonable accommodation|"
    r"\bprotected (?:veteran|status|characteristic|attribute|class)|\bregardless of (?:race|gender|age|sex)|"
    r"\be-verify\b|\bprivacy (?:notice|policy)\b|\brecruitment agencies\b|\bunsolicited\b|"
    r"\bcontact person\b|\bfor (?:more|further) information\b|\bfurther information\b|\bdate posted\b|"
    r"\blikes:\s*\d|^locat\w*\s*[-:–]|^please\b|\bplease (?:contact|note|send|submit|include|visit|see|click|upload|state|follow)\b|"
    r"\bfor questions\b|\bno later than\b|\bclosing date\b|\binterviews? will\b|\bwe will conduct\b|"
    r"\bshortlisted\b|\brecruitment (?:process|agency)\b|\bjob (?:posting|advertisement|ad)\b|"
    r"\bcover letter\b|\bmonday (?:to|-|–|through) (?:friday|thursday|saturday)\b|\bshifts? (?:a|per) week\b)",
    re.I,
)
_BENEFIT = re.compile(
    r"\b(?:health (?:insurance|care|plan)|dental|vision insurance|401\s*\(?k\)?|pension|paid time off|\bpto\b|"
    r"vacation days|holidays?|gym|snacks|free (?:lunch|food|coffee|drinks)|team lunch\w*|stock options|"
    r"equity|competitive (?:salary|compensation|pay)|salary|parental leave|wellness|wellbeing allowance|"
    r"relocation (?:allowance|assistance|package|support)|public transport|fresh fruits?|"
    r"flexible (?:working )?hours|remote[- ]first|home office|company (?:car|phone|laptop)|perks?|"
    r"benefits? package|bonus scheme|annual bonus|commute|childcare|insurance)\b",
    re.I,
)
_BLURB = re.compile(
    r"^(?:we are\b|we're\b|we have\b|we've\b|we offer\b|we believe\b|we value\b|we strive\b|we help\b|"
    r"we build\b|we embrace\b|we recogni[sz]e\b|we do\b|we work\b|we provide\b|we develop\b|we want\b|"
    r"we aim\b|we were\b|our (?:company|team|mission|vision|customers|clients|product|products|people|"
    r"culture|values|office|offices|business|platform|goal|story|founders?|investors?)\b|"
    r"founded\b|headquartered\b|join (?:us|our)\b|backed by\b|with (?:offices|over|more than)\b|"
    r"<organization>|the company\b|this (?:is|opportunity|role|position) (?:is|offers|requires)?|"
    r"if you (?:are|can|want|think|feel|have)\b|sounds? (?:like|good)|"
    r"about (?:us|the company)\b|you will be reporting|you will report|reporting to\b|"
    r"the (?:team|department|company|center|centre|group|office|warehouse|position|appointment|work|product)"
    r" (?:is|are|has|have|consists|focuses|prides|will be based|offers|uses)\b|they\b|it is a\b|there (?:is|are|will)\b|"
    r"today we\b|thanks to\b|nice to meet\b|then join\b)",
    re.I,
)
_CANDIDATE = re.compile(
    r"\b(?:you(?:'|’)ll|you will|you would|you(?:'|’)d|you(?:'|’)re|you are|you have|you can|you must|you should|"
    r"you need|you bring|you know|you enjoy|you love|you thrive|you take|you identify|you embrace|you possess|"
    r"are you|can you|do you|have you|the (?:successful|ideal|right|selected) (?:candidate|applicant|person)|"
    r"the candidate (?:will|should|must|is|has)|(?:candidate|applicant|incumbent|student|employee|jobholder)s? "
    r"(?:will|should|must|is expected|are expected|needs?)|responsible for|expected to|ability to|able to)\b",
    re.I,
)
_HAVE = re.compile(r"\b(?:you(?:'|’)re|you are|you have|you bring|you know|you possess|are you|do you|have you|"
                   r"ideal candidate|you enjoy|you love|you thrive|you must|you should|you need)\b", re.I)
_SEEKING = re.compile(
    r"^(?:\w+ (?:this|that),? )?(?:we are|we're|we) (?:looking for|searching for|seeking|hiring|need|want)\b"
    r".{3,80}?\b(?:who|that|with|capable|able|to(?! join\b)(?! be part\b)(?! become\b))\b",
    re.I,
)
_DUTY_WORDS = re.compile(r"\b(?:responsibilit(?:y|ies)|duties|tasks?|the role (?:will )?(?:involves?|includes?)|"
                         r"in charge of|accountable for)\b", re.I)
_TECH = re.compile(r"(?<![\w.])(?:[A-Z]{2,6}\d?|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Za-z]+(?:\+\+|#)|[A-Za-z]*\.(?:js|NET))(?![\w])"
                   r"|\b(?:Python|Java|Kotlin|Scala|Ruby|Rust|Go|Kubernetes|Docker|Terraform|Spark|Hadoop|Kafka|"
                   r"Airflow|Jupyter|Django|Flask|React|Angular|Vue|Postgres|Redis|Linux|Azure|Tableau|Excel|"
                   r"Unity|Android|Swift|Salesforce|Jenkins|Ansible|Jira)\b")
_PLACEHOLDER = re.compile(r"<[A-Z_]+>")
_DATE = re.compile(
    r"^\W*(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d)",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


_ROLE_NOUN = re.compile(
    r"\b(?:developer|engineer|manager|designer|analyst|scientist|specialist|consultant|lead|director|intern|"
    r"architect|representative|officer|assistant|coordinator|administrator|technician|worker|student|"
    r"teacher|nurse|accountant|recruiter|executive|associate|head|vp|owner|programmer|tester|writer|"
    r"editor|operator|advisor|adviser|researcher|professor|postdoc|trainee|apprentice)s?$",
    re.I,
)
_TITLE_NOISE = re.compile(r"\(.*?\)|<[A-Z_]+>|\b(?:m/f/d|f/m/d|m/w/d|m/f|f/m|full[- ]time|part[- ]time)\b|[-–|,/]",
                          re.I)


def is_title(text: str) -> bool:
    """A job title on its own line ("Senior Backend Engineer (m/f/d)", "Frontend Developer")."""
    core = " ".join(_TITLE_NOISE.sub(" ", text).split()).rstrip(" .:")
    words = core.split()
    return 0 < len(words) <= 7 and bool(_ROLE_NOUN.search(core)) and not _YOU_WILL.search(core)


def nice_cue(text: str) -> bool:
    return bool(_NICE.search(text))


def must_cue(text: str) -> bool:
    return bool(_MUST.search(text))


def skill_cue(text: str) -> bool:
    return bool(_SKILL.search(text))


def first_word(text: str) -> str:
    m = _WORD.search(text)
    return m.group(0).lower() if m else ""


def starts_with_verb(text: str) -> bool:
    """True when the line opens with a duty verb ("Design", "Designs", "Designing")."""
    word = first_word(text)
    if word.endswith("ly") and len(text.split()) > 1:  # "Actively refactoring …"
        text = text.split(None, 1)[1]
        word = first_word(text)
    if word.endswith("ing") and re.match(r"\W*\w+\s+of\b", text):  # "Understanding of …" is a noun phrase
        return False
    if not word:
        return False
    if word in _VERBS:
        return True
    for stem in (word[:-1] if word.endswith("s") else None, word[:-3] if word.endswith("ing") else None,
                 (word[:-3] + "e") if word.endswith("ing") else None):
        if stem and stem in _VERBS:
            return True
    return False


def addresses_duty(text: str) -> bool:
    """"You will …", "In this role you …", "Your main task is …"."""
    return bool(_YOU_WILL.search(text.strip()))


def placeholder_share(text: str) -> float:
    """Share of the words that are anonymisation placeholders such as ``<ORGANIZATION>``."""
    words = text.split()
    if not words:
        return 0.0
    return sum(1 for w in words if _PLACEHOLDER.fullmatch(w.strip(".,;:()"))) / len(words)


def is_boilerplate(text: str) -> bool:
    """Never a requirement, whatever the section: applying, legal/EEO text, URLs, contact lines, placeholders."""
    if _BOILER.search(text):
        return True
    if placeholder_share(text) >= 0.5:
        return True
    return bool(_DATE.match(text)) and len(text.split()) <= 6


def boilerplate_start(text: str) -> int | None:
    """Where boilerplate starts inside a longer line ("… Willingness to travel For further information …"),
    so the requirement part before it can be kept; None when there is none."""
    m = _CUTTABLE.search(text)
    return m.start() if m else None


def is_benefit(text: str) -> bool:
    return bool(_BENEFIT.search(text))


def is_blurb(text: str) -> bool:
    """A sentence about the company or an invitation, not about the candidate."""
    return bool(_BLURB.search(text.strip()))


def fallback_kind(text: str, *, is_bullet: bool) -> str | None:
    """The kind of a line outside any recognised section, or None to drop it (see the module docstring)."""
    if is_boilerplate(text) or is_title(text):
        return None
    words = text.split()
    if _SEEKING.search(text) and len(words) >= 8:
        return "must"
    if is_blurb(text) and not (must_cue(text) or addresses_duty(text)):
        return None
    if is_benefit(text) and not (must_cue(text) or starts_with_verb(text)):
        return None
    if nice_cue(text):
        return "nice"
    if must_cue(text) and len(words) >= 2:
        return "must"
    if addresses_duty(text):
        return "responsibility"
    if starts_with_verb(text) and (is_bullet or len(words) >= 4):
        return "responsibility"
    if skill_cue(text) and len(words) >= 3:
        return "must"
    if _CANDIDATE.search(text) and len(words) >= 5:
        return "must" if _HAVE.search(text) else "responsibility"
    if _DUTY_WORDS.search(text) and len(words) >= 5:
        return "responsibility"
    tech = len(_TECH.findall(text))
    if tech >= 2 or (tech and tech * 2 >= len(words)):
        return "nice"  # names the team's tools ("Our stack includes Kafka, Airflow and SQL"; "DevOps")
    return None


def addresses_candidate(text: str) -> bool:
    """The sentence speaks about the candidate ("you will …", "the successful candidate …", "are you …")."""
    return bool(_CANDIDATE.search(text))
