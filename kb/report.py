"""What the builder read from each document, so an operator who adds one can check it in a minute.

``documents(url)`` gives, per document, every fact with its kind, its values, the reader rule that made
it and its source sentence, the careers, groups and courses they are about, the document's sentences no
fact cites, and the year of its newest figure (old when it is more than ``stale_years`` ago); ``to_html``
lays that out as one browsable page, opening with a table of every document and its warnings, the
documents the builder could not read included. The KB is read with one query per table, whatever the number of
documents, so a large KB still reports in seconds. Document strings are operators' files and may hold
markup: the page escapes every one of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from kb import aspects, db, figures, patterns
from kb.schema import Document, Fact, Passage, Subject

KINDS = tuple(a.name for a in aspects.ASPECTS) + ("category", "ranking", aspects.NAME)  # "kind" = the aspect
SUBJECTS = ("career", "course", "provider")  # the blocks of a document, in this order
SHOWN = ("value", "number", "high", "unit", "period", "qualifier", "hedge", "reporter", "as_of", "horizon", "pace",
         "baseline", "other", "detail")  # fmt: skip


@dataclass(frozen=True)
class Line:
    kind: str  # the aspect, one of KINDS
    subject: str  # one of SUBJECTS
    about: str  # the career's, course's or provider's name
    values: tuple[tuple[str, str], ...]  # (column in plain words, value), unset columns left out
    section: str
    sentence: str
    rule: str = ""  # the reader rule that made the fact


@dataclass
class DocumentReport:
    name: str
    title: str = ""
    facts: list[Line] = field(default_factory=list)  # in the order of their sentences in the document
    sentences: int = 0  # the document's sentences (its passages)
    unattributed: list[tuple[str, str]] = field(default_factory=list)  # (section, sentence) no fact cites
    newest: int | None = None  # the year of its newest figure (the document's own year for a figure without)
    old: bool = False  # that year is more than the report's ``stale_years`` ago

    def _about(self, subject: str) -> list[str]:
        return sorted({f.about for f in self.facts if f.subject == subject})

    @property
    def format(self) -> str:
        return Path(self.name).suffix.lstrip(".").upper() or "?"

    @property
    def careers(self) -> list[str]:
        return [c for c in self._about("career") if not patterns.is_group_name(c)]

    @property
    def groups(self) -> list[str]:
        """Occupational groups ("healthcare support occupations"), listed apart from careers."""
        return [c for c in self._about("career") if patterns.is_group_name(c)]

    @property
    def courses(self) -> list[str]:
        return self._about("course")

    @property
    def counts(self) -> dict[str, int]:
        """Facts by kind, in ``KINDS`` order, kinds with none left out."""
        found = Counter(f.kind for f in self.facts)
        return {kind: found[kind] for kind in (*KINDS, *sorted(set(found) - set(KINDS))) if found[kind]}

    @property
    def empty(self) -> bool:
        """Neither a career nor a course was found: most likely no heading names one, which the operator
        should hear of rather than find out from the bot's answers."""
        return not self.careers and not self.groups and not self.courses


def documents(url: str, stale_years: int = 5) -> list[DocumentReport]:
    """Every document in the KB at ``url``, by name; a document whose newest figure is for a year more than
    ``stale_years`` ago is marked old."""
    engine = db.engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(Document.id, Document.name, Document.title, Document.year)).all()
            subjects = {i: (k, n) for i, k, n in connection.execute(select(Subject.id, Subject.kind, Subject.name))}
            facts = _rows(connection, Fact.__table__)
            passages = _rows(connection, Passage.__table__)
    finally:
        engine.dispose()
    reports = {i: DocumentReport(name, title or "") for i, name, title, _ in rows}
    years = {i: year for i, _, _, year in rows}
    for row in facts:
        if row["number"] is not None and (
            year := figures.figure_year(row["as_of"], row["horizon"]) or years[row["document_id"]]
        ):
            report = reports[row["document_id"]]
            report.newest = max(report.newest or year, year)
    for report in reports.values():
        report.old = report.newest is not None and report.newest < date.today().year - stale_years
    for row in sorted(facts, key=lambda r: (r["document_id"], r["position"], r["id"])):
        kind, name = subjects[row["subject_id"]]
        row["other"] = subjects[row["other_id"]][1] if row["other_id"] else None
        values = tuple((c.replace("_", " "), _plain(row[c])) for c in SHOWN if row[c] is not None)
        reports[row["document_id"]].facts.append(
            Line(row["aspect"], kind, name, values, row["section"], row["sentence"], row["rule"])
        )
    cited = {(row["document_id"], row["sentence"]) for row in facts}
    for row in sorted(passages, key=lambda r: (r["document_id"], r["position"])):
        report = reports[row["document_id"]]
        report.sentences += 1
        if (row["document_id"], row["sentence"]) not in cited:
            report.unattributed.append((row["section"], row["sentence"]))
    return sorted(reports.values(), key=lambda r: r.name)


def _rows(connection: Connection, table: Table) -> list[dict]:
    """All of a table's rows as plain dicts: SQLAlchemy's row mappings cost more than the rest of the report."""
    result = connection.execute(select(table).order_by(table.c.id))
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def _plain(value: object) -> str:
    """A value as a reader writes it: 95380.0 is "95380", 4.5 stays "4.5"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: .5em 0 1em; width: 100%; }
th, td { border: 1px solid #ccc; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
.warning { color: #a00; font-weight: bold; }
summary { cursor: pointer; font-weight: bold; margin: .5em 0; }
.facts { table-layout: fixed; }
.facts th:nth-child(1) { width: 10em; }
.facts th:nth-child(3) { width: 14em; }
"""


def warnings(report: DocumentReport) -> list[str]:
    """What an operator should look at in a document, in a few words each."""
    found = ["no career or course"] if report.empty else []
    if report.old:
        found.append(f"old figures: the newest is for {report.newest}")
    return found


def to_html(reports: list[DocumentReport], unreadable: dict[str, str] | None = None) -> str:
    """One page. Its first screen is a table of every document (format, title, what was found in it, facts,
    sentences no fact cites, warnings), the ``unreadable`` ones (name: why) included, each linked to its
    details below: its careers, groups, courses and providers, each fact with its values and source
    sentence, and the sentences no fact cites."""
    unreadable = unreadable or {}
    out = [
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Knowledge base report</title>'
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Knowledge base: {len(reports)} document(s)"
        + (f", {len(unreadable)} not read" if unreadable else "")
        + "</h1>",
        "<table><tr><th>document</th><th>format</th><th>title</th><th>careers</th><th>groups</th><th>courses</th>"
        "<th>facts</th><th>sentences no fact cites</th><th>newest figure</th><th>warnings</th></tr>",
    ]
    for name, why in sorted(unreadable.items()):
        out.append(
            f"<tr><td>{escape(name)}</td><td>{escape(Path(name).suffix.lstrip('.').upper())}</td>"
            f'<td colspan="7"></td><td class="warning">not read: {escape(why.removeprefix(name + ": "))}</td></tr>'
        )
    for number, report in enumerate(reports):
        out.append(
            f'<tr><td><a href="#d{number}">{escape(report.name)}</a></td><td>{report.format}</td>'
            f"<td>{escape(report.title)}</td><td>{len(report.careers)}</td><td>{len(report.groups)}</td>"
            f"<td>{len(report.courses)}</td><td>{len(report.facts)}</td>"
            f"<td>{len(report.unattributed)} of {report.sentences}</td><td>{report.newest or ''}</td>"
            f'<td class="warning">{escape("; ".join(warnings(report)))}</td></tr>'
        )
    out.append("</table>")
    for number, report in enumerate(reports):
        out += _document(number, report)
    out.append("</body></html>\n")
    return "\n".join(out)


def _document(number: int, report: DocumentReport) -> list[str]:
    counts = ", ".join(f"{kind} {n}" for kind, n in report.counts.items()) or "no facts"
    out = [f'<section id="d{number}"><h2>{escape(report.name)}</h2><p>{escape(counts)}</p>']
    out += [f'<p class="warning">{escape(warning.capitalize())}.</p>' for warning in warnings(report)]
    blocks: dict[tuple[str, str], list[Line]] = {}
    for fact in sorted(report.facts, key=lambda f: (SUBJECTS.index(f.subject), f.about)):
        blocks.setdefault((fact.subject, fact.about), []).append(fact)
    for (subject, about), facts in blocks.items():
        out.append(
            f"<details open><summary>{subject.capitalize()}: {escape(about)} ({len(facts)} facts)</summary>"
            '<table class="facts"><tr><th>kind</th><th>values</th><th>rule</th><th>section</th><th>sentence</th></tr>'
        )
        out += [
            f"<tr><td>{f.kind}</td><td>{escape('; '.join(f'{k}: {v}' for k, v in f.values))}</td>"
            f"<td>{escape(f.rule)}</td>"
            f"<td>{escape(f.section)}</td><td>{escape(f.sentence)}</td></tr>"
            for f in facts
        ]
        out.append("</table></details>")
    out.append(
        f"<details open><summary>Sentences no fact cites ({len(report.unattributed)} of {report.sentences})</summary>"
        "<table><tr><th>section</th><th>sentence</th></tr>"
    )
    out += [
        f"<tr><td>{escape(section)}</td><td>{escape(sentence)}</td></tr>" for section, sentence in report.unattributed
    ]
    out.append("</table></details></section>")
    return out
