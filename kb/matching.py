"""Finds names (careers, courses, topics, ...) in free text, tolerating case,
plurals, hyphens and typos ("sofware devloper" -> Software Developer).

Used both by the query API to resolve a mention and by the spaCy component
that tags mentions for Rasa, so both agree on what a name means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

TOKEN = re.compile(r"[\w.+#&]+(?:['’]s)?")
STOP = {
    "a",
    "an",
    "the",
    "of",
    "for",
    "to",
    "in",
    "on",
    "and",
    "or",
    "about",
    "what",
    "how",
    "is",
    "are",
    "do",
    "does",
    "i",
    "me",
    "my",
    "you",
    "your",
    "it",
    "that",
    "this",
    "they",
    "them",
    "as",
    "be",
    "with",
    "which",
    "who",
}
JOB_NOUNS = (
    "developer engineer architect programmer analyst administrator scientist designer manager specialist tester "
    "technician consultant officer researcher nurse teacher accountant doctor lawyer pilot chef plumber electrician "
    "dentist pharmacist therapist writer artist marketer recruiter"
).split()
GENERIC_TITLE = re.compile(
    r"\b(?:(?!(?:" + "|".join(STOP) + r")\b)[a-z][\w-]*\s+){0,2}(?:" + "|".join(JOB_NOUNS) + r")s?\b", re.I
)
MAX_TOKENS = 300  # names are looked for in the first 300 words: a huge message must not cost seconds
GENERIC_WORDS = {"one", "course", "class", "certificate", "program", "job", "career", "field", "role", "work"}
MIN_FUZZY_LENGTH = 5
THRESHOLD = 0.84


def normalize(text: str) -> str:
    """Lowercase, hyphens as spaces, no possessives, crude singulars: the form names are compared in."""
    words = []
    for word in re.sub(r"[-_/]", " ", text.lower()).split():
        word = re.sub(r"['’]s$", "", word).strip(".,!?;:\"'()")
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word:
            words.append(word)
    return " ".join(words)


@dataclass(frozen=True)
class Term:
    surface: str
    canonical: str
    label: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    canonical: str
    label: str
    score: float


def similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if len(b) < MIN_FUZZY_LENGTH or abs(len(a) - len(b)) > 0.25 * max(len(a), len(b)):
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
        return 0.0
    return matcher.ratio()


class Vocabulary:
    """A set of names with their canonical form and label."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = list(terms)
        self._normal = [(normalize(t.surface), t) for t in self.terms]
        self._max_tokens = max((len(n.split()) for n, _ in self._normal), default=1) + 1

    def find(self, text: str) -> list[Mention]:
        """Non-overlapping mentions, best-scoring and longest first, in text order."""
        tokens = list(TOKEN.finditer(text))[:MAX_TOKENS]
        candidates: list[Mention] = []
        for n in range(min(self._max_tokens, len(tokens)), 0, -1):
            for i in range(len(tokens) - n + 1):
                first, last = tokens[i], tokens[i + n - 1]
                if first.group().lower() in STOP or last.group().lower() in STOP:
                    continue
                window = normalize(text[first.start() : last.end()])
                best = max(
                    ((similarity(window, norm), t) for norm, t in self._normal),
                    default=(0.0, None),
                    key=lambda pair: pair[0],
                )
                if best[1] is not None and best[0] >= THRESHOLD:
                    candidates.append(
                        Mention(
                            first.start(),
                            last.end(),
                            text[first.start() : last.end()],
                            best[1].canonical,
                            best[1].label,
                            best[0],
                        )
                    )
        chosen: list[Mention] = []
        for m in sorted(candidates, key=lambda m: (-m.score, -(m.end - m.start))):
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        return sorted(chosen, key=lambda m: m.start)

    def resolve(self, text: str, label: str) -> str | None:
        """The canonical name a whole mention stands for, or None."""
        target = normalize(text)
        scored = [(similarity(target, norm), t.canonical) for norm, t in self._normal if t.label == label]
        score, canonical = max(scored, default=(0.0, None))
        if score >= THRESHOLD:
            return canonical
        inside = [m for m in self.find(text) if m.label == label]
        if inside:
            return inside[0].canonical
        return self._by_words(target, label)

    def _by_words(self, target: str, label: str) -> str | None:
        """A name that is the only one containing all of the mention's words ("the javascript one")."""
        words = {w for w in target.split() if w not in STOP and w not in GENERIC_WORDS}
        if not words:
            return None
        owners = {t.canonical for norm, t in self._normal if t.label == label and words <= set(norm.split())}
        return owners.pop() if len(owners) == 1 else None


def job_titles(text: str) -> list[tuple[int, int, str]]:
    """Any job title ("data scientist", "nurses"), known or not: (start, end, text)."""
    return [(m.start(), m.end(), m.group()) for m in GENERIC_TITLE.finditer(text)]
