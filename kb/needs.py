"""What a visitor needs of a career or a course, the one registry the guidance shares.

A need is a condition a message states ("no degree", "I need at least $60,000", "growing faster than
average", "a course under $1,000", "shorter than 10 weeks", "online"): which kind of subject it is put on,
the aspect whose facts decide it, how a visitor says it (``read``), and whether one subject's facts meet it
(``check``, giving the fact that shows it, so every answer is cited). A subject whose documents say nothing
on the aspect is neither kept nor dropped but counted apart: the bot never guesses. Adding a need ("work
from home") is one entry here.

The words are ordinary English for what visitors ask, never taken from one document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kb import figures
from kb.figures import WEEKS

if TYPE_CHECKING:
    from kb.query import FactView


@dataclass(frozen=True)
class Need:
    """One condition as a message states it."""

    rule: str  # the registry entry it comes from
    said: str  # how a reply names it ("no degree needed", "paying at least $60,000")
    most: float | None = None  # the highest value it allows (a level, a price, weeks)
    least: float | None = None  # the lowest value it allows (pay)
    per: str | None = None  # a pay figure's period ("hour"), when the visitor gives one
    value: str | None = None  # a word it asks for ("online")
    weeks: float | None = None  # the time of study an education need allows, put on courses' length


Verdict = tuple[bool | None, "FactView | None"]
"""Whether a subject meets a need (None: its documents don't say), and the fact that shows it."""


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # "career" | "course"
    aspect: str  # whose facts decide it
    read: Callable[[str], Need | None]
    check: Callable[[Need, list[FactView]], Verdict]


# -- education ------------------------------------------------------------------------------------

LEVELS: tuple[tuple[int, str, re.Pattern[str]], ...] = tuple(
    (level, name, re.compile(pattern, re.I))
    for level, name, pattern in (
        (0, "no formal education", r"no (?:formal )?(?:educational )?credential|(?:degree|diploma) is not required|"
                                   r"no (?:[\w-]+ )?degree (?:is )?(?:required|needed)"),
        (1, "a high school diploma", r"\bhigh school\b|\bGED\b"),
        (2, "a certificate or apprenticeship", r"\bcertificate\b|postsecondary (?:nondegree|program|training)|"
                                               r"apprentice|on-the-job training|vocational|"
                                               r"technical (?:school|college)"),
        (3, "an associate's degree", r"associate['’]?s? degree|associate['’]s in\b|associate of (?:applied )?"
                                     r"(?:science|arts)|\bADN\b|two-year degree"),
        (4, "a bachelor's degree", r"bachelor|four-year degree|\bBSN\b"),
        (5, "a master's degree", r"master['’]?s\b|\bMBA\b|graduate degree"),
        (6, "a doctoral or professional degree", r"doctor|\bph\.?\s?d\b|professional degree|pharm\.?\s?d"),
    )
)  # fmt: skip
"""Levels of education, lowest first, and how documents write each (named rule: education_level)."""


def level_of(text: str) -> int | None:
    """The lowest level of education a sentence names ("High school diploma or equivalent": 1)."""
    return min((level for level, _, written in LEVELS if written.search(text)), default=None)


def level_name(level: int) -> str:
    return next(name for lv, name, _ in LEVELS if lv == level)


NO_DEGREE = re.compile(
    r"\b(?:no|without(?: an?)?|not (?:have|need|want) an?|don'?t (?:have|need|want) an?|never (?:got|earned) an?)"
    r"\s+(?:college |university |4-year |four-year )?degree\b|"
    r"\b(?:not|don'?t want to|can'?t|won'?t|never) (?:go(?:ing)? to|afford|attend) (?:college|university)\b|"
    r"\bskip(?:ping)? college\b|\bstraight out of high school\b",
    re.I,
)
COUNT = r"(?:a few|a couple of|an?|one|two|three|four|five|six|\d+)(?:\s+or\s+(?:two|three|\d+))?"
STUDY = re.compile(
    r"\b(?:at most|no more than|up to|only|within|less than|under|max(?:imum)?(?: of)?|just)\s+(?:[\w']+\s+){0,4}?"
    rf"(?P<n>{COUNT})\s+(?P<u>months?|years?)\b|"
    rf"\b(?P<n2>{COUNT})\s+(?P<u2>months?|years?)\s+(?:at most|max(?:imum)?|tops|or less)\b|"
    r"\ba (?P<or>year) or two\b|"
    rf"\b(?:can'?t|cannot|won'?t|don'?t want to)\s+(?:[\w']+\s+){{0,3}}?(?:more|longer) than\s+(?P<n3>{COUNT})\s+"
    r"(?P<u3>months?|years?)\b",
    re.I,
)
FOUR_YEAR = re.compile(
    r"\b(?:no|without|not|don'?t|never|can'?t)\b[^.?!]{0,30}?\b(?:bachelor'?s|(?:4|four)[- ]year (?:degree|college))",
    re.I,
)
STUDY_WORDS = re.compile(r"\b(?:stud\w*|school\w*|train\w*|college|education|learn\w*|course\w*)\b", re.I)
YEARS_TO_LEVEL = ((1, 2), (2, 3), (4, 4), (6, 5))
"""Years of study after high school -> the highest level they reach: a year, a certificate; two, an
associate's degree; four, a bachelor's; six, a master's."""


def _education(text: str) -> Need | None:
    if FOUR_YEAR.search(text):
        return Need("education", "needing no four-year degree", most=3, weeks=4 * WEEKS["year"] - SHORT)
    if NO_DEGREE.search(text):
        return Need("education", "needing no degree", most=2)
    study = STUDY.search(text)
    if not study or not STUDY_WORDS.search(text):
        return None
    count = study.group("n") or study.group("n2") or study.group("n3") or "a year or two"
    unit = study.group("u") or study.group("u2") or study.group("u3")
    number = 2.0 if study.group("or") else (figures.to_number(count.split(" or ")[-1]) or 3)  # "a few": three
    weeks = number * WEEKS["month" if unit and unit.lower().startswith("month") else "year"]
    most = max((level for limit, level in YEARS_TO_LEVEL if weeks >= limit * WEEKS["year"]), default=2)
    said = f"at most {count} {unit or ''} of study".replace("  ", " ")
    return Need("education", f"needing {said}", most=most, weeks=weeks)


STUDY_ANSWERS: dict[str, tuple[int, float | None, re.Pattern[str]]] = {
    "a few months": (
        2,
        3 * WEEKS["month"],
        re.compile(r"\bmonths?\b|\bbootcamp|\bnot (?:a|any) degree|\bno degree", re.I),
    ),
    "up to two years": (3, 2 * WEEKS["year"], re.compile(r"\b(?:two|2) years?\b|\ba year or two\b|\bassociate", re.I)),
    "four years or more": (
        6,
        None,
        re.compile(r"\b(?:four|4|five|six) years?\b|\bbachelor|\bas long as\b|\bdegree is fine", re.I),
    ),
}
"""The answers to "how long will you study?": the highest level of education each reaches, the weeks of a
course it allows, and how a visitor may give it in words ("a bootcamp of a few months", "four years is
fine")."""


NO_PREFERENCE = re.compile(
    r"\b(?:any|anything|doesn'?t matter|don'?t (?:care|mind|know)|no preference|not sure|skip)\b", re.I
)


def no_preference(text: str) -> bool:
    """Whether a message answers a "help me choose" question with "anything" ("it doesn't matter")."""
    return bool(NO_PREFERENCE.search(text))


def study_answer(text: str) -> str | None:
    """Which answer to "how long will you study?" a message gives, else the education need it states."""
    said = next((name for name, (_, _, words) in STUDY_ANSWERS.items() if words.search(text)), None)
    stated = _education(text)
    return said or (stated.said if stated else None)


def study_need(answer: str) -> Need | None:
    """The education need an answer to "how long will you study?" puts on careers."""
    if answer in STUDY_ANSWERS:
        level, weeks, _ = STUDY_ANSWERS[answer]
        return Need("education", f"needing {answer} of study", most=level, weeks=weeks)
    return _education(answer + " of study")


def _education_met(need: Need, facts: list[FactView]) -> Verdict:
    """The level of the first fact that names one (facts come figures and short phrases first: a facts
    box's "Bachelor's degree" before the sentences on other paths)."""
    shown = next((f for f in facts if level_of(f.value) is not None), None)
    if shown is None:
        return None, None
    return level_of(shown.value) <= need.most, shown


# -- pay --------------------------------------------------------------------------------------------

PAY = re.compile(
    r"\b(?P<how>at least|more than|over|above|no less than|minimum of|upwards? of|under|less than|below|"
    r"at most|no more than)\s+\$?\s?(?P<n>\d[\d,.]*)\s?(?P<k>k\b|thousand)?"
    r"(?:\s*(?:an|a|per|/)\s*(?P<per>hour|year|hr|yr))?|"
    r"(?P<usd>\$)?\s?(?P<n2>\d[\d,.]*)\s?(?P<k2>k\b|thousand)?\s*(?P<plus>\+|or more|and up|or above|or better)",
    re.I,
)
PAY_WORDS = re.compile(r"\b(?:earn\w*|make|pay\w*|salar\w*|income|wages?)\b|\$", re.I)
HOURS_A_YEAR = 2080
"""To set an hourly wish against yearly pay figures (never said in a reply: only the documents' own
figures are)."""


def _pay(text: str) -> Need | None:
    return pay_wanted(text) if PAY_WORDS.search(text) else None


def pay_wanted(text: str) -> Need | None:
    """The pay a visitor needs, in words that may not say it is pay ("at least 50k", answering "what do you
    need to earn?")."""
    for match in PAY.finditer(text):
        number = figures.to_number((match.group("n") or match.group("n2")).rstrip(".,"))
        if number is None:
            continue
        if match.group("k") or match.group("k2"):
            number *= 1000
        elif match.group("n2") and not match.group("usd") and number < 1000:  # "4 years or more" is no pay
            continue
        per = {"hr": "hour", "yr": "year"}.get((match.group("per") or "").lower(), match.group("per"))
        if per is None and number < 200:  # "at least 30 an hour" said without the hour is rare; a wage
            per = "hour"
        shown = f"${number:,.0f}" + (f" an {per}" if per == "hour" else "")
        if match.group("how") and match.group("how").lower() in ("under", "less than", "below", "at most",
                                                                 "no more than"):  # fmt: skip
            return Need("pay", f"paying under {shown}", most=number, per=per)
        return Need("pay", f"paying at least {shown}", least=number, per=per)
    return None


def _yearly(amount: float, per: str | None) -> float:
    return amount * HOURS_A_YEAR if per == "hour" else amount


def _pay_met(need: Need, facts: list[FactView]) -> Verdict:
    """The first yearly (or, for an hourly wish, hourly) figure: a median or average where stated."""
    usable = [f for f in facts if f.number is not None and f.other is None and f.period in (None, "year", "hour")]
    typical = [f for f in usable if f.qualifier in (None, "median", "average", "mean", "typical")] or usable
    shown = next(iter(typical), None)
    if shown is None:
        return None, None
    amount = _yearly(shown.number, shown.period)
    if need.least is not None:
        return amount >= _yearly(need.least, need.per), shown
    return amount <= _yearly(need.most, need.per), shown


# -- growth -----------------------------------------------------------------------------------------

GROWING = re.compile(
    r"\b(?:grow\w*|growth|in demand|high demand|future[- ]proof|good (?:job )?outlook|job security|"
    r"faster than (?:the )?average|expanding)\b",
    re.I,
)
FASTER = re.compile(r"\bfaster\b", re.I)
NOT_FASTER = re.compile(r"\b(?:slower|as fast as|little or no)\b", re.I)


def _growth(text: str) -> Need | None:
    return Need("growth", "growing faster than average") if GROWING.search(text) else None


def _growth_met(need: Need, facts: list[FactView]) -> Verdict:
    """A growth figure set against the average by its document ("faster than average", "much faster"), or
    against the average figure it gives; a figure alone says nothing of the average."""
    for f in facts:
        pace = f.pace or ""
        if FASTER.search(pace) and not NOT_FASTER.search(pace):
            return f.number is None or f.number > 0, f
        if NOT_FASTER.search(pace):
            return False, f
        if f.number is not None and f.baseline is not None:
            return f.number > f.baseline, f
    return None, None


# -- courses ----------------------------------------------------------------------------------------

PRICE = re.compile(
    r"\b(?P<how>under|less than|below|cheaper than|at most|no more than|max(?:imum)?(?: of)?|within|up to)\s+"
    r"\$\s?(?P<n>\d[\d,.]*)\s?(?P<k>k\b|thousand)?",
    re.I,
)
LENGTH = re.compile(
    r"\b(?P<how>under|less than|shorter than|at most|no (?:more|longer) than|within|in|up to|max(?:imum)?(?: of)?)\s+"
    rf"(?P<n>\d+|{figures.WORD_NUMBER}|a)\s+(?P<u>weeks?|months?|days?)\b",
    re.I,
)
FORMATS = (
    ("online", re.compile(r"\bonline\b|\bremote(?:ly)?\b|\bfrom home\b|\bvirtual\b", re.I)),
    ("in person", re.compile(r"\bin[- ]person\b|\bon campus\b|\bface[- ]to[- ]face\b|\bclassroom\b", re.I)),
)


STRICT = re.compile(r"under|less than|shorter than|below|cheaper than", re.I)
"""Words that leave the figure itself out ("shorter than 10 weeks": not a 10-week course)."""
SHORT = 1e-6
BEGINNER = re.compile(
    r"\b(?:no|zero|without(?: any)?|little|don'?t have(?: any)?)\s+(?:prior |previous )?(?:experience|background)\b|"
    r"\bbeginners?\b|\bfrom scratch\b|\bnever (?:coded|done|studied)\b|\bcomplete novice\b",
    re.I,
)
OPEN_TO_ALL = re.compile(
    r"\bno (?:prior |previous )?(?:experience|background|prerequisites?)\b|\bbeginners?\b|\bnone\b|"
    r"\bnot required\b|\bopen to (?:all|anyone|everyone)\b",
    re.I,
)


def _beginner(text: str) -> Need | None:
    return Need("beginner", "for beginners") if BEGINNER.search(text) else None


def _beginner_met(need: Need, facts: list[FactView]) -> Verdict:
    """A prerequisite fact that says none is needed ("No prior experience needed"); courses whose documents
    list prerequisites but none such are for those who have them."""
    shown = next((f for f in facts if OPEN_TO_ALL.search(f.value)), None)
    return (True, shown) if shown else ((False, facts[0]) if facts else (None, None))


def _price(text: str) -> Need | None:
    match = PRICE.search(text)
    if not match or (number := figures.to_number(match.group("n").rstrip(".,"))) is None:
        return None
    number *= 1000 if match.group("k") else 1
    if STRICT.fullmatch(match.group("how")):
        return Need("price", f"costing under ${number:,.0f}", most=number - SHORT)
    return Need("price", f"costing at most ${number:,.0f}", most=number)


def whole_price(facts: list[FactView]) -> FactView | None:
    """A course's whole price: the one its document calls the total, else the largest not per anything (a
    fee of $100 is not the price of a $14,775 program, nor is "$165 per credit hour")."""
    whole = [f for f in facts if f.number is not None and f.period is None]
    return next((f for f in whole if "total" in (f.qualifier or "")), max(whole, key=lambda f: f.number, default=None))


def _price_met(need: Need, facts: list[FactView]) -> Verdict:
    shown = whole_price(facts)
    return (None, None) if shown is None else (shown.number <= need.most, shown)


def _length(text: str) -> Need | None:
    match = LENGTH.search(text)
    if not match:
        return None
    count = figures.to_number(match.group("n")) or 1
    unit = match.group("u").lower().rstrip("s")
    if STRICT.fullmatch(match.group("how")):
        return Need("length", f"shorter than {match.group('n')} {match.group('u')}", most=count * WEEKS[unit] - SHORT)
    return Need("length", f"lasting at most {match.group('n')} {match.group('u')}", most=count * WEEKS[unit])


def _length_met(need: Need, facts: list[FactView]) -> Verdict:
    shown = next((f for f in facts if f.number is not None and f.unit in WEEKS), None)
    return (None, None) if shown is None else (shown.number * WEEKS[shown.unit] <= need.most, shown)


def _format(text: str) -> Need | None:
    return next((Need("format", f"taught {name}", value=name) for name, said in FORMATS if said.search(text)), None)


def _format_met(need: Need, facts: list[FactView]) -> Verdict:
    """A format fact that writes the one asked ("Hybrid. Lectures are online" is online in part: it counts)."""
    said = dict(FORMATS)[need.value]
    shown = next((f for f in facts if said.search(f.value)), None)
    return (True, shown) if shown else ((False, facts[0]) if facts else (None, None))


RULES: tuple[Rule, ...] = (
    Rule("education", "career", "education", _education, _education_met),
    Rule("pay", "career", "pay", _pay, _pay_met),
    Rule("growth", "career", "outlook", _growth, _growth_met),
    Rule("price", "course", "price", _price, _price_met),
    Rule("length", "course", "duration", _length, _length_met),
    Rule("format", "course", "format", _format, _format_met),
    Rule("beginner", "course", "prerequisites", _beginner, _beginner_met),
)
BY_NAME = {rule.name: rule for rule in RULES}
COURSE_WORDS = re.compile(r"\b(?:courses?|class(?:es)?|programs?|bootcamps?|certificates?|training|study online)\b",
                          re.I)  # fmt: skip


def needs_in(text: str) -> list[Need]:
    """The needs a message states. A message about courses ("an online course under $1,000") puts its
    needs on courses; one about jobs, on careers."""
    kind = "course" if COURSE_WORDS.search(text) and not NO_DEGREE.search(text) else "career"
    found = [need for rule in RULES if rule.kind == kind and (need := rule.read(text))]
    return found


def for_courses(needs: list[Need]) -> list[Need]:
    """The needs a message put on careers that also hold for the courses on the way: a time of study
    ("I can't study for more than a year") is a course's length. None when no such need was stated."""
    return [Need("length", _taking(n.said), most=n.weeks) for n in needs if n.rule == "education" and n.weeks]


def _taking(said: str) -> str:
    """ "needing at most a year of study": "taking at most a year"."""
    if said.endswith(" of study"):
        return "taking " + said.removeprefix("needing ").removesuffix(" of study")
    return "shorter than a four-year degree"


def kind_of(needs: list[Need]) -> str | None:
    return BY_NAME[needs[0].rule].kind if needs else None


def check(need: Need, facts: list[FactView]) -> Verdict:
    return BY_NAME[need.rule].check(need, facts)
