"""Career facts written in ways one aspect's cue words do not catch: the sentence a career's section
opens with (its overview), the category a statistics agency files it under, rankings, pay stated
relative to another career, the skills a sentence lists, and the careers a "Related Careers" group
relates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb import aspects, figures, patterns
from kb.extract import Finding, ParsedDocument
from kb.read import INTRODUCTION, Section
from kb.vocabulary import FUNCTION_WORDS

CATEGORY = (
    re.compile(
        r"\bin the category of (?P<cat>.+?)(?:, and (?:predicts|projects|expects|says|reports|estimates)\b|\.?$)"
    ),
    re.compile(r"\bjobs for (?P<cat>[A-Z][\w ,]*?) are (?:expected|projected|predicted) to\b"),
    re.compile(r"\bclassified (?:as|under) (?P<cat>[A-Z][\w ,]*?)(?:[.,]|$)"),
)
RANKING = re.compile(
    r"(?P<pub>[A-Z][\w.&' ]+?) ranks (?P<career>.+?) (?:as )?(?:number|No\.|#)\s*(?P<rank>\d+) (?:in|on) "
    r"(?:its |the )?[“\"]?(?P<list>[^”\"]+?)[.,]?[”\"]?\.?$"
)
COMPARISON = re.compile(
    r"\b(?:earn|earns|make|makes|are paid|get paid)\s+"
    r"(?P<rel>(?:(?:slightly|somewhat|much|significantly|a bit|far|a little)\s+)?(?:less|more))\s+than\b",
    re.I,
)
SKILL_PHRASES = (
    re.compile(r"\b(?:you['’]ll|you will|you)\s+(?:also\s+)?need\s+(?P<list>.+?)\.?$", re.I),
    re.compile(r"^(?P<list>[A-Z][\w ,-]+?)\s+are\s+(?:also\s+)?important\b"),
    re.compile(r"\bhave\s+(?P<list>(?:strong\s+)?[\w-]+(?:\s+[\w-]+)?\s+skills)\b"),
    re.compile(r"\brequire\s+(?P<list>[\w\s-]+?)(?:,|\.|$)"),
)
SOFT_SKILLS = re.compile(
    r"\b(communicat\w*|problem-solving|creativ\w*|analytical|teamwork|collaborat\w*|curiosity)\b", re.I
)
FOLLOW_ON = re.compile(r"^(They|Their|These|Instead, they|This includes)\b")
RELATED_GROUP = re.compile(r"\b(related|similar|other)\s+(careers|jobs|roles|paths)\b", re.I)


def in_category(sentence: str, start: int) -> bool:
    """Whether a name at ``start`` is part of the category a statistics agency files a career under
    ("places this job in the category of Writers and Authors")."""
    return any(m.start("cat") <= start < m.end("cat") for rx in CATEGORY for m in rx.finditer(sentence))


def extract(doc: ParsedDocument) -> Iterator[Finding]:
    for section in doc.sections:
        found = doc.section_subject(section, fallback=False)
        home = found[1] if found and found[0] == "career" else None
        if (
            home
            and section.group
            and RELATED_GROUP.search(section.group)
            and doc.main_career
            and home != doc.main_career
        ):
            yield _fact(
                doc.main_career,
                "related_careers",
                home,
                section,
                section.sentences[0],
                "related careers section",
                other=home,
            )
        yield from _descriptions(doc, section, home)
        for sentence in section.sentences:
            mentions = doc.careers_in(sentence)
            yield from _category_and_ranking(section, sentence, mentions, home)
            yield from _comparison(section, sentence, mentions)
            if home and section.heading != INTRODUCTION and (not section.group or RELATED_GROUP.search(section.group)):
                yield from _skills(section, sentence, home)


def _fact(career: str, aspect: str, value: str, section: Section, sentence: str, rule: str, **typed) -> Finding:
    return Finding("career", career, aspect, value, section.heading, sentence, rule=rule, **typed)


def _descriptions(doc: ParsedDocument, section: Section, home: str | None) -> Iterator[Finding]:
    """The sentence a section opens about its career ("A Database Architect designs ..."), with its follow-ons;
    only in a section that presents the career: its own, the introduction, or one on what it is or does."""
    own = patterns.career_title(section.heading) == home or section.heading == INTRODUCTION
    presents = {a.name for a in aspects.headed(section.heading, "career")} or {"other"}
    if not home or not (own or presents <= {"overview", "duties"}):
        return
    candidates = [(p, i) for p in section.paragraphs for i, s in enumerate(p.sentences) if _leads(doc, s, home)]
    if not candidates and patterns.career_title(section.heading) == home:  # the career's own section
        candidates = [(section.paragraphs[0], 0)]
    for paragraph, i in candidates[:1]:
        chain = [paragraph.sentences[i]]
        for nxt in paragraph.sentences[i + 1 :]:
            if not FOLLOW_ON.match(nxt) or len(chain) == 3:
                break
            chain.append(nxt)
        yield _fact(home, "overview", " ".join(chain), section, chain[0], "opening sentence")


def _leads(doc: ParsedDocument, sentence: str, career: str) -> bool:
    mentions = doc.careers_in(sentence)
    return bool(mentions) and mentions[0][1] == career and mentions[0][0] <= 6


def _category_and_ranking(section, sentence, mentions, home) -> Iterator[Finding]:
    for rx in CATEGORY:
        match = rx.search(sentence)
        if match and home:
            yield _fact(
                home,
                "category",
                match.group("cat").strip(" ,"),
                section,
                sentence,
                "category phrase",
                reporter=figures.reporter(sentence),
            )
            break
    match = RANKING.search(sentence)
    if match:
        named = [name for _, name in mentions]
        career = named[0] if named else home
        if career:
            yield _fact(
                career,
                "ranking",
                match.group("list").strip(),
                section,
                sentence,
                "ranking phrase",
                number=int(match.group("rank")),
                reporter=match.group("pub").strip(),
            )


def _comparison(section, sentence, mentions) -> Iterator[Finding]:
    match = COMPARISON.search(sentence)
    if not match:
        return
    before = [name for start, name in mentions if start < match.start()]
    after = [name for start, name in mentions if start > match.end()]
    if before and after and before[-1] != after[0]:
        relation = match.group("rel").lower()
        yield _fact(
            before[-1], "pay", relation, section, sentence, "pay comparison", qualifier=relation, other=after[0]
        )


def _skills(section, sentence, home) -> Iterator[Finding]:
    for rx in SKILL_PHRASES:
        match = rx.search(sentence)
        if not match:
            continue
        listed = match.group("list")
        soft_context = "soft skills" in listed.lower()
        if "including" in listed:
            listed = listed.split("including", 1)[1]
        for item in patterns.split_list(listed):
            item = re.sub(r"^(?:a variety of|both|strong)\s+", "", item, flags=re.I).strip()
            if not item or len(item.split()) > 10 or item.lower() in FUNCTION_WORDS | {"these", "those"}:
                continue
            kind = "soft" if soft_context or SOFT_SKILLS.search(item) else "hard"
            yield _fact(home, "skills", item, section, sentence, "skills phrase", qualifier=kind)
        return
