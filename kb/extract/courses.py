"""Courses: names, what they cover, mentoring, prerequisites, awards, format, and
the career they prepare for.

A course's sentences are the ones from where it is named until another course
is named, within one paragraph (a bullet is a paragraph)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from kb import aspects, lexicon, patterns
from kb.extract import Finding, ParsedDocument, table_cells
from kb.extract.course_names import AWARD, course_names
from kb.read import Section

MENTORING = re.compile(
    r"\b(?P<n>\w+)\s+(?:one-on-one\s+|1-on-1\s+|private\s+|individual\s+)?mentoring sessions\b", re.I
)
PREREQUISITES = (
    re.compile(r"\bshould (?:already )?(?:have|know)\s+(?P<p>[^.]+)", re.I),
    re.compile(r"\bprerequisites? (?:is|are|include)\s+(?P<p>[^.]+)", re.I),
    re.compile(r"^If you already know (?P<p>[^,]+),", re.I),
)
FORMAT_WORDS = re.compile(
    r"\b(comprehensive|multi-week|part-time|full-time|in-person|live online|self-paced|short|beginner|"
    r"project-based|(?:a|one) day or two|weeknights and weekends)\b",
    re.I,
)
BECOME = re.compile(r"\b(?i:become) (?i:an?) (?P<career>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
TOPIC_LIST = re.compile(r"\b(?:topics including|including|such as|learn about)\s+(?P<list>[^.]+)", re.I)
TECH_WORD = re.compile(r"^(?:[A-Z][A-Za-z0-9+#]*(?:\.[a-z]+)?|[a-z]+\.js|[A-Z]{2,})$")
NOT_TOPICS = {
    "In",
    "You",
    "You’ll",
    "The",
    "This",
    "These",
    "Students",
    "Learning",
    "Finally",
    "Another",
    "As",
    "If",
    "For",
    "Twelve",
    "It",
    "Its",
    "By",
    "All",
    "Some",
    "Development",
    "Developer",
    "Developers",
    "Certificate",
    "Best",
    "Bootcamp",
    "Rest",
    "REST",
    "U.S.",
    "Learn",
    "Also",
}


def course_sentences(section: Section) -> Iterator[tuple[str, list[str], list[str]]]:
    """(course, its sentences, the paragraph's lead sentences) for each course named in a section."""
    for paragraph in section.paragraphs:
        lead: list[str] = []
        current: str | None = None
        owned: dict[str, list[str]] = {}
        for sentence in paragraph.sentences:
            names = course_names(sentence)
            if names:
                current = names[-1] if sentence.startswith("If ") else names[0]
            if current:
                owned.setdefault(current, []).append(sentence)
            else:
                lead.append(sentence)
        for name, sentences in owned.items():
            yield name, sentences, lead


def extract(doc: ParsedDocument) -> Iterator[Finding]:
    provider = doc.provider
    seen: set[str] = set()
    for section in doc.sections:
        heading_career = BECOME.search(section.heading)
        for name, sentences, lead in course_sentences(section):

            def fact(aspect: str, value: str, sentence: str, rule: str = "course section", **typed) -> Finding:
                return Finding("course", name, aspect, value, section.heading, sentence, rule=rule, **typed)  # noqa: B023

            if name not in seen:
                seen.add(name)
                formats = sorted({m.group(1).lower() for s in lead + sentences for m in FORMAT_WORDS.finditer(s)})
                yield fact(
                    "course_overview", " ".join(sentences[:2]), sentences[0], "opening sentence", detail=provider
                )
                if formats:
                    yield fact("format", ", ".join(formats), sentences[0], "format words")
                if heading_career:
                    career = heading_career.group("career")
                    yield fact("prepares_for", career, section.heading, "career in heading", other=career)
            for topic, sentence in _topics(name, provider, sentences):
                yield fact("topics", topic, sentence, "topics list")
            for sentence in sentences:
                for aspect, value, said, typed in _course_facts(sentence):
                    yield fact(aspect, value, said, f"{aspect} phrase", **typed)


def _course_facts(sentence: str) -> Iterator[tuple]:
    """(aspect, value, sentence, typed fields) for the course facts a sentence states."""
    mentoring = MENTORING.search(sentence)
    if mentoring and (n := patterns.to_number(mentoring.group("n"))) is not None:
        yield "mentoring", mentoring.group(0), sentence, {"number": n, "unit": "sessions"}
    for rx in PREREQUISITES:
        match = rx.search(sentence)
        if match:
            yield "prerequisites", match.group("p").strip(), sentence, {}
            break
    award = AWARD.search(sentence)
    if award:
        year = award.group("year") or award.group("year2")
        title = (award.group("title") or award.group("title2")).strip()
        yield "awards", title, sentence, {"reporter": (award.group("by") or award.group("by2")).strip(), "as_of": year}
    become = BECOME.search(sentence)
    if become:
        yield "prepares_for", become.group("career"), sentence, {"other": become.group("career")}


COURSE_CODE = re.compile(r"[A-Z]{2,4}")


def _names_other_than_a_subject(run: list[str], after: Token | None) -> bool:
    """Capitalised words that are not a subject taught: a label ("Tuition:"), a course code ("ACC 101"), a
    place or a date ("Tucson, Arizona", "March")."""
    if after is not None and after.text == ":" and aspects.for_heading(" ".join(run)):
        return True  # a label ("Tuition:"), not "Java: the core language"
    if after is not None and after.like_num and len(run) == 1 and COURSE_CODE.fullmatch(run[0]):
        return True  # "ACC 101", not "Python 3"
    return len(run) == 1 and lexicon.load().is_place_or_time(run[0])


def _topics(course: str, provider: str | None, sentences: list[str]) -> Iterator[tuple[str, str]]:
    """Technologies and subjects a course names: capitalised tech words, and listed subjects. The
    provider's name, or any word of it ("Acme's classes"), is not a subject."""
    names = re.compile("|".join(re.escape(n) for n in (course, provider) if n))
    provider_words = set((provider or "").split())
    seen: set[str] = set()

    def fresh(topic: str) -> bool:
        key = topic.lower()
        if key in seen or not topic:
            return False
        seen.add(key)
        return True

    for sentence in sentences:
        award = AWARD.search(sentence)
        text = names.sub(" ", sentence[: award.start()] if award else sentence)
        doc = patterns.tokens(text)
        run: list[str] = []
        for tok in [] if table_cells(sentence) else [*doc, None]:  # a table row's cells are filed by column
            if (
                tok is not None
                and TECH_WORD.match(tok.text)
                and tok.text not in NOT_TOPICS
                and tok.text not in provider_words
                and not (tok.i == 0 and tok.text.istitle())
            ):
                run.append(tok.text)
                continue
            if tok is not None and run and tok.text.upper() == "REST":
                run.append(tok.text)
                continue
            if run:
                topic = " ".join(run)
                if not _names_other_than_a_subject(run, tok) and fresh(topic):
                    yield topic, sentence
                run = []
        for match in TOPIC_LIST.finditer(text):
            for item in patterns.split_list(match.group("list")):
                item = re.sub(r"^(?:a variety of|the|about)\s+", "", item).strip()
                if 0 < len(item.split()) <= 4 and not item.lower().startswith("how ") and fresh(item):
                    yield item, sentence
