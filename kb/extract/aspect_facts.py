"""Facts by aspect, from a document's structure: every table cell, labelled line ("Tuition: $895") and
sentence is placed under the aspects its column header, label, section heading or own words speak of
(``kb.aspects``), about the subject its row, section or words name. A figure aspect (pay, growth, price,
length, ...) gives one typed fact per figure; any other aspect keeps the sentence, cell or item as the
fact's value.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator

from kb import aspects, figures, patterns
from kb.aspects import Aspect
from kb.extract import Finding, ParsedDocument, table_cells
from kb.read import Paragraph, Section

REPORTER_FOLLOW = re.compile(r"^(?:It|They|The agency|The (?:bureau|survey|report))\b")
PRONOUN_LEAD = re.compile(
    r"^(?:[A-Z][\w.]* (?:projects|expects|predicts|says|reports|estimates|notes) )?"
    r"(?:[Tt]hey|[Tt]heir|[Tt]hem|These|Those|It|Its|This|He|She|His|Her)\b"
)
MAX_LABEL_WORDS = 6
NOTHING = re.compile(r"|none|n/?a|-+|—|not applicable|no", re.I)  # a label's value that states nothing
FIGURE_ASPECTS = tuple(a.name for a in aspects.ASPECTS if a.figure)
SUBJECT_LEAD = 8  # a sentence is about the career it names within its first few characters
COUNT_NOUNS = {"openings": ("opening", "vacanc"), "employment": ("jobs", "employed", "workers", "positions")}


def extract(doc: ParsedDocument) -> Iterator[Finding]:
    """Each fact once, where it is first stated; what a later statement of it adds (who reports it, as of
    when: a table's "$91,000" and a profile's "$91,000 per year (Acme Pay Survey, 2023)") is kept."""
    kept: dict[tuple, Finding] = {}
    for finding in _all(doc):
        key = (finding.kind, finding.subject, finding.aspect, finding.value, finding.number)
        first = kept.setdefault(key, finding)
        if first is not finding:
            added = {k: getattr(finding, k) for k in ADDED if getattr(first, k) is None and getattr(finding, k)}
            kept[key] = dataclasses.replace(first, **added) if added else first
    yield from kept.values()


ADDED = ("reporter", "as_of", "qualifier", "horizon", "pace", "period")


def _all(doc: ParsedDocument) -> Iterator[Finding]:
    for section in doc.sections:
        named = doc.section_subject(section, fallback=False)
        homes = (
            [named]
            if named
            else _sharing_head(doc, section.heading) or _fallback(doc, section) or _all_careers(doc, section)
        )
        labelled: list[Aspect] = []  # the aspects of the last label line, for the list items under it
        last: list[tuple[str, str]] = []  # the subjects of the previous sentence, for "They ..." sentences
        said_by: str | None = None  # who the section last said reports figures, for "It predicts ..." sentences
        for paragraph in section.paragraphs:
            row = doc.table_subjects.get(paragraph.text)
            if row:
                yield from _row(doc, section, paragraph.text, row)
                continue
            if homes and (cells := table_cells(paragraph.text)) and _breaks_down(cells, homes[0][0]):
                yield from _breakdown(doc, section, homes, paragraph.text, cells)
                continue
            listed = patterns.lead_title(paragraph.text)
            if listed in doc.careers and ":" not in paragraph.text and _relates(doc, section):
                yield from _related(section, homes, listed, paragraph.text)
                continue
            label, _, value = paragraph.text.partition(":")
            if value.strip() and (career := patterns.career_title(label)) in doc.careers:
                yield from _career_label(doc, section, homes, career, paragraph)
                continue
            label_aspects = (
                _aspects_of_label(doc, label, homes[0][0]) if homes and (value or paragraph.text.endswith(":")) else []
            )
            if label_aspects and homes and set(label_aspects) <= set(doc.section_aspects(section, homes[0][0])):
                label_aspects, value = [], ""  # a "Vendor Certified: Name" item under a certifications heading
            if label_aspects:
                labelled = label_aspects
                for home, aspect in itertools.product(homes, label_aspects):
                    if not NOTHING.fullmatch(value.strip()) and (target := _subject_for(doc, home, aspect)):
                        yield from _facts(
                            doc, section, target, aspect, value.strip(), paragraph.text, "labelled line", context=label
                        )
                continue
            for sentence in paragraph.sentences:
                subjects = _sentence_subjects(doc, homes, bool(named), sentence, last)
                last = subjects or last
                named_reporter = figures.reporter(sentence)
                said_by = named_reporter or said_by
                reporter = named_reporter or (said_by if REPORTER_FOLLOW.match(sentence) else None)
                for i, subject in enumerate(subjects):
                    # a class named in a program's section: its figures are the class's, not the program's
                    skip = FIGURE_ASPECTS if i and subject[0] == subjects[0][0] == "course" else ()
                    yield from _sentence(doc, section, subject, labelled, sentence, skip=skip, reporter=reporter)


def _leading(sentence: str, mentions: list[tuple[int, str]]) -> list[str]:
    """The careers a sentence opens with, one or several ("Electricians, plumbers and welders ...")."""
    leading = [mentions[0][1]]
    for (previous, _), (start, nxt) in zip(mentions, mentions[1:], strict=False):
        gap = sentence[previous:start]
        if len(gap.split()) <= 6 and re.search(r"(?:,|\band|\bor|&)\s*$", gap):
            leading.append(nxt)
        else:
            break
    return list(dict.fromkeys(leading))


def _fallback(doc: ParsedDocument, section: Section) -> list[tuple[str, str]]:
    found = doc.section_subject(section)
    return [found] if found else []


def _all_careers(doc: ParsedDocument, section: Section) -> list[tuple[str, str]]:
    """A section under the title of a page about several careers, on one aspect of them ("Work
    Environment"), is about each of them."""
    return [("career", c) for c in doc.careers] if doc.section_aspects(section, "career") else []


def _relates(doc: ParsedDocument, section: Section) -> bool:
    return any(a.name == "related_careers" for a in doc.section_aspects(section, "career"))


def _related(section: Section, homes: list[tuple[str, str]], career: str, text: str) -> Iterator[Finding]:
    for kind, name in homes:
        if kind == "career" and name != career:
            yield Finding(
                kind, name, "related_careers", career, section.heading, text, other=career, rule="related careers item"
            )


def _sharing_head(doc: ParsedDocument, text: str) -> list[tuple[str, str]]:
    """The document's careers whose head noun a text uses on its own ("How to become a teacher" in a page
    about three kinds of teacher): what it says holds for each of them."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    heads = {c: c.split()[-1].lower() for c in doc.careers}
    shared = [c for c, head in heads.items() if head in words or head + "s" in words]
    return [("career", c) for c in shared] if len(shared) >= 2 else []


def _sentence_subjects(
    doc: ParsedDocument, homes: list[tuple[str, str]], specific: bool, sentence: str, last: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """What a sentence is about: in a section about no one career, the careers it names; the careers it
    opens with ("Most electricians and plumbers learn ..."); a course it names; in a course's section, that
    course; after a sentence about someone, a sentence that goes on with "They"/"Their"/"It" is about them;
    else its section's subjects."""
    mentions = [(start, n) for start, n in doc.careers_in(sentence) if n in doc.careers]
    if mentions and not specific:
        return [("career", n) for n in dict.fromkeys(n for _, n in mentions)]
    if mentions and mentions[0][0] <= SUBJECT_LEAD:
        return [("career", n) for n in _leading(sentence, mentions)]
    courses = [c for c in doc.courses if re.search(rf"\b{re.escape(c)}\b", sentence, re.I)]
    if courses and specific and homes[0][0] == "career":  # a course a career's section offers: its own figures
        return [("course", courses[0]), *homes]
    if courses:  # a course named inside another's section (a required class) is also part of that one
        return list(dict.fromkeys([("course", courses[0]), *(h for h in homes if h[0] == "course")]))
    if homes and homes[0][0] == "course":
        return homes  # a course's text names careers as what it leads to, not as what it is about
    if last and PRONOUN_LEAD.match(sentence):
        return last
    if not specific and (shared := _sharing_head(doc, sentence)):
        return shared
    return homes


def _aspects_of_label(doc: ParsedDocument, label: str, kind: str) -> list[Aspect]:
    if not 0 < len(label.split()) <= MAX_LABEL_WORDS:
        return []
    return [a for k in _kinds(doc, kind) for a in aspects.headed(label, k)]


def _career_label(
    doc: ParsedDocument, section: Section, homes: list[tuple[str, str]], career: str, paragraph: Paragraph
) -> Iterator[Finding]:
    """A paragraph led by a career's name ("Licensed Practical Nurses: they provide ...") is about that
    career; under a related-careers heading it also relates it to the section's own career."""
    if _relates(doc, section):
        yield from _related(section, homes, career, paragraph.text)
    for i, sentence in enumerate(paragraph.sentences):
        if i == 0:  # what the paragraph says the career is or does
            yield Finding(
                "career", career, "duties", sentence, section.heading, sentence, placed=False, rule="career label"
            )
        yield from _sentence(doc, section, ("career", career), [], sentence, skip=("related_careers",))


def _kinds(doc: ParsedDocument, kind: str) -> tuple[str, ...]:
    """The subject kinds a section's facts may be about: its own, and the provider of a course document."""
    return (kind, "provider") if kind == "course" and doc.provider else (kind,)


def _subject_for(doc: ParsedDocument, home: tuple[str, str], aspect: Aspect) -> tuple[str, str] | None:
    if aspect.about(home[0]):
        return home
    if aspect.subject == "provider" and doc.provider:
        return ("provider", doc.provider)
    return None


def _breaks_down(cells: list[tuple[str, str]], kind: str) -> bool:
    """A table row whose first column names no subject but a part of the section's ("Industry: Leisure and
    Hospitality; Median Wage: $12.61"), and whose other columns are on aspects of the subject's kind."""
    return len(cells) >= 2 and any(aspects.for_heading(header, kind) for header, _ in cells[1:])


def _breakdown(
    doc: ParsedDocument, section: Section, homes: list[tuple[str, str]], text: str, cells: list[tuple[str, str]]
) -> Iterator[Finding]:
    """The row's figures are its section subject's, for the part its first cell names, which qualifies them."""
    part = f"{cells[0][0]}: {cells[0][1]}"
    for home in homes:
        for header, cell in cells[1:]:
            if (
                (aspect := aspects.for_heading(header, home[0]))
                and cell
                and (target := _subject_for(doc, home, aspect))
            ):
                yield from _facts(
                    doc, section, target, aspect, cell, text, "table row by part", context=header, part=part
                )


def _row(doc: ParsedDocument, section: Section, text: str, row: list[tuple[str, str]]) -> Iterator[Finding]:
    for name, kind in row:
        for header, cell in table_cells(text)[1:]:
            aspect = aspects.for_heading(header, kind)
            if aspect and cell:
                yield from _facts(doc, section, (kind, name), aspect, cell, text, "table row", context=header)


def _sentence(
    doc: ParsedDocument,
    section: Section,
    subject: tuple[str, str],
    labelled: list[Aspect],
    sentence: str,
    skip: tuple[str, ...] = (),
    reporter: str | None = None,
) -> Iterator[Finding]:
    placed = labelled or [a for k in _kinds(doc, subject[0]) for a in doc.section_aspects(section, k)]
    placed = [a for a in placed if a.name not in skip]
    cued = [a for k in _kinds(doc, subject[0]) for a in aspects.in_sentence(sentence, k) if a.name not in skip]
    chosen = list(placed)
    for aspect in cued:
        figure_here = aspect.figure and _figures(aspect, sentence)
        bare = not aspect.figure or (aspect.bare and aspect.bare.search(sentence))
        if aspect not in chosen and (bare or figure_here):
            chosen.append(aspect)
    opens = _opens_with(doc, sentence, subject[1]) or PRONOUN_LEAD.match(sentence)
    own_section = all(a.name in ("related_careers", "overview") for a in placed)  # no aspect, or a related career's
    if own_section and subject[0] == "career" and opens and not any(a.figure or a.name == "duties" for a in chosen):
        chosen.append(aspects.BY_NAME["duties"])  # "Cloud engineers design, build, and maintain ..."
    for aspect in chosen:
        if target := _subject_for(doc, subject, aspect):
            rule = "sentence under an aspect's heading" if aspect in placed else "sentence with an aspect's words"
            yield from _facts(
                doc, section, target, aspect, sentence, sentence, rule, reporter=reporter, placed=aspect in placed
            )


def _opens_with(doc: ParsedDocument, sentence: str, career: str) -> bool:
    mentions = doc.careers_in(sentence)
    return bool(mentions) and mentions[0][1] == career and mentions[0][0] <= SUBJECT_LEAD


def _figures(aspect: Aspect, text: str) -> list[figures.Figure]:
    found = figures.find(aspect.figure, text) if aspect.figure else []
    if aspect.name in COUNT_NOUNS:
        nouns = COUNT_NOUNS[aspect.name]
        found = [f for f in found if any(n in text[f.end : f.end + 40].lower() for n in nouns)]
    if aspect.name == "outlook":  # the average for all occupations it is compared with is not its growth
        found = [f for f in found if "average" not in text[max(0, f.start - 40) : f.start].lower()]
    if aspect.name == "pay":
        found = [f for f in found if f.number >= 7]  # not a fee or a figure in passing ("$5 co-pay")
    return found


def _facts(
    doc: ParsedDocument,
    section: Section,
    subject: tuple[str, str],
    aspect: Aspect,
    value: str,
    sentence: str,
    rule: str,
    context: str = "",
    reporter: str | None = None,
    placed: bool = True,
    part: str | None = None,
) -> Iterator[Finding]:
    """The facts of one piece of text under one aspect: typed per figure, else the text itself; ``rule``
    names how the text was placed under its subject and aspect."""
    kind, name = subject
    base = {
        "kind": kind,
        "subject": name,
        "aspect": aspect.name,
        "section": section.heading,
        "sentence": sentence,
        "placed": placed,
        "rule": rule,
    }
    in_a_column = rule.startswith("table row") and aspect.figure
    found = _figures(aspect, value) or (figures.in_column(aspect.figure, value, context) if in_a_column else [])
    if not found:
        yield Finding(value=value, reporter=reporter or figures.reporter(sentence), **base)
        return
    mentions = doc.careers_in(value) if kind == "career" else []
    described = f"{context} {value}".strip()
    for figure in found:
        owner = [n for start, n in mentions if start < figure.start and n in doc.careers]
        about = {**base, "subject": owner[-1]} if owner and not context else base
        yield Finding(
            value=figure.text,
            number=-figure.number if aspect.name == "outlook" and figures.declining(value) else figure.number,
            high=figure.high,
            unit=figure.unit,
            period=(figures.period(value, figure) or figures.period(context)) if aspect.figure == "money" else None,
            qualifier="; ".join(
                q
                for q in (
                    figures.statistic(described, _shift(figure, len(context) + 1 if context else 0))
                    or _noun_after(value, figure),
                    part,  # "Industry: Leisure and Hospitality": the part of the subject a table row is for
                )
                if q
            )[:128]
            or None,
            hedge=figure.hedge,
            reporter=reporter or figures.reporter(sentence),
            as_of=figures.as_of(described) or figures.year_in_label(context or ""),
            horizon=figures.horizon(described) if aspect.figure in ("percent", "count") else None,
            baseline=_average(value) if aspect.name == "outlook" else None,
            pace=figures.pace(value) if aspect.figure == "percent" else None,
            **about,
        )


def _noun_after(text: str, figure: figures.Figure) -> str | None:
    """What an adjectival figure measures ("an 80-hour externship": externship)."""
    if "-" not in figure.text:
        return None
    after = re.match(r"\s+([a-z][\w-]*)", text[figure.end :])
    return after.group(1) if after else None


def _average(text: str) -> float | None:
    """The growth of all occupations a sentence compares with ("the average of 4 percent")."""
    found = [f for f in figures.find("percent", text) if "average" in text[max(0, f.start - 40) : f.start].lower()]
    return found[0].number if found else None


def _shift(figure: figures.Figure, by: int) -> figures.Figure:
    return figures.Figure(
        figure.text, figure.number, figure.high, figure.unit, figure.start + by, figure.end + by, figure.hedge
    )
