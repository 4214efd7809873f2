"""Other names a document defines for its careers: abbreviations ("Registered nurses (RNs)") and
"also called" titles, in headings, table rows and running text. Visitors use them ("what do RNs earn?")."""

from __future__ import annotations

from collections.abc import Iterator

from kb import aspects, patterns
from kb.extract import Finding, ParsedDocument


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
                        yield Finding("career", career, aspects.NAME, name, section.heading, sentence)
