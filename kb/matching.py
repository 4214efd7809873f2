"""Finds names (careers, courses, topics, ...) in free text, tolerating case,
plurals, hyphens and typos ("sofware devloper" -> Software Developer).

Used both by the query API to resolve a mention and by the spaCy component
that tags mentions for Rasa, so both agree on what a name means.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import numpy as np

from kb import aspects, lexicon
from kb.vocabulary import (
    CLIPPED,
    DESCRIBING_WORDS,
    FUNCTION_WORDS,
    GENERIC_WORDS,
    NEVER_IN_TITLES,
)

TOKEN = re.compile(r"[\w.+#&]+(?:['’]s)?")
WORD = re.compile(r"[A-Za-z][\w-]*")
MAX_MODIFIERS = 2
SUBJECTS = {"i", "we", "you", "they", "he", "she"}  # a word right after one is its verb ("I love computers")
OBJECTS = {"me", "us", "you", "him", "her", "them"}  # a noun is not followed by one; a verb is ("suits me")
MODALS = {"would", "could", "should", "will", "can", "may", "might", "must", "to"}  # a verb follows one
MAX_TOKENS = 300  # names are looked for in the first 300 words: a huge message must not cost seconds
MIN_FUZZY_LENGTH = 5
THRESHOLD = 0.84
COURSE_PHRASE = re.compile(
    r"(?P<words>(?:[\w.+#&-]+\s+){0,3}?)(?P<kind>course|class|program|programme|certificate|bootcamp|training|degree)s?\b",
    re.I,
)
COURSE_PHRASE_SCORE = 0.99  # a phrase ending in what it is ("program") beats one word of it matching a name
MAX_PHRASE_TEXT = 2000
STEM = 5  # letters two forms of a word share at least ("teach-ing", "teach-er")
MIN_CUT = 4  # a word cut short to this many letters or more still names its word ("tech", "admin")
ONE_WORD_THRESHOLD = 0.9  # a single word this close: a typo ("pharmasist"), not a kin word ("electrical")
WORD_THRESHOLD = 0.75  # each word of a misspelt name ("devloper", "registerd", "design" for "designer")


LETTER_BINS = 64


def letter_counts(text: str) -> np.ndarray:
    """How often each character occurs, folded into ``LETTER_BINS`` bins. Folding can only raise
    the count two strings share, so a bound made from these counts stays an upper bound."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32) % LETTER_BINS
    return np.bincount(codes, minlength=LETTER_BINS)


TERM = re.compile(r"[a-z0-9][a-z0-9.+#]*")


def terms(text: str) -> list[str]:
    """The words a text is indexed and searched by: normalized, without function words."""
    return [normalize(w) for w in TERM.findall(text.lower()) if w not in FUNCTION_WORDS]


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lowercase, hyphens as spaces, no possessives, crude singulars: the form names are compared in."""
    words = []
    for word in re.sub(r"[-_/]", " ", text.lower()).split():
        word = re.sub(r"['’]s$", "", word).strip(".,!?;:\"'()")
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"  # "actuaries"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word:
            words.append(CLIPPED.get(word, word))
    return " ".join(words)


@dataclass(frozen=True)
class Term:
    surface: str
    canonical: str
    label: str


def fuzzy_matched(norm: str, term: Term) -> bool:
    """Whether a name may match with typos: not when short, as a letter off makes it another word ("RN",
    "SQL"), nor when an abbreviation ("CCSP"), as a letter off makes it another abbreviation."""
    return len(norm) >= MIN_FUZZY_LENGTH and not term.surface.isupper()


def same_words(typed: str, name: str) -> bool:
    """Whether a typed text can be a name misspelt: word for word, each word close to the name's. A name
    with a word the text lacks is another name ("architect" is not "DB architect", nor "cloud architect"
    "data architect"), however similar the letters."""
    typed_words, name_words = typed.split(), name.split()
    if len(typed_words) != len(name_words):
        return False
    return all(
        a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b, autojunk=False).ratio() >= WORD_THRESHOLD)
        for a, b in zip(typed_words, name_words, strict=True)
    )


@dataclass(frozen=True)
class Match:
    score: float
    position: int  # in the vocabulary's list of terms
    term: Term


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    canonical: str
    label: str
    score: float


class Vocabulary:
    """A set of names with their canonical form and label.

    Finding names runs on every message, so exact names are a dict lookup and the fuzzy
    comparison is only made against names of about the same length; the names matching a piece
    of text are cached, since people ask about the same things in the same words. Among names
    that score the same, ``find`` takes the one listed first and ``resolve`` the greatest
    canonical name."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self._normal = [(normalize(t.surface), t) for t in self.terms]
        self._exact: dict[str, list[tuple[int, Term]]] = {}
        for position, (norm, term) in enumerate(self._normal):
            self._exact.setdefault(norm, []).append((position, term))
        fuzzy = [(n, position, t) for position, (n, t) in enumerate(self._normal) if fuzzy_matched(n, t)]
        self._by_length = sorted(fuzzy, key=lambda entry: len(entry[0]))
        self._lengths = np.array([len(norm) for norm, _, _ in self._by_length])
        self._letters = np.array([letter_counts(n) for n, _, _ in self._by_length]).reshape(-1, LETTER_BINS)
        self._max_tokens = max((len(n.split()) for n, _ in self._normal), default=1) + 1
        self._matches = lru_cache(maxsize=8192)(self._match)

    def save(self, path: Path) -> None:
        """Written aside, then renamed into place: a server that reloads the file while it is saved reads the
        old one or the new one, never half of one."""
        path.parent.mkdir(parents=True, exist_ok=True)
        aside = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            aside.write_text(json.dumps([t.__dict__ for t in self.terms], indent=0), encoding="utf-8")
            os.replace(aside, path)
        finally:
            aside.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        try:
            terms = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise FileNotFoundError(f"The mention vocabulary {path} is missing: build it with `make kb`.") from exc
        return cls(Term(**t) for t in terms)

    def _match(self, window: str, label: str | None) -> tuple[Match, ...]:
        """Every name (of ``label``, if given) a normalized piece of text matches: exact names if
        there are any (nothing else can score as high), else those scoring at least THRESHOLD."""
        exact = tuple(
            Match(1.0, position, term)
            for position, term in self._exact.get(window, ())
            if label is None or term.label == label
        )
        if exact:
            return exact
        shortened = self._shortened(window, label)
        if shortened:
            return shortened
        lo = int(np.searchsorted(self._lengths, 0.75 * len(window), "left"))  # lengths >25% apart never match
        hi = int(np.searchsorted(self._lengths, len(window) / 0.75, "right"))
        # An upper bound of difflib's ratio() from letter counts alone (its quick_ratio), for all
        # names at once: only the few names that pass it are compared properly.
        common = np.minimum(self._letters[lo:hi], letter_counts(window)).sum(axis=1)
        bound = 2 * common / (len(window) + self._lengths[lo:hi])
        found = []
        for i in np.flatnonzero(bound >= THRESHOLD) + lo:
            norm, position, term = self._by_length[i]
            if (label is None or term.label == label) and same_words(window, norm):
                score = SequenceMatcher(None, window, norm, autojunk=False).ratio()
                if score >= (THRESHOLD if " " in window else ONE_WORD_THRESHOLD):
                    found.append(Match(score, position, term))
        return tuple(found)

    def _shortened(self, window: str, label: str | None) -> tuple[Match, ...]:
        """Names written with words cut short ("hvac techs" for HVAC Technician, "pharmacy tech"): word for
        word, each typed word the start of the name's, at least one of them cut."""
        typed = window.split()
        if len(typed) < 2 or not any(len(w) >= MIN_CUT for w in typed):
            return ()  # one word cut short is too often another word ("program", "tech")
        found = []
        for position, (norm, term) in enumerate(self._normal):
            words = norm.split()
            if (label is None or term.label == label) and len(words) == len(typed) and norm != window:
                if all(n == w or (len(w) >= MIN_CUT and n.startswith(w)) for w, n in zip(typed, words, strict=True)):
                    found.append(Match(THRESHOLD, position, term))
        return tuple(found)

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, best-scoring and longest first, in text order."""
        tokens = list(TOKEN.finditer(text))[:MAX_TOKENS]
        candidates: list[Mention] = []
        for n in range(min(self._max_tokens, len(tokens)), 0, -1):
            for i in range(len(tokens) - n + 1):
                first, last = tokens[i], tokens[i + n - 1]
                if first.group().lower() in FUNCTION_WORDS or last.group().lower() in FUNCTION_WORDS:
                    continue
                matches = self._matches(normalize(text[first.start() : last.end()]), None)
                if matches:
                    best = max(matches, key=lambda m: (m.score, -m.position))
                    span, term = text[first.start() : last.end()], best.term
                    candidates.append(Mention(first.start(), last.end(), span, term.canonical, term.label, best.score))
        candidates += self._courses_by_words(text)
        chosen: list[Mention] = []
        for m in sorted(candidates, key=lambda m: (-m.score, -(m.end - m.start))):
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    def resolve(self, text: str, label: str) -> str | None:
        """The canonical name a whole mention stands for, or None."""
        target = normalize(text)
        matches = self._matches(target, label)
        if matches:
            return max(matches, key=lambda m: (m.score, m.term.canonical)).term.canonical
        inside = [m for m in self.find(text) if m.label == label]
        if inside:
            return inside[0].canonical
        return self._by_words(target, label)

    def _career_inside(self, words: set[str]) -> str | None:
        """The one career whose name holds all of the words ("heavy equipment mechanics" in "Diesel and
        Heavy Equipment Mechanics", "devops"); a job's head noun alone ("architect") names none, unless
        a document uses it as the career's short name (an alias)."""
        if not words or (len(words) == 1 and lexicon.load().is_occupation(next(iter(words)))):
            return None
        owners = {
            t.canonical
            for norm, t in self._normal
            if t.label == "career" and all(any(_same_stem(w, n) for n in norm.split()) for w in words)
        }
        return owners.pop() if len(owners) == 1 else None

    def headed_by(self, word: str) -> list[str]:
        """The careers a job's head noun is the head of ("teachers": High School Teacher, Middle School
        Teacher, ...)."""
        head = normalize(word)
        found = {t.canonical for n, t in self._normal if t.label == "career" and n.split()[-1:] == [head]}
        return sorted(found) if head and " " not in head else []

    def _courses_by_words(self, text: str) -> list[Mention]:
        """A course named by a few of its words and what it is ("the accounting program", "the CNA class"):
        ahead of any single word in it that looks like a career ("electrical")."""
        found = []
        for start, end, phrase in course_phrases(text):
            words = COURSE_PHRASE.fullmatch(phrase).group("words") or phrase
            if canonical := self._by_words(normalize(words), "course"):
                found.append(Mention(start, end, phrase, canonical, "course", COURSE_PHRASE_SCORE))
        return found

    def _by_words(self, target: str, label: str) -> str | None:
        """The course or topic that has the most of the mention's words ("the accounting program", "the
        bootcamp", "the welding certificate at <school>"), at least half of them; among equals, the one
        listed first (a document's own program before the classes in it). A career only when it is the one
        holding all of the words (``_career_inside``)."""
        words = {w for w in target.split() if w not in FUNCTION_WORDS and w not in GENERIC_WORDS}
        if label == "career":
            return self._career_inside(words)
        if not words:
            return None
        best, best_count = None, 0
        for norm, term in self._normal:
            if term.label != label:
                continue
            name_words = norm.split()
            count = sum(1 for w in words if any(n == w or (len(w) >= MIN_CUT and n.startswith(w)) for n in name_words))
            if count > best_count:
                best, best_count = term.canonical, count
        return best if best_count and 2 * best_count >= len(words) else None


def _same_stem(typed: str, name: str) -> bool:
    """The same word, or two forms of one ("teaching" and "teacher" share "teach")."""
    return typed == name or (min(len(typed), len(name)) >= STEM and typed[:STEM] == name[:STEM])


def asked_words(text: str, names: Iterable[str], topics: Iterable[str] = ()) -> str:
    """What a question asks, without the names it asks it about, so that a name ("software developer") is
    not taken for what is asked (software: tools); a topic that is an aspect's word ("online") stays."""
    for name in [*names, *(t for t in topics if not aspects.speaks_of_any(t))]:
        if len(name) > 2:
            text = re.sub(re.escape(name), " ", text, flags=re.I)
    return text


OWNED = re.compile(r"\b(?:my|our)\s+\w+", re.I)


def without_owned(text: str) -> str:
    """A question without the visitor's own things ("what else could I do with my skills?"): what they have
    is not what they ask about."""
    return OWNED.sub(" ", text)


JOB_FRAMES = (
    re.compile(
        r"\b(?:does|do|would|will|can|could) (?:an?|the) (?P<name>[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?) "
        r"(?:earn|make|get paid|do)\b",
        re.I,
    ),
    re.compile(r"\bhow many (?P<name>[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?) (?:are there|are employed|work)\b", re.I),
    re.compile(r"\b(?:become|becoming) (?:an?|the) (?P<name>[a-z][\w'-]*(?: [a-z][\w'-]*){0,3}?)(?:[?.!,]|$)", re.I),
)
"""Where a question puts the job it asks about, whatever the job ("how much does a zookeeper earn?")."""


def framed_job(text: str) -> str | None:
    """The job a question asks about by where it stands in the question, when its words are a name: none of
    them a small word, a word that picks or a statistic, and none an aspect's word ("how many openings are
    there" names no job)."""
    for frame in JOB_FRAMES:
        if match := frame.search(text):
            words = match.group("name").lower().split()
            plain = not set(words) & (NEVER_IN_TITLES | GENERIC_WORDS)
            if plain and not any(aspects.speaks_of_any(w) for w in words):
                return match.group("name")
    return None


def course_phrases(text: str) -> list[tuple[int, int, str]]:
    """Any course named by a few words and what it is ("the welding certificate", "Intro to Python
    class"), known or not: (start, end, text)."""
    found = []
    for m in COURSE_PHRASE.finditer(text[:MAX_PHRASE_TEXT]):
        words = list(re.finditer(r"\S+", m.group("words")))
        cut = max(
            (i + 1 for i, w in enumerate(words) if w.group().lower() in FUNCTION_WORDS | DESCRIBING_WORDS), default=0
        )
        if words[cut:]:
            start = m.start("words") + words[cut].start()
            found.append((start, m.end(), text[start : m.end()]))
        elif m.group("kind").lower() not in GENERIC_WORDS:  # "the bootcamp": the one there is, if one
            found.append((m.start("kind"), m.end(), text[m.start("kind") : m.end()]))
    return found


def _verb_at(words: list[str], i: int) -> bool:
    """Whether the word at ``i`` is used as a verb, by where it stands: after a subject pronoun or a modal, or
    before an object pronoun ("which job would suit me", "I love computers")."""
    return (i > 0 and words[i - 1] in SUBJECTS | MODALS) or (i + 1 < len(words) and words[i + 1] in OBJECTS)


def job_titles(text: str) -> list[tuple[int, int, str]]:
    """Any job title ("data scientists", "nurses", "marine biologist"), known or not: an occupation noun
    (WordNet, as for documents) with up to two words before it: (start, end, text)."""
    words = list(WORD.finditer(text))[:MAX_TOKENS]
    wordnet = lexicon.load()
    found = []
    lowers = [w.group().lower() for w in words]
    for i, word in enumerate(words):
        lower = lowers[i]
        if lower in NEVER_IN_TITLES or not wordnet.is_occupation(lower, lexicon.COMMON_SENSES) or _verb_at(lowers, i):
            continue
        first = i
        while (
            first > max(0, i - MAX_MODIFIERS)
            and words[first - 1].group().lower() not in NEVER_IN_TITLES
            and not _verb_at(lowers, first - 1)
            and not words[first - 1].group()[0].isdigit()
            and not wordnet.is_place_or_time(words[first - 1].group())
            and text[words[first - 1].end() : words[first].start()].strip() == ""
        ):
            first -= 1
        found.append((words[first].start(), word.end(), text[words[first].start() : word.end()]))
    return [f for f in found if not any(o != f and o[0] <= f[0] and f[1] <= o[1] for o in found)]  # "marine biologist"


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
PICKED = re.compile(
    r"\bthe (?P<word>first|second|third|fourth|fifth|last)(?: one| career| course| job| option)?\b"
    r"(?!\s+(?!one|career|course|job|option)[a-z])|\b(?:number|no\.|#)\s?(?P<n>[1-9])\b",
    re.I,
)
HOW_MANY = re.compile(r"\b(?:the|those|these|first|top)\s+(?P<n>two|three|four|five)\b", re.I)


def picked(text: str) -> int | None:
    """Which of a list just given a message means ("tell me about the second one": 1; "the last one": -1),
    as an index; None when it points at none."""
    match = PICKED.search(text)
    if not match:
        return None
    if match.group("n"):
        return int(match.group("n")) - 1
    place = ORDINALS[match.group("word").lower()]
    return place if place < 0 else place - 1


def number_typed(text: str) -> int | None:
    """The index of a numbered answer a message is only the number of ("2", "3."), where there are no buttons."""
    match = re.fullmatch(r"\s*(\d)\s*\.?\s*", text)
    return int(match.group(1)) - 1 if match else None


def how_many(text: str) -> int | None:
    """How many of a list just given a message speaks of ("compare the two": 2)."""
    match = HOW_MANY.search(text)
    return {"two": 2, "three": 3, "four": 4, "five": 5}[match.group("n").lower()] if match else None


CONJUNCT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)\s*", re.I)


def coordinated(text: str, start: int, head: str) -> list[list[str]]:
    """The names a list before a mention may share its head noun with, nearest last, each as its
    candidates longest first: in "compare elementary, middle school and high school teachers" (the mention
    "high school teachers", head "teachers"), ["compare elementary teachers", "elementary teachers"] and
    ["middle school teachers", "school teachers"]. The caller keeps, of each, the first that names
    something."""
    before = text[:start].rstrip()
    if not re.search(r"(?:,|\band|\bor)$", before, re.I):
        return []
    before = re.sub(r"(?:,|\band|\bor)$", "", before, flags=re.I).rstrip()
    names = []
    for part in reversed([p for p in CONJUNCT.split(before) if p]):
        words = part.split()[-3:]  # a conjunct is a few words: "middle school"
        names.append([" ".join([*words[i:], head]) for i in range(len(words))])
        if len(part.split()) > 3:
            break
    return list(reversed(names))


FIELD_ENDINGS = ("ician", "ist", "ian", "ant", "ent", "er", "or", "ing", "ical", "ics", "al", "ry", "y", "e")
"""Endings that make a trade's worker from its field and back ("welder", "welding"; "phlebotomist",
"phlebotomy"; "electrician", "electrical"), longest first."""


def field_stem(word: str) -> str:
    """A word without the ending that tells a worker from the work ("welder": "weld"), at least four letters."""
    word = normalize(word)
    for ending in FIELD_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def names_the_field(text: str, career: str) -> bool:
    """Whether a text writes the field of every word of a career's name ("entry-level welding jobs" for a
    welder, "the phlebotomy program" for a phlebotomist; not "UX design" for a graphic designer)."""
    written = {field_stem(w) for w in normalize(text).split()}
    return all(field_stem(w) in written for w in normalize(career).split())
