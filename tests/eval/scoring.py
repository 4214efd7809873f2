"""How a visitor's conversation with the bot is scored (the format is described in tests/CORPUS.md).

A conversation passes when every turn does: each expected phrase is in the reply, no forbidden phrase
is, a turn about a career or course names it, a turn about what no document has (a career, or an aspect)
gets "I don't have …" or "My documents don't …" and no figure, and no reply holds a figure that no document contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kb.matching import normalize

FIGURE = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b)")
NOT_FOUND = re.compile(r"I don't have|[Mm]y documents don't|I couldn't find|None of the courses")
"""How the bot says the documents lack a career, a course or what was asked."""


@dataclass
class Turn:
    say: str
    expect: list[str] = field(default_factory=list)
    forbid: list[str] = field(default_factory=list)
    subject: str | None = None
    unknown: bool = False


@dataclass
class Conversation:
    document: str
    name: str
    turns: list[Turn]


def load(folder: Path) -> list[Conversation]:
    """The conversations of every document in ``folder`` (not its sub-folders)."""
    found = []
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for conversation in data["conversations"]:
            turns = [Turn(**turn) for turn in conversation["turns"]]
            found.append(Conversation(data["document"], conversation["name"], turns))
    return found


def figures_in(text: str) -> set[str]:
    """The money and percentage figures of a text, in one form ("6%" and "6 percent" alike)."""
    return {_figure(m.group()) for m in FIGURE.finditer(text)}


def _figure(text: str) -> str:
    number = re.sub(r"[^\d.]", "", text).rstrip(".")
    if "$" in text:
        return "$" + number.removesuffix(".00")
    return number + "%"


def _contains(reply: str, phrase: str) -> bool:
    if FIGURE.fullmatch(phrase.strip()):
        return _figure(phrase) in figures_in(reply)
    return phrase.lower() in reply.lower()


def _names(reply: str, subject: str) -> bool:
    return normalize(subject) in normalize(reply)


def failures(turn: Turn, reply: str, known_figures: set[str]) -> list[str]:
    """What is wrong with one reply; empty when it passes."""
    wrong = [f"missing {p!r}" for p in turn.expect if not _contains(reply, p)]
    wrong += [f"has forbidden {p!r}" for p in turn.forbid if _contains(reply, p)]
    if turn.subject and not turn.unknown and not _names(reply, turn.subject):
        wrong.append(f"does not name {turn.subject!r}")
    if turn.unknown and (not NOT_FOUND.search(reply) or figures_in(reply)):
        wrong.append("does not say the documents lack it, or gives a figure")
    invented = figures_in(reply) - known_figures
    if invented:
        wrong.append(f"figures in no document: {sorted(invented)}")
    return wrong
