"""Career facts: descriptions, pay, outlook, openings, categories, rankings,
comparisons, the skills a career section names, and related careers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb import patterns
from kb.extract import Context, ParsedDocument
from kb.read import INTRODUCTION, Section
from kb.schema import (
    Base,
    CareerDescription,
    Category,
    Openings,
    Outlook,
    Ranking,
    RelatedCareer,
    Salary,
    SalaryComparison,
    Skill,
)

PAY_WORDS = re.compile(r"\b(salary|salaries|wage|wages|earn|earns|paid|pay|income|compensation)\b", re.I)
STATISTIC = re.compile(r"\b(average|median|mean|typical|starting)\b", re.I)
PERIODS = (
    ("hour", re.compile(r"\b(per hour|an hour|hourly)\b", re.I)),
    ("month", re.compile(r"\b(per month|a month|monthly)\b", re.I)),
    ("year", re.compile(r"\b(per year|a year|yearly|annual|annually|each year)\b", re.I)),
)
AS_OF = re.compile(
    r"\bin ((?:January|February|March|April|May|June|July|August|September|October|November|December) )?(\d{4})\b"
)
GROWTH_WORDS = re.compile(r"\b(grow|grows|growth|increase|expand|rise|declin\w*|decrease|shrink|fall)\b", re.I)
DECLINE = re.compile(r"\b(declin\w*|decrease\w*|shrink\w*|fall)\b", re.I)
HORIZON = re.compile(
    r"\b(over the next (?:\w+ )?(?:years|decade)|over the (?:next )?decade|from \d{4} to \d{4}"
    r"|between \d{4} and \d{4}|through \d{4}|by \d{4})\b",
    re.I,
)
PACE = re.compile(
    r"\b((?:(?:much|significantly|somewhat|slightly|a little|far)\s+)?(?:faster|slower) than (?:the )?average"
    r"(?: for all occupations)?|(?:about )?as fast as (?:the )?average(?: for all occupations)?)",
    re.I,
)
OPENINGS = re.compile(
    r"(?:\b(?P<q>about|around|roughly|nearly|approximately|some|over)\s+)?(?P<n>\d[\d,]*)\s+(?:\w+\s+){0,2}?openings",
    re.I,
)
PER_YEAR = re.compile(r"\b(each year|per year|a year|annually|every year)\b", re.I)
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


def extract(doc: ParsedDocument, ctx: Context) -> Iterator[Base]:
    for section in doc.sections:
        home = doc.section_career(section)
        org = None
        if (
            home
            and section.group
            and RELATED_GROUP.search(section.group)
            and doc.main_career
            and home != doc.main_career
        ):
            yield RelatedCareer(
                career=ctx.career(doc.main_career),
                related=ctx.career(home),
                **ctx.source(section, section.sentences[0]),
            )
        yield from _descriptions(doc, ctx, section, home)
        for sentence in section.sentences:
            org = patterns.org_in(sentence) or org
            mentions = doc.careers_in(sentence)
            said_by = org if re.match(r"^(It|The agency|They)\b", sentence) or patterns.org_in(sentence) else None
            yield from _salaries(ctx, section, sentence, mentions, home, said_by)
            yield from _outlook(ctx, section, sentence, mentions, home, said_by)
            yield from _category_and_ranking(ctx, section, sentence, mentions, home, said_by)
            yield from _comparison(ctx, section, sentence, mentions)
            if home and section.heading != INTRODUCTION and (not section.group or RELATED_GROUP.search(section.group)):
                yield from _skills(ctx, section, sentence, home)


def _subject(sentence_offset: int, mentions: list[tuple[int, str]], home: str | None) -> str | None:
    before = [name for start, name in mentions if start < sentence_offset]
    return before[-1] if before else home


def _descriptions(doc: ParsedDocument, ctx: Context, section: Section, home: str | None) -> Iterator[Base]:
    """The sentence a section opens about its career ("A Database Architect designs ..."), with its follow-ons."""
    if not home:
        return
    candidates = [(p, i) for p in section.paragraphs for i, s in enumerate(p.sentences) if _leads(doc, s, home)]
    if not candidates and section.heading != INTRODUCTION:
        candidates = [(section.paragraphs[0], 0)]
    for paragraph, i in candidates[:1]:
        chain = [paragraph.sentences[i]]
        for nxt in paragraph.sentences[i + 1 :]:
            if not FOLLOW_ON.match(nxt) or len(chain) == 3:
                break
            chain.append(nxt)
        yield CareerDescription(career=ctx.career(home), text=" ".join(chain), **ctx.source(section, chain[0]))


def _leads(doc: ParsedDocument, sentence: str, career: str) -> bool:
    mentions = doc.careers_in(sentence)
    return bool(mentions) and mentions[0][1] == career and mentions[0][0] <= 6


def _salaries(ctx, section, sentence, mentions, home, org) -> Iterator[Base]:
    if not PAY_WORDS.search(sentence):
        return
    for amount in patterns.money(sentence):
        career = _subject(amount.start, mentions, home)
        if not career:
            continue
        period = next((name for name, rx in PERIODS if rx.search(sentence)), "year")
        statistic = STATISTIC.search(sentence)
        as_of = AS_OF.search(sentence[amount.start :])
        yield Salary(
            career=ctx.career(career),
            amount=amount.value,
            qualifier=amount.qualifier,
            period=period,
            statistic=statistic.group(1).lower() if statistic else None,
            as_of=as_of.group(0)[3:] if as_of else None,
            source_org=org,
            **ctx.source(section, sentence),
        )


def _outlook(ctx, section, sentence, mentions, home, org) -> Iterator[Base]:
    horizon = HORIZON.search(sentence)
    if GROWTH_WORDS.search(sentence):
        growth = [p for p in patterns.percents(sentence) if "average" not in sentence[max(0, p.start - 40) : p.start]]
        average = [p for p in patterns.percents(sentence) if p not in growth]
        pace = PACE.search(sentence)
        for p in growth[:1]:
            career = _subject(p.start, mentions, home)
            if career:
                yield Outlook(
                    career=ctx.career(career),
                    direction="declining" if DECLINE.search(sentence) else "growing",
                    percent=p.value,
                    horizon=horizon.group(1) if horizon else None,
                    average_percent=average[0].value if average else None,
                    pace=pace.group(1) if pace else None,
                    source_org=org,
                    **ctx.source(section, sentence),
                )
        if not growth and home and re.search(r"\b(is|are)\s+(declining|shrinking|growing)\b", sentence):
            yield Outlook(
                career=ctx.career(home),
                direction="declining" if DECLINE.search(sentence) else "growing",
                source_org=org,
                **ctx.source(section, sentence),
            )
    match = OPENINGS.search(sentence)
    if match and PER_YEAR.search(sentence):
        career = _subject(match.start(), mentions, home) or (mentions[0][1] if mentions else None)
        if career:
            yield Openings(
                career=ctx.career(career),
                per_year=int(match.group("n").replace(",", "")),
                qualifier=(match.group("q") or "").lower() or None,
                horizon=horizon.group(1) if horizon else None,
                source_org=org,
                **ctx.source(section, sentence),
            )


def _category_and_ranking(ctx, section, sentence, mentions, home, org) -> Iterator[Base]:
    for rx in CATEGORY:
        match = rx.search(sentence)
        if match and home:
            yield Category(
                career=ctx.career(home),
                name=match.group("cat").strip(" ,"),
                source_org=org,
                **ctx.source(section, sentence),
            )
            break
    match = RANKING.search(sentence)
    if match:
        named = [name for _, name in mentions]
        career = named[0] if named else home
        if career:
            yield Ranking(
                career=ctx.career(career),
                rank=int(match.group("rank")),
                list_name=match.group("list").strip(),
                publisher=match.group("pub").strip(),
                **ctx.source(section, sentence),
            )


def _comparison(ctx, section, sentence, mentions) -> Iterator[Base]:
    match = COMPARISON.search(sentence)
    if not match:
        return
    before = [name for start, name in mentions if start < match.start()]
    after = [name for start, name in mentions if start > match.end()]
    if before and after and before[-1] != after[0]:
        yield SalaryComparison(
            career=ctx.career(before[-1]),
            other_career=ctx.career(after[0]),
            relation=match.group("rel").lower(),
            **ctx.source(section, sentence),
        )


def _skills(ctx, section, sentence, home) -> Iterator[Base]:
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
            if not item or len(item.split()) > 10:
                continue
            kind = "soft" if soft_context or SOFT_SKILLS.search(item) else "hard"
            yield Skill(career=ctx.career(home), name=item, kind=kind, **ctx.source(section, sentence))
        return
