"""Turns a plain-text document into sections, paragraphs and sentences.

Headings are short lines without closing punctuation. A heading followed
directly by another heading opens a *group* ("Hard Skills", "Related Careers")
whose children are the headings that follow, until the next group heading, or,
for a group of career sections, until the first heading that is not a job title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language

from kb import patterns
from kb.vocabulary import CONNECTIVES

BULLET = re.compile(r"^\s*(?:[•\u2022*\-–]|\d+[.)])\s+")
PROMOTION = re.compile(r"\bLearn More\.?\s*$|\bSign up (?:today|now)\b|\bClick here\b", re.I)
INTRODUCTION = "Introduction"


@dataclass
class Paragraph:
    text: str
    sentences: list[str] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    group: str | None
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p.sentences]


def is_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12
        and len(line) <= 90
        and line[0].isupper()
        and not BULLET.match(line)
        and line[-1] not in '.,;:!"”'
    )


def split_blocks(text: str) -> list[str]:
    """Headings and paragraphs; bullets start their own paragraph, wrapped lines are joined."""
    blocks: list[str] = []
    for raw in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
        if (
            len(lines) > 1
            and is_heading(lines[0])
            and lines[1][0].isupper()
            and (lines[0].split()[-1].lower() not in CONNECTIVES)
        ):
            blocks.append(lines.pop(0))
        current: list[str] = []
        for line in lines:
            if BULLET.match(line) and current:
                blocks.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            blocks.append(" ".join(current))
    return blocks


def parse(text: str, nlp: Language) -> list[Section]:
    """Sections in document order; text before the first heading is the introduction."""
    blocks = [b for b in split_blocks(text) if not PROMOTION.search(b)]
    sections: list[Section] = []
    group: str | None = None
    group_of_careers = False
    for i, block in enumerate(blocks):
        if is_heading(block):
            next_is_heading = i + 1 < len(blocks) and is_heading(blocks[i + 1])
            if next_is_heading:
                group = block
                group_of_careers = patterns.is_career_title(blocks[i + 1])
                continue
            if group_of_careers and not patterns.is_career_title(block):
                group, group_of_careers = None, False
            sections.append(Section(heading=block, group=group))
            continue
        if not sections:
            sections.append(Section(heading=INTRODUCTION, group=None))
        clean = BULLET.sub("", block).strip()
        sentences = [s.text.strip() for s in nlp(clean).sents if s.text.strip()]
        sections[-1].paragraphs.append(Paragraph(text=clean, sentences=sentences))
    return [s for s in sections if s.paragraphs]
