"""Figures as documents write them: money, percentages, counts, durations and session counts, single or
as ranges, with what the text around them says (statistic, period, hedge, reporter, date, horizon, pace).

Regular expressions rather than a model: figures are written in a small number of ways, and each way
is one pattern here, so a new way is one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "a": 1, "an": 1}
WORD_NUMBER = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"a dozen)"
)
NUM = r"\d(?:[\d,]*\d)?(?:\.\d+)?"  # "117,000", never the comma after it
SCALE = r"(?:\s?(?:million|billion|thousand)|[kK]\b)?"
DASH = r"\s*(?:to|-|–|—|and)\s*"
HEDGES = (
    "just over", "just under", "a little over", "more than", "less than", "fewer than", "nearly", "almost",
    "about", "around", "roughly", "approximately", "over", "under", "up to", "at least", "as much as",
    "an estimated", "some",
)  # fmt: skip
HEDGE = re.compile(r"(?:^|\s)(" + "|".join(re.escape(h) for h in HEDGES) + r")\s*$", re.I)

PATTERNS: dict[str, re.Pattern[str]] = {
    "money": re.compile(rf"\$\s?(?P<n>{NUM}){SCALE}(?:{DASH}\$?\s?(?P<h>{NUM}){SCALE})?"),
    "percent": re.compile(rf"(?P<n>{NUM})(?:{DASH}(?P<h>{NUM}))?\s?(?:percent|per cent|%)", re.I),
    "count": re.compile(
        r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s?(?:million|thousand)|\d{2,})(?!\s?(?:percent|%))\b", re.I
    ),
    "duration": re.compile(
        rf"\b(?P<n>{NUM}|{WORD_NUMBER}|a)(?:{DASH}(?P<h>{NUM}|{WORD_NUMBER}))?[\s-]*"
        r"(?P<u>credit hours?|weeks?|months?|years?|hours?|days?|semesters?|terms?|quarters?|credits?)\b",
        re.I,
    ),
    "sessions": re.compile(
        rf"\b(?P<n>\d+|{WORD_NUMBER})\s+(?:[\w-]+\s+){{0,3}}?(?:sessions?|meetings?|calls?|check-ins?)\b", re.I
    ),
}
WEEKS = {"week": 1, "month": 4.35, "year": 52, "semester": 16, "term": 16, "quarter": 12, "day": 1 / 5}
"""Lengths of time in weeks, to compare them (a day counts as a fifth of a week of classes)."""
UNITS = {"money": "USD", "percent": "percent", "count": "count", "sessions": "sessions"}

PERIODS = (
    (
        "hour",
        re.compile(
            r"\b(?:per|an|each|a)\s+(?:flight\s+|billable\s+|working\s+)?hour\b|\bhourly\b|/\s?h(?:ou)?r\b", re.I
        ),
    ),
    ("credit hour", re.compile(r"\bper credit(?: hour)?\b", re.I)),
    ("week", re.compile(r"\b(?:per|a|each)\s+week\b|\bweekly\b", re.I)),
    ("month", re.compile(r"\b(?:per|a|each)\s+month\b|\bmonthly\b", re.I)),
    ("year", re.compile(r"\b(?:per|a|each)\s+year\b|\byearly\b|\bannual(?:ly)?\b|/\s?yr\b|\bsalar(?:y|ies)\b", re.I)),
)
STATISTICS = re.compile(
    r"\b(median|average|mean|typical|starting|entry[- ]level|beginning|early[- ]career|mid[- ]career|senior|"
    r"experienced|(?:lowest|highest|top|bottom) \d+ percent|\d+(?:st|nd|rd|th) percentile|range|"
    r"in[- ]district|out[- ]of[- ](?:district|state)|in[- ]state|total)\b",
    re.I,
)
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
AS_OF = re.compile(
    rf"\b(?:[Ii]n|[Aa]s of|[Ff]or|[Dd]uring|[Ss]ince)\s+((?:{MONTHS}\s+)?(?:19|20)\d\d)\b"
    rf"|\(((?:{MONTHS}\s+)?(?:19|20)\d\d)\)"
)
HORIZON = re.compile(
    r"\b(over the next (?:\w+ )?(?:years|decade)|over the (?:next )?decade|from (?:19|20)\d\d to (?:19|20)\d\d"
    r"|between (?:19|20)\d\d and (?:19|20)\d\d|through (?:19|20)\d\d|by (?:19|20)\d\d|"
    r"(?:19|20)\d\d[-–](?:19|20)?\d\d)\b",
    re.I,
)
PACE = re.compile(
    r"\b((?:(?:much|significantly|somewhat|slightly|a little|far)\s+)?(?:faster|slower) than (?:the )?average"
    r"(?: for all occupations)?|(?:about )?as fast as (?:the )?average(?: for all occupations)?|little or no change)",
    re.I,
)
DECLINE = re.compile(r"\b(declin\w*|decreas\w*|shrink\w*|fall(?:s|ing)?|drop\w*|los(?:e|ing))\b", re.I)
CAP = r"[A-Z][\w.&'’-]*"
NAME = rf"{CAP}(?:\s+(?:(?:of|for|and|&|the|on)\s+)*{CAP})*"
REPORTERS = (
    re.compile(rf"\b(?i:according to) (?:the |a |an )?(?P<r>{NAME})"),
    re.compile(
        rf"\b(?P<r>(?:{CAP}\s+){{0,6}}(?:Bureau|Department|Survey|Report|Association|Council|Institute|Society|Board)(?:\s+(?:of|for|on)\s+{NAME})?)"
    ),
    re.compile(
        r"\b(?P<r>[A-Z]{3,5})(?= (?:data|figures|reports?|projects?|predicts?|says|notes|estimates?|expects)\b)"
    ),
)


@dataclass(frozen=True)
class Figure:
    text: str  # as written
    number: float
    high: float | None
    unit: str
    start: int
    end: int
    hedge: str | None


def to_number(text: str) -> float | None:
    """'6,400' -> 6400, 'ten' -> 10, '1.2 million' -> 1200000, '$85k' -> 85000; None when not a number."""
    clean = text.lower().replace(",", "").replace("$", "").strip()
    scale = 1.0
    for word, factor in (("million", 1e6), ("billion", 1e9), ("thousand", 1e3), ("k", 1e3)):
        if clean.endswith(word):
            clean, scale = clean[: -len(word)].strip(), factor
            break
    if clean in NUMBER_WORDS:
        return float(NUMBER_WORDS[clean]) * scale
    try:
        return float(clean) * scale
    except ValueError:
        return None


def find(kind: str, text: str) -> list[Figure]:
    """The figures of one kind in a text, in order."""
    found = []
    for m in PATTERNS[kind].finditer(text):
        number = to_number(m.group("n"))
        if number is None or (kind == "count" and _is_year(m.group("n"))):
            continue
        high = to_number(m.group("h")) if m.groupdict().get("h") else None
        if kind == "money" and (scale := _scale(m.group(0))):
            number, high = number * scale, high * scale if high is not None else None
        unit = m.group("u").lower().rstrip("s") if m.groupdict().get("u") else UNITS[kind]
        hedge = HEDGE.search(text[max(0, m.start() - 25) : m.start()])
        found.append(
            Figure(
                m.group(0).strip(), number, high, unit, m.start(), m.end(), hedge.group(1).lower() if hedge else None
            )
        )
    return found


BARE = re.compile(rf"^\s*(?P<sign>[+\-−–])?(?P<n>{NUM})\s*$")


def in_column(kind: str, cell: str, header: str) -> list[Figure]:
    """A table cell that is a bare number ("15.9", "-2.1", "35,980") typed by its column, whose header says
    what it measures ("Percent change", "Median wage"): as written, with the column's unit; a percentage
    only under a header that says so (a count of new jobs is not one)."""
    match = BARE.match(cell)
    if kind not in ("money", "percent", "count") or not match or (number := to_number(match.group("n"))) is None:
        return []
    if kind == "percent" and not re.search(r"percent|%", header, re.I):
        return []
    sign = -1 if match.group("sign") and match.group("sign") != "+" else 1
    return [Figure(cell.strip(), sign * number, None, UNITS[kind], match.start("n"), match.end(), None)]


def _scale(text: str) -> float | None:
    for word, factor in (("million", 1e6), ("billion", 1e9), ("thousand", 1e3)):
        if word in text.lower():
            return factor
    return 1e3 if re.search(r"\d[kK]\b", text) else None


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", text))


def period(text: str, figure: Figure | None = None) -> str | None:
    """The period a figure is per: the nearest stated right after it; else the nearest stated just before it
    ("a median annual wage of $62,350, or $29.98 an hour"; a column's header: "Mean hourly wage: 24.91");
    else one stated in the text."""
    if figure and (end := SENTENCE_END.search(text, figure.end)):  # "$7,900. Monthly payment plans ...": a
        text = text[: end.start()]  # later sentence's period is not the figure's
    after = text[figure.end : figure.end + 30] if figure else ""
    for name, rx in PERIODS:
        if rx.match(after.lstrip(" ,")) or rx.search(after[:18]):
            return name
    if figure:
        start = max(0, figure.start - PERIOD_BEFORE)
        before = [(m.end(), name) for name, rx in PERIODS for m in rx.finditer(text, start, figure.start)]
        if before:
            return max(before)[1]
    return next((name for name, rx in PERIODS if rx.search(text)), None)


PERIOD_BEFORE = 60  # how far before a figure a period may be stated for it ("a median annual wage of")


SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def statistic(text: str, figure: Figure) -> str | None:
    """What a figure is (median, starting, lowest 10 percent, ...): the last such word before it in its
    clause, else the first one after it."""
    clause_start = max(text.rfind(s, 0, figure.start) for s in (";", ". ", ", while", " while ", " but "))
    before = list(STATISTICS.finditer(text, max(0, clause_start, figure.start - 90), figure.start))
    found = before[-1] if before else STATISTICS.search(text, figure.end, figure.end + 40)
    if not found:
        return None
    return "median" if found.group(1).lower() == "50th percentile" else found.group(1).lower()


DATED = re.compile(
    r"\b(?:last\s+)?(?:updated|modified|reviewed|revised|published|posted)(?:\s+on)?:?\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)\b",
    re.I,
)
ISO_DATE = re.compile(r"^D?:?((?:19|20)\d\d)")  # "2019-05-01T10:00", PDF's "D:20190501120000Z"


def dated(text: str) -> int | None:
    """The year a document says it was written or last updated ("Last updated: May 3, 2024"), the newest
    if it says several."""
    return max((int(m.group(1)) for m in DATED.finditer(text)), default=None)


def year_of_date(value: str) -> int | None:
    """The year of a date as metadata writes it (ISO 8601, or PDF's "D:2019...")."""
    match = ISO_DATE.match(value.strip())
    return int(match.group(1)) if match else None


def figure_year(as_of: str | None, horizon: str | None) -> int | None:
    """The year a figure is for: the date it is given as of ("May 2011"), else the first year of its
    projection's span (a projection for 2019-29 is made from 2019's figures)."""
    for said in (as_of, horizon):
        if found := re.search(r"\b(?:19|20)\d\d\b", said or ""):
            return int(found.group())
    return None


LABEL_YEAR = re.compile(r"(?<![\d–-])((?:19|20)\d\d)(?!\s*[\d–-])")


def year_in_label(label: str) -> str | None:
    """The year a figure's label gives it ("2015 Median Pay", "Number of Jobs, 2014"), not a span's."""
    match = LABEL_YEAR.search(label)
    return match.group(1) if match else None


def as_of(text: str) -> str | None:
    match = AS_OF.search(text)
    return (match.group(1) or match.group(2)) if match else None


def horizon(text: str) -> str | None:
    match = HORIZON.search(text)
    return match.group(1) if match else None


def pace(text: str) -> str | None:
    match = PACE.search(text)
    return match.group(1) if match else None


def declining(text: str) -> bool:
    return bool(DECLINE.search(text))


@lru_cache(maxsize=8192)
def reporter(text: str) -> str | None:
    """Who a text says reports its figures: an "according to …", an agency or survey named in it, or an
    abbreviation that stands for one ("BLS data")."""
    for rx in REPORTERS:
        if match := rx.search(text):
            found = re.sub(r"^(?:The|A|An)\s+", "", match.group("r").strip(" ,.;:"))
            short = re.match(r"\s*\(([A-Z]{2,6})\)", text[match.end() :])
            return short.group(1) if short else found
    return None
