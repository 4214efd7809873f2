"""spaCy pipeline and token patterns shared by the extractors.

Everything here is about *how things are written* (money, percentages, number
words, job titles, lists), not about what a particular document says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kb.vocabulary import JOB_NOUNS, TITLE_LEADERS

JOB_HEADS = tuple(noun.capitalize() for noun in JOB_NOUNS)
QUALIFIERS = (
    "just over",
    "just under",
    "a little over",
    "more than",
    "less than",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "over",
    "under",
    "up to",
)
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12}
TITLE_WORD = r"^(?:[A-Z][\w.&'’]*|-|&)$"
ORG_NAMES = {
    "BLS": "BLS",
    "Bureau of Labor Statistics": "BLS",
    "U.S. News & World Report": "U.S. News & World Report",
}


@lru_cache(maxsize=1)
def nlp() -> Language:
    """Blank English with a rule-based sentencizer: no statistical model needed."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(nlp().vocab)
    heads = list(JOB_HEADS) + [h + "s" for h in JOB_HEADS]
    matcher.add("JOB_TITLE", [[{"TEXT": {"REGEX": TITLE_WORD}, "OP": "*"}, {"TEXT": {"IN": heads}}]], greedy="LONGEST")
    matcher.add("MONEY", [[{"ORTH": "$"}, {"LIKE_NUM": True}]])
    matcher.add("PERCENT", [[{"LIKE_NUM": True}, {"LOWER": {"IN": ["percent", "%", "per-cent"]}}]])
    return matcher


def tokens(text: str) -> Doc:
    return nlp().make_doc(text)


def _spans(doc: Doc, label: str) -> list:
    matcher = _matcher()
    return [doc[s:e] for m, s, e in matcher(doc) if nlp().vocab.strings[m] == label]


def to_number(text: str) -> float | None:
    """'6,400' -> 6400, 'ten' -> 10, 'Twelve' -> 12; None when it is not a number."""
    clean = text.lower().replace(",", "").strip()
    if clean in NUMBER_WORDS:
        return float(NUMBER_WORDS[clean])
    try:
        return float(clean)
    except ValueError:
        return None


@dataclass(frozen=True)
class Amount:
    value: float
    start: int  # character offset in the sentence
    qualifier: str | None = None


def money(sentence: str) -> list[Amount]:
    doc = tokens(sentence)
    found = []
    for span in _spans(doc, "MONEY"):
        value = to_number(span[1].text)
        if value is not None:
            found.append(Amount(value, span.start_char, qualifier_before(sentence, span.start_char)))
    return found


def percents(sentence: str) -> list[Amount]:
    doc = tokens(sentence)
    found = []
    for span in _spans(doc, "PERCENT"):
        value = to_number(span[0].text)
        if value is not None:
            found.append(Amount(value, span.start_char, qualifier_before(sentence, span.start_char)))
    return found


def qualifier_before(sentence: str, start: int) -> str | None:
    before = sentence[:start].lower().rstrip()
    for q in QUALIFIERS:
        if before.endswith(" " + q) or before == q:
            return q
    return None


def singular(title: str) -> str:
    words = title.split()
    last = words[-1]
    if last.endswith("s") and last[:-1] in JOB_HEADS:
        words[-1] = last[:-1]
    return " ".join(words)


def capitalised_titles(text: str) -> list[tuple[int, int, str]]:
    """Title-cased job titles in running text: (start, end, singular title)."""
    doc = tokens(text)
    found = []
    for span in _spans(doc, "JOB_TITLE"):
        while len(span) > 1 and (span[0].text in TITLE_LEADERS or span[0].text in "-&"):
            span = span[1:]
        if len(span) >= 2:
            found.append((span.start_char, span.end_char, singular(span.text)))
    return found


QUESTION_TITLE = re.compile(r"^(?:What (?:is|are|does|do) (?:an? |the )?)(?P<title>.+?)(?: do)?\?*$")


def career_title(heading: str) -> str | None:
    """The job title a heading is about ("What is a Back End Developer?"), if it is only that."""
    match = QUESTION_TITLE.match(heading.strip())
    text = match.group("title") if match else heading.strip()
    doc = tokens(text)
    spans = _spans(doc, "JOB_TITLE")
    if spans and any(s.start == 0 and s.end == len(doc) for s in spans) and len(doc) >= 2:
        return singular(doc.text)
    return None


def is_career_title(heading: str) -> bool:
    return career_title(heading) is not None


def split_list(text: str) -> list[str]:
    """'Python, JavaScript, Ruby, and Java' -> ['Python', 'JavaScript', 'Ruby', 'Java']."""
    text = text.strip().rstrip(".")
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text)
    return [p.strip() for p in parts if p.strip()]


def org_in(text: str) -> str | None:
    for name, short in ORG_NAMES.items():
        if re.search(rf"\b{re.escape(name)}\b", text):
            return short
    match = re.search(r"according to (?:the )?((?:[A-Z][\w.&]*\s?)+)", text)
    return match.group(1).strip() if match else None


def mention_regex(name: str) -> re.Pattern[str]:
    """Matches a known name case-insensitively, with plural and hyphen/space variants."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", name)]
    return re.compile(r"\b" + r"[\s-]*".join(words) + r"(?:s|es)?\b", re.I)
