"""How courses are named in running text ("the Python Developer Certificate", "ACC 101 Financial
Accounting", "a class called …", "a school's Python class"), and the award titles that are not
courses. Shared by the document's list of its courses and by the courses extractor."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = r"(?:[A-Z][\w.+#’'-]*|&|and|with)"
HEADS = r"(?:Certificate|Bootcamp|Certification|Diploma|Program)"
COURSE_NAMES = (
    re.compile(rf"\b(?P<name>[A-Z][\w.+#’'-]*(?:\s+{WORD})*?\s+{HEADS})\b(?!\s+(?:Exam|Examination|Test)\b)"),
    re.compile(rf"\b(?:class|course|workshop) called (?P<name>[A-Z][\w.+#’'-]*(?:\s+{WORD})*)"),
    re.compile(rf"[’']s (?P<name>[A-Z][\w.+#’'-]*(?:\s+{WORD})*) (?:class|course|workshop)\b"),
    re.compile(rf"\b(?:an?|the|its|their) (?P<name>[A-Z][\w.+#’'-]*(?:\s+{WORD})+) (?:course|class|workshop)\b"),
    re.compile(r"^[A-Z]{2,4} ?\d{3}[A-Z]? (?P<name>[A-Z][\w'’&-]*(?: (?:[A-Z][\w'’&-]*|and|of|to|in|for|with|&))*)"),
)
DEGREE_NAME = re.compile(
    r"\b(?P<name>(?:Associate|Bachelor|Master|Doctor)(?:['’]s)? of (?:[A-Z]\w+ )*[A-Z]\w+ in [A-Z]\w+(?: [A-Z]\w+)*)"
)
"""A degree program by name; a course only on a page about programs, elsewhere it is what a career asks for."""
AWARDED = re.compile(r"^(?:Named|Awarded|Voted|Ranked|Rated)\b")
LEADING = re.compile(r"^(?:(?:The|In|Another|A|An|This|Our|Its|Their)\s+)+")
AWARD = re.compile(
    r"(?:\bIn (?P<year>\d{4}),?\s+)?\b(?:it|the course|this course|the class|this class)\s+was (?:awarded|named)\s+"
    r"(?P<title>.+?)\s+by\s+(?P<by>[A-Z][\w&. ]+?)\.?$"
    r"|\bwas (?:awarded|named) (?P<title2>.+?) by (?P<by2>[A-Z][\w&. ]+?) in (?P<year2>\d{4})",
    re.I,
)


@lru_cache(maxsize=8192)  # each sentence is asked twice: for the document's courses, then for their facts
def course_names(sentence: str, degrees: bool = False) -> tuple[str, ...]:
    """Course names in a sentence, in order (with ``degrees``, degree programs too); award titles are not
    courses."""
    award = AWARD.search(sentence)
    found: list[tuple[int, str]] = []
    for rx in COURSE_NAMES + ((DEGREE_NAME,) if degrees else ()):
        for m in rx.finditer(sentence):
            if award and m.start() >= award.start():
                continue
            name = LEADING.sub("", m.group("name")).strip()
            if AWARDED.match(name):
                continue  # "Named Best Online Design Bootcamp": an award's title
            if len(name.split()) >= 2 and all(name != n for _, n in found):
                found.append((m.start(), name))
    return tuple(n for _, n in sorted(found))
