"""The aspects a fact can be about: the one registry the builder, the query API and the replies share.

An aspect says what kind of subject it belongs to, how a section heading or a table column that is
about it is worded (``headings``), which words in a sentence speak of it (``cues``), and which kind of
figure, if any, its facts carry (``figure``). Adding an aspect ("work schedule") is one entry here.

The words are ordinary English for talking about jobs and courses, never taken from one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Aspect:
    name: str
    subject: str  # "career" | "course" | "provider"
    label: str  # how a reply names it
    headings: re.Pattern[str]
    cues: re.Pattern[str] | None = None  # None: only a heading or column places a sentence under it
    figure: str | None = None  # "money" | "percent" | "count" | "duration" | "sessions"
    bare: re.Pattern[str] | None = None  # words that state a figure aspect without a figure ("no fee")
    also: tuple[str, ...] = ()  # other kinds of subject it applies to (a provider's formats)
    near: tuple[str, ...] = ()  # aspects whose facts answer a question on it when it has none (tools: skills)

    def about(self, kind: str) -> bool:
        return kind == self.subject or kind in self.also


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{pattern})", re.I)  # not \b: a pattern may start with "$"


ASPECTS: tuple[Aspect, ...] = (
    # -- careers ---------------------------------------------------------------------------------
    Aspect("overview", "career", "overview", _words(r"overview\b|summary\b|about (?:the|this) (?:job|career|role)")),
    Aspect(
        "pay",
        "career",
        "pay",
        _words(r"pay\b|salar|wages?\b|earnings|compensation|income|how much .*(?:make|earn)"),
        _words(
            r"earn|salar|wages?\b|paid\b|pay\b|paying|pays\b|income|compensation|"
            r"make (?:about|around|an average|a median)|makes? the most|best[- ]paid|well[- ]paid|lucrative|"
            r"per hour|an hour|hourly|(?:top|bottom|lowest|highest) \d+ ?(?:percent|%)"
        ),
        "money",
    ),
    Aspect(
        "outlook",
        "career",
        "job outlook",
        _words(
            r"outlook|growth|demand|future|projection|prospects|employment change|(?:percent|%) change|"
            r"new jobs\b(?! each)|projected\b"
        ),
        _words(r"grow|growth|projected|outlook|increase|declin|expand|shrink|demand"),
        "percent",
        _words(r"(?:is|are) (?:declining|growing|shrinking|expected to (?:grow|decline|shrink))|little or no change"),
    ),
    Aspect(
        "openings",
        "career",
        "openings",
        _words(r"openings|open up|new jobs each year"),
        _words(r"openings|vacanc"),
        "count",
        near=("outlook",),
    ),
    Aspect(
        "employment",
        "career",
        "number of jobs",
        _words(
            r"employment\b|number of jobs|jobs do they hold|"
            r"how many\s+(?:[\w-]+\s+){0,3}(?:are there|are employed|work)\b"
        ),
        _words(
            r"held (?:about |around |nearly |over )?[\d,.]+ (?:million )?jobs|employed|"
            r"employment\b|jobs? in the (?:U\.S\.|United States|country)"
        ),
        "count",
    ),
    Aspect(
        "education",
        "career",
        "education",
        _words(
            r"education|how to become|how (?:do|can|would|does) (?:i|you|one|someone) (?:train to )?become|"
            r"train(?:ing)? to (?:become|be)\b|degrees?\b|training|"
            r"qualifications|getting started|path\b|preparation|become one|"
            r"how long\b|how many years"
        ),
        _words(
            r"degree|diploma|bachelor|master['’]?s|associate['’]s|doctoral|doctorate|ph\.?d|college|"
            r"universit|apprentice|coursework|school|graduate|major (?:in|such)|accredit"
        ),
    ),
    Aspect(
        "licensing",
        "career",
        "licenses and exams",
        _words(r"licen[sc]|exams?\b|examination|registration"),
        _words(r"licen[sc]|exams?\b|examination|board of|registered with|pass (?:the|a|an)"),
        near=("certifications",),
    ),
    Aspect(
        "certifications",
        "career",
        "certifications",
        _words(r"certif|certs?\b|credential"),
        _words(r"certif|credential|designation"),
        near=("licensing",),
    ),
    Aspect(
        "tools",
        "career",
        "tools and technologies",
        _words(r"tools|technolog|software|equipment|tech stack|platforms"),
        _words(r"tools?\b|software|technolog|platforms?\b|equipment|frameworks?\b|languages?\b|instruments?\b"),
        near=("skills",),
    ),
    Aspect(
        "skills",
        "career",
        "skills and qualities",
        _words(r"skills|qualities|abilities|competenc|traits|what it takes"),
        _words(r"skills?\b|abilit|qualities|detail-oriented|communicat|problem-solving|patien|empath|stamina|curio"),
        near=("tools",),
    ),
    Aspect(
        "duties",
        "career",
        "duties",
        _words(
            r"duties|responsibilit|what (?:[\w-]+ ){0,4}do\??$|what does|day in the life|do all day|"
            r"do (?:on|at) (?:the job|work)|work on\??$|day[- ]to[- ]day|daily (?:tasks|work)|"
            r"a typical day|job description|the work\b|the role\b"
        ),
        _words(r"responsible for|duties|typically|their (?:main )?(?:job|work|role) is|tasks"),
        near=("overview",),
    ),
    Aspect(
        "work_environment",
        "career",
        "work environment",
        _words(r"work(?:ing)? environment|working conditions|work schedule|workplace|where .* work|hours|work setting"),
        _words(
            r"full[- ]time|part[- ]time|overtime|shifts?\b|on[- ]call|night|weekend|holidays|"
            r"remote(?:ly)?\b|hybrid|office|outdoors|travel|work (?:in|at|for) (?:hospitals|"
            r"offices|schools|clinics|home)|employers? (?:are|include)"
        ),
    ),
    Aspect(
        "related_careers",
        "career",
        "related careers",
        _words(r"related|similar|other careers|other jobs|next steps|career paths?"),
        _words(
            r"similar (?:occupations|careers|jobs|roles)|related (?:occupations|careers|jobs|"
            r"roles)|move (?:up|on) (?:to|into)|advance to"
        ),
    ),
    # -- courses ---------------------------------------------------------------------------------
    Aspect(
        "course_overview",
        "course",
        "overview",
        _words(r"overview|about (?:the|this) (?:course|program|class)|description"),
    ),
    Aspect(
        "price",
        "course",
        "price",
        _words(r"tuition|cost|price|fees?\b|pricing|how much"),
        _words(r"costs?\b|tuition|price|fees?\b|\$\s?\d|pay(?:s)? no|free of charge|no charge|cheap|expensive|afford"),
        "money",
        _words(r"no (?:\w+ )?fees?\b|free of charge|no charge|no cost|tuition[- ]free|(?:is|are) free\b|included"),
    ),
    Aspect(
        "duration",
        "course",
        "length",
        _words(r"length|duration|how long|time to complete|credits?\b|shortest|longest|quickest"),
        _words(
            r"\d+\s*(?:-\s*)?(?:weeks?|months?|years?|hours?|days?|semesters?|terms?|"
            r"credits?)\b|(?:one|two|three|four|five|six|eight|ten|twelve) (?:weeks?|months?|"
            r"years?|semesters?|days?)\b|a day or two|credit hours"
        ),
        "duration",
    ),
    Aspect(
        "schedule",
        "course",
        "schedule",
        _words(
            r"schedule|when .* meet|class times|start dates?|calendar|when (?:can|do|does|will) \w+ (?:start|begin)"
        ),
        _words(
            r"evenings?\b|weekends?\b|weeknights?|mornings?\b|(?:mon|tues|wednes|thurs|fri|"
            r"satur|sun)days?\b|start dates?|cohorts?|starts? (?:in|on|every)|meets?\b|"
            r"full[- ]time|part[- ]time"
        ),
        also=("provider",),
    ),
    Aspect(
        "format",
        "course",
        "format",
        _words(r"format|delivery|how .* taught|modality|learning options"),
        _words(r"online|in[- ]person|hybrid|self[- ]paced|live\b|on campus|on-site|remote(?:ly)?\b|virtual|classroom"),
        also=("provider",),
    ),
    Aspect(
        "topics",
        "course",
        "topics",
        _words(
            r"curriculum|topics|what you(?:['’]ll| will)? (?:learn|study)|modules|syllabus|courses\b|coursework|covers"
        ),
        _words(
            r"covers?\b|learn\b|topics|modules?\b|introduc|hands-on|practice|teaches|"
            r"you(?:['’]ll| will) (?:study|build|use)"
        ),
    ),
    Aspect(
        "prerequisites",
        "course",
        "prerequisites",
        _words(
            r"prerequisites|requirements|admission|who (?:should|can) (?:apply|enroll|join)|"
            r"eligibility|before you (?:apply|enroll)|need to (?:get into|get in\b|apply|enroll)"
        ),
        _words(
            r"prerequisite|required\b|requires?\b|no (?:prior )?experience|must (?:have|be|"
            r"know|hold|pass)|should (?:already )?(?:have|know|be)|admission|eligib|"
            r"at least \d+ years old|placement test|minimum"
        ),
    ),
    Aspect(
        "mentoring",
        "course",
        "mentoring",
        _words(r"mentor|coaching|support"),
        _words(r"mentor|coach|advis[eo]r|one-on-one|1-on-1|tutor"),
        "sessions",
        _words(r"mentor|coach|advis[eo]r|tutor"),
    ),
    Aspect(
        "prepares_for",
        "course",
        "careers it prepares for",
        _words(r"career outcomes|careers?\b|jobs\b|where .* lead|after (?:the|this) (?:course|program)|outcomes"),
        _words(
            r"prepares?\b|become (?:an?|a)\b|(?:careers?|jobs?|roles?|positions?) (?:as|in|"
            r"such as|like)\b|work as|entry-level|first step toward"
        ),
    ),
    Aspect(
        "awards",
        "course",
        "awards",
        _words(r"awards?|recognition|rankings?"),
        _words(r"award|named (?:the|one of|an?)\b|ranked|recogni[sz]ed (?:by|as)|best \w+ (?:course|program|bootcamp)"),
    ),
    # -- providers -------------------------------------------------------------------------------
    Aspect(
        "location",
        "provider",
        "location",
        _words(r"location|campus|where .* (?:are|find)|where (?:is|are)[\s?.!]*$|address|contact|visit"),
        _words(r"located|based in|headquartered|campus|address|offices? in|classrooms? (?:in|at)"),
    ),
    Aspect(
        "accreditation",
        "provider",
        "accreditation",
        _words(r"accredit|licens|approvals?"),
        _words(r"accredit|licensed by|approved by|recogni[sz]ed by|member of"),
    ),
    Aspect(
        "refund",
        "provider",
        "refund policy",
        _words(r"refund|withdraw|cancel|drop (?:out|a class|a course|the course|the class)|quit\b|quitting"),
        _words(r"refund|money[- ]back|withdraw|cancel"),
    ),
    Aspect(
        "retake",
        "provider",
        "retake policy",
        _words(r"retake|repeat"),
        _words(
            r"retake|re-?take|repeat (?:the|a|any) (?:course|class)|sit in again|take (?:it|the course|the class) again"
        ),
    ),
    Aspect(
        "certificate",
        "provider",
        "certificate of completion",
        _words(r"certificate of completion|credentials? (?:you|students) (?:earn|receive)"),
        _words(r"certificate of (?:completion|attendance)"),
    ),
    Aspect(
        "discount",
        "provider",
        "discounts and financial aid",
        _words(r"discount|financial aid|scholarship|payment|paying for|savings|afford"),
        _words(
            r"discount|scholarship|financial aid|grants?\b|fafsa|reduced|% off|percent off|"
            r"save\b|waive|payment plans?|installments?|pay no tuition|free"
        ),
    ),
)

NAME = "alias"
"""Not an aspect of what a subject is but another name for it, which a document defines ("RN")."""

BY_NAME: dict[str, Aspect] = {a.name: a for a in ASPECTS}


def of_subject(kind: str) -> tuple[Aspect, ...]:
    return tuple(a for a in ASPECTS if a.about(kind))


def headed(heading: str, kind: str | None = None) -> list[Aspect]:
    """The aspects a section heading, label or table column is about ("Skills and tools": two)."""
    return list(_headed(heading, kind))


@lru_cache(maxsize=65536)
def _headed(heading: str, kind: str | None) -> tuple[Aspect, ...]:
    """Cached: a document asks it of the same heading for every paragraph under it."""
    return tuple(a for a in ASPECTS if (kind is None or a.about(kind)) and a.headings.search(heading))


def for_heading(heading: str, kind: str | None = None) -> Aspect | None:
    """The first aspect a heading, label or column is about, in registry order."""
    return next(iter(headed(heading, kind)), None)


GENERAL = ("overview", "duties", "course_overview")  # what a question asks when it names nothing more specific


def asked(question: str, kind: str) -> list[Aspect]:
    """The aspects of a subject kind a visitor's question asks about, by the same heading and cue words
    documents use ("what tools do data scientists use?": tools); a specific aspect wins over "what does
    … do", and one the question names as a heading would ("what credentials can surveyors earn?":
    certifications) over one it only uses a word of."""
    by_heading = named(question, kind)
    found = by_heading + [a for a in of_subject(kind) if a not in by_heading and a.cues and a.cues.search(question)]
    specific = [a for a in found if a.name not in GENERAL]
    return specific or found


def specific(question: str, kind: str) -> Aspect | None:
    """The aspect a question asks about beyond "tell me about it" (overview, duties), if it asks one."""
    return next((a for a in asked(question, kind) if a.name not in GENERAL), None)


def asked_of_any(question: str, kinds: tuple[str, ...]) -> Aspect | None:
    """What a question naming no subject asks, of any of these kinds: an aspect it names as a heading would
    ("the price of the masonry pre-apprenticeship": price) before one it only uses a word of
    ("apprentice": education)."""
    by_heading = [a for k in kinds for a in named(question, k) if a.name not in GENERAL]
    return next(iter(by_heading + [a for k in kinds for a in asked(question, k)]), None)


def named(question: str, kind: str) -> list[Aspect]:
    """The aspects a question names in the words a heading would use ("salary", "qualities")."""
    return [a for a in of_subject(kind) if a.headings.search(question)]


LOWEST = re.compile(
    r"\b(?:lowest|least|cheapest|shortest|slowest|worst|fewest|smallest|declin\w*|shrink\w*|quickest|fastest to)\b",
    re.I,
)
ACROSS = re.compile(
    r"\b(?:jobs?|careers?|occupations?|professions?|roles?|courses?|class(?:es)?|programs?|bootcamps?)\b", re.I
)
"""Words that make a "highest"/"lowest" question one across all careers or courses, not about the one discussed."""
BACK = re.compile(
    r"\b(?:these|those|them|the list|that list|this list|on (?:the|this) (?:page|list)|of the (?:two|three|four|five)"
    r"|here|there)\b",
    re.I,
)
"""Words that make a "highest"/"lowest" question one among the subjects just talked about ("which of these
pays the most?")."""
COMPARING = re.compile(r"\b(?:vs\.?|versus|compared?|comparison|difference|better|more|less|than|or)\b", re.I)
"""Words that ask to set two subjects side by side."""
HOW_LONG = re.compile(r"\bhow long\b|\bhow many (?:years|months|weeks|hours)\b", re.I)
"""Words that ask for a length of time, of a course or of the way into a career."""
COURSE_WORDS = re.compile(r"\b(?:course|class|program|bootcamp|certificate|training|cheap|expensive)", re.I)


def ranking_asked(question: str) -> tuple[Aspect, bool] | None:
    """What a question across all careers or courses ranks by, and whether it wants the highest ("which
    job pays the most": pay, True; "cheapest course": price, False)."""
    kinds = ("course", "career") if COURSE_WORDS.search(question) else ("career", "course")
    for kind in kinds:
        ranked = [a for a in asked(question, kind) if a.figure in ("money", "percent", "count", "duration")]
        if ranked:
            aspect = ranked[0]
            quickest = aspect.name == "duration" and re.search(r"\b(?:quickest|fastest)\b", question, re.I)
            return aspect, not (LOWEST.search(question) or quickest)
    return None


@lru_cache(maxsize=65536)
def speaks_of_any(word: str) -> bool:
    """Whether a word is one of the words aspects are asked or written with ("cost", "salary", "top")."""
    return any(a.headings.search(word) or (a.cues and a.cues.search(word)) for a in ASPECTS) or word in RANK_WORDS


RANK_WORDS = frozenset("top bottom highest lowest most least best worst first second long short".split())


@lru_cache(maxsize=8192)
def in_sentence(sentence: str, kind: str) -> tuple[Aspect, ...]:
    """The aspects of a subject kind a sentence speaks of, by their cue words."""
    return tuple(a for a in of_subject(kind) if a.cues and a.cues.search(sentence))
