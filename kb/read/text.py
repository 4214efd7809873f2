"""Plain text -> sections, paragraphs and sentences.

Headings are short lines without closing punctuation, short ALL-CAPS lines ("PAY AND BENEFITS:"),
and question lines ("How long does the training take?"). A heading followed directly by another heading
opens a *group* ("Hard Skills", "Related Careers") whose children are the headings that follow, until
the next group heading, or, for a group of career sections, until the first heading that is not a job
title.

Plain text has no heading levels, so they are inferred from how headings are written: the first
heading is the title (level 1), ALL-CAPS headings are level 2, the others level 3, and a heading in a
group is at least one level below the group's heading.
"""

from __future__ import annotations

import re

from kb import figures, patterns
from kb.read import columns
from kb.read.document import INTRODUCTION, Document, Outline, Section, paragraph
from kb.vocabulary import CONNECTIVES

BULLET = re.compile(r"^\s*(?:[•\u2022*\-–]|\d+[.)])\s+")
NUMBERED = re.compile(r"^\s*(?:\d+[.)]|#\d+:?)\s+(?P<title>\S.*)$")
LABEL = re.compile(r"^[A-Z][\w'’&,-]*(?: [\w'’&,-]+){0,5}: \S")  # "Nurse Practitioners: they ...", a list's lead
PROMOTION = re.compile(r"\bLearn More\.?\s*$|\bSign up (?:today|now)\b|\bClick here\b", re.I)
MAX_HEADING_WORDS = 12
MAX_QUESTION_WORDS = 15  # a question line is a heading even when it is a little longer than a title


def is_heading(line: str) -> bool:
    return _is_title_line(line) or _is_caps_line(line) or _is_question_line(line)


BYLINE = re.compile(r"^By [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*\s*[,|]")  # "By Jane Doe, Staff Writer | ..."


def _is_title_line(line: str) -> bool:
    words = line.split()
    return (
        not _is_label_line(line)
        and not BYLINE.match(line)
        and 0 < len(words) <= MAX_HEADING_WORDS
        and len(line) <= 90
        and line[0].isupper()
        and not BULLET.match(line)
        and line[-1] not in '.,;:!"”'
    )


def _is_label_line(line: str) -> bool:
    """A "Label: value" line ("Median pay, 2023: $86,070", "On-the-job training: None"): its value has a
    figure, starts in lower case or is one word, where a heading's subtitle is a title ("Quick Facts:
    Registered Nurses")."""
    label, sep, value = line.partition(": ")
    value = value.strip()
    return bool(
        sep and LABEL.match(line) and (re.search(r"\d", value) or value[:1].islower() or len(value.split()) == 1)
    )


def _follows_label(blocks: list[str], i: int) -> bool:
    """A "Label: Value" line right after a label line is one more of a block of them ("Typical Entry-Level
    Education: Bachelor's degree" in a facts box), however much its value looks like a title."""
    return i > 0 and bool(LABEL.match(blocks[i])) and _is_label_line(blocks[i - 1])


def _is_caps_line(line: str) -> bool:
    """A short line in capitals ("PAY:") is a heading whatever punctuation closes it."""
    return 0 < len(line.split()) <= MAX_HEADING_WORDS and len(line) > 1 and line.isupper() and not BULLET.match(line)


def _is_question_line(line: str) -> bool:
    """FAQ pages head each answer with its question."""
    return (
        0 < len(line.split()) <= MAX_QUESTION_WORDS
        and line[0].isupper()
        and line.endswith("?")
        and not BULLET.match(line)
    )


def _is_numbered_title(line: str) -> bool:
    numbered = NUMBERED.match(line)
    return bool(numbered) and _is_title_line(numbered.group("title")) and len(numbered.group("title").split()) <= 8


def _numbered_heading(blocks: list[str], i: int) -> str | None:
    """A numbered title between paragraphs is a heading, as in list articles ("1. Logistics Analyst" over
    the text about it); the items of a list are numbered lines next to each other."""
    if not _is_numbered_title(blocks[i]):
        return None
    neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
    if i + 1 >= len(blocks) or any(BULLET.match(b) and not _is_numbered_title(b) for b in neighbours):
        return None
    if any(_is_numbered_title(b) for b in neighbours):
        return None
    return NUMBERED.match(blocks[i]).group("title").strip()


def split_blocks(text: str) -> list[str]:
    """Headings and paragraphs; bullets and labelled lines start their own paragraph, wrapped lines are joined."""
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
        for i, line in enumerate(lines):
            if _is_numbered_title(line) and i + 1 < len(lines) and not BULLET.match(lines[i + 1]):
                blocks += [" ".join(current)] if current else []
                blocks.append(line)  # a numbered title over its own text ("2. Freight Broker")
                current = []
                continue
            if (BULLET.match(line) or LABEL.match(line)) and current:
                blocks.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            blocks.append(" ".join(current))
    return blocks


class TableRow(str):
    """A table's row ("Header: cell; Header: cell"): a paragraph of its own, never a heading."""


def _blocks(text: str) -> list[str]:
    """Headings, paragraphs and table rows, in order; promotions ("Learn more") are left out."""
    blocks: list[str] = []
    for part in columns.split(text):
        blocks += [TableRow(row) for row in part] if isinstance(part, list) else split_blocks(part)
    return [b for b in blocks if not PROMOTION.search(b)]


def _heads(block: str) -> bool:
    return is_heading(block) and not isinstance(block, TableRow)


def read(text: str) -> Document:
    """Sections in document order; text before the first heading is the introduction."""
    blocks = _blocks(text)
    sections: list[Section] = []
    outline = Outline()
    title: str | None = None
    group: str | None = None
    group_level = 0
    group_of_careers = False
    for i, block in enumerate(blocks):
        if not isinstance(block, TableRow):
            block = _numbered_heading(blocks, i) or block
        if _heads(block) and not _follows_label(blocks, i):
            level = 1 if title is None else 2 if _is_caps_line(block) else 3
            title = title or block
            if i + 1 < len(blocks) and _heads(blocks[i + 1]):
                group, group_level = block, level
                group_of_careers = patterns.is_career_title(blocks[i + 1])
                outline.enter(block, level)
                continue
            if group_of_careers and not patterns.is_career_title(block):
                group, group_of_careers = None, False
            if group:
                level = max(level, group_level + 1)
            sections.append(Section(heading=block, group=group, level=level, path=outline.enter(block, level)))
            continue
        if not sections:
            sections.append(Section(heading=INTRODUCTION, group=None))
        sections[-1].paragraphs.append(paragraph(BULLET.sub("", block).strip()))
    return Document(title=title, sections=[s for s in sections if s.paragraphs], year=figures.dated(text))
