"""How a visitor's conversation with the bot is scored (the format is described in tests/CORPUS.md).

A conversation passes when every turn does: each expected phrase is in the reply, no forbidden phrase
is, a turn about a career or course names it and quotes no figure that only other subjects have, a turn
about what no document has (a career, or an aspect) gets "I don't have …" or "My documents don't …" and
no figure, and no reply holds a figure that no document contains.
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
    kind: str = ""  # what a guidance conversation tests ("interests", "path", ...)


def load_file(path: Path) -> list[Conversation]:
    """The conversations of one document's file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Conversation(
            data["document"],
            conversation["name"],
            [Turn(**turn) for turn in conversation["turns"]],
            conversation.get("kind", ""),
        )
        for conversation in data["conversations"]
    ]


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


@dataclass
class GoldIndex:
    """Whose figures are whose, by the gold tables: to tell a reply that quotes another subject's figure."""

    by_figure: dict[str, set[str]] = field(default_factory=dict)  # figure -> subjects given it (normalized)
    near: dict[str, set[str]] = field(default_factory=dict)  # subject -> every figure of its documents
    names: dict[str, set[str]] = field(default_factory=dict)  # subject -> the names it goes by (normalized)

    def add(self, gold: dict, text: str) -> None:
        """One document's gold table and text."""
        for fact in gold["facts"]:
            for figure in figures_in(str(fact["value"])):
                self.by_figure.setdefault(figure, set()).add(normalize(fact["subject"]))
        for key in ("careers", "groups", "courses", "providers"):
            for subject in gold.get(key) or []:
                self.near.setdefault(normalize(subject["name"]), set()).update(figures_in(text))
                called = [subject["name"], *(subject.get("variants") or [])]
                self.names.setdefault(normalize(subject["name"]), set()).update(normalize(n) for n in called)

    def named(self, reply: str, subject: str) -> bool:
        """Whether a reply names a subject, by any name its gold table gives it."""
        said = normalize(reply)
        return any(name in said for name in self.names.get(normalize(subject), {normalize(subject)}))

    def wrong_subject(self, turn: Turn, reply: str) -> list[str]:
        """Figures a reply about one subject gives that the gold tables give only to other subjects, that its
        own documents do not have, and whose owners the reply does not name."""
        if not turn.subject or turn.unknown:
            return []
        asked, said = normalize(turn.subject), normalize(reply)
        return [
            f"wrong subject: {figure} is {sorted(others)[0]!r}'s"
            for figure in sorted(figures_in(reply))
            if (others := self.by_figure.get(figure, set()))
            and asked not in others
            and figure not in self.near.get(asked, set())
            and not any(o in said for o in others)
        ]


def failures(turn: Turn, reply: str, known_figures: set[str], gold: GoldIndex | None = None) -> list[str]:
    """What is wrong with one reply; empty when it passes."""
    wrong = [f"missing {p!r}" for p in turn.expect if not _contains(reply, p)]
    wrong += [f"has forbidden {p!r}" for p in turn.forbid if _contains(reply, p)]
    named = gold.named(reply, turn.subject) if gold and turn.subject else _names(reply, turn.subject or "")
    if turn.subject and not turn.unknown and not named:
        wrong.append(f"does not name {turn.subject!r}")
    if turn.unknown and (not NOT_FOUND.search(reply) or figures_in(reply)):
        wrong.append("does not say the documents lack it, or gives a figure")
    wrong += gold.wrong_subject(turn, reply) if gold else []
    invented = figures_in(reply) - known_figures - checked_totals(reply) - figures_in(turn.say)  # the visitor's own
    if invented:
        wrong.append(f"figures in no document: {sorted(invented)}")
    return wrong


PRICED_STEP = re.compile(r"^\d+\. .*?\((\$[\d,]+(?:\.\d+)?);", re.M)
TOTAL = re.compile(r"Total: (\$[\d,]+(?:\.\d+)?)")
PERCENT_OFF = re.compile(r"(\d+(?:\.\d+)?)\s?(?:percent|%)\s+off", re.I)
DOLLARS_OFF = re.compile(r"(?:saves?|off)\s+\$([\d,]+)", re.I)


def checked_totals(reply: str) -> set[str]:
    """The totals a reply gives ("Total: $4,945") that are the sum of the prices it lists for the courses of
    a path, or that sum less the discount quoted on the total's line: figures no document has, but the
    documents' figures added up."""
    prices = [float(p[1:].replace(",", "")) for p in PRICED_STEP.findall(reply)]
    base = sum(prices)
    checked = set()
    for match in TOTAL.finditer(reply):
        line = reply[reply.rfind("\n", 0, match.start()) + 1 : match.end()]
        expected = [base]
        expected += [base * (1 - float(p) / 100) for p in PERCENT_OFF.findall(line)]
        expected += [base - float(d.replace(",", "")) * len(prices) for d in DOLLARS_OFF.findall(line)]
        if prices and any(abs(float(match.group(1)[1:].replace(",", "")) - e) < 0.01 for e in expected):
            checked.add(_figure(match.group(1)))
    return checked
