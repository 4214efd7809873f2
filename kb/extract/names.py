"""Other names a document defines for its careers: abbreviations ("Registered nurses (RNs)") and
"also called" titles, in headings, table rows and running text. Visitors use them ("what do RNs earn?")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb import aspects, patterns
from kb.extract import Finding, ParsedDocument
from kb.vocabulary import FUNCTION_WORDS


def extract(doc: ParsedDocument) -> Iterator[Finding]:
    """One row per name and career, where the document first defines it; only for careers it presents,
    so a name never outlives the document that gave it."""
    seen: set[tuple[str, str]] = set()
    for section in doc.sections:
        for sentence in [section.heading, *section.sentences]:
            for career in doc.careers:
                for name in patterns.defined_names(sentence, career):
                    if (career, name) not in seen:
                        seen.add((career, name))
                        yield Finding(
                            "career", career, aspects.NAME, name, section.heading, sentence, rule="defined name"
                        )
    yield from _short_names(doc)


def _short_names(doc: ParsedDocument) -> Iterator[Finding]:
    """A career's head noun on its own, where the document uses it for that career ("Welders" for Pipe
    Welder): the document presents no other career with that head, and at least ``SHORT_USES`` times
    writes the noun with no word of a title before it (at the start, after a comma, after "most" or "the")."""
    heads: dict[str, list[str]] = {}
    for career in doc.careers:
        heads.setdefault(career.split()[-1].lower(), []).append(career)
    for head, careers in heads.items():
        if len(careers) > 1 or len(careers[0].split()) == 1:
            continue
        alone = re.compile(rf"\b{re.escape(head)}s?\b", re.I)
        uses = [
            (section, sentence)
            for section in doc.sections
            for sentence in section.sentences
            for m in alone.finditer(sentence)
            if _alone(sentence[: m.start()])
        ]
        if len(uses) >= SHORT_USES:
            section, sentence = uses[0]
            head = careers[0].split()[-1]
            yield Finding("career", careers[0], aspects.NAME, head, section.heading, sentence, rule="head noun alone")


def _alone(before: str) -> bool:
    """Whether the text before a noun leaves it on its own: nothing, punctuation, or a function word."""
    previous = before.split()[-1:]
    return not previous or not previous[0][-1].isalnum() or previous[0].lower() in FUNCTION_WORDS


SHORT_USES = 2
