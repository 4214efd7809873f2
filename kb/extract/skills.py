"""The general skills of a document's main career: one skill per section under a
"Hard Skills" / "Soft Skills" group, with the languages, servers and databases it names."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb import patterns
from kb.extract import Finding, ParsedDocument

SKILL_GROUP = re.compile(r"\b(hard|soft|technical|interpersonal|people)\s+skills\b", re.I)
KIND = {"hard": "hard", "technical": "hard", "soft": "soft", "interpersonal": "soft", "people": "soft"}
EXAMPLES = re.compile(
    r"\b(?:popular|common|widely used|well-known|leading)\s+(?P<what>[\w\s-]+?)"
    r"\s+(?:include|are|such as)\s+(?P<list>[^.]+)",
    re.I,
)
CATEGORIES = (
    ("language", re.compile(r"\blanguages?\b", re.I)),
    ("database", re.compile(r"\bdatabases?\b|\bdatabase systems?\b", re.I)),
    ("server", re.compile(r"\bservers?\b", re.I)),
    ("framework", re.compile(r"\bframeworks?\b", re.I)),
    ("tool", re.compile(r"\btools?\b", re.I)),
)


def extract(doc: ParsedDocument) -> Iterator[Finding]:
    """A "skills" fact per skill section (its kind as qualifier, its first sentence as detail), and a
    "tools" fact per example it lists (its category as qualifier, the skill as detail)."""
    if not doc.main_career:
        return
    for section in doc.sections:
        group = SKILL_GROUP.search(section.group or "")
        if not group or not section.sentences:
            continue
        first = section.sentences[0]
        kind = KIND[group.group(1).lower()]
        yield Finding(
            "career",
            doc.main_career,
            "skills",
            section.heading,
            section.heading,
            first,
            qualifier=kind,
            detail=first,
            rule="skills section",
        )
        for sentence in section.sentences:
            match = EXAMPLES.search(sentence)
            category = match and next((c for c, rx in CATEGORIES if rx.search(match.group("what"))), None)
            if category:
                for item in patterns.split_list(match.group("list")):
                    yield Finding(
                        "career",
                        doc.main_career,
                        "tools",
                        item,
                        section.heading,
                        sentence,
                        qualifier=category,
                        detail=section.heading,
                        rule="tools examples",
                    )
