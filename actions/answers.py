"""The kinds of question the bot answers: what subject each needs (a career, a
course, a topic or none) and which query-API calls and reply format answer it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from actions import guidance_replies, replies
from actions.replies import Reply
from kb import aspects, guide
from kb.matching import asked_words
from kb.query import KnowledgeBase

Answer = Callable[[KnowledgeBase, "str | None", "Ask"], Reply]


@dataclass(frozen=True)
class Ask:
    """What the user just said: the raw text and the entity values by label."""

    text: str
    entities: dict[str, list[str]]

    def first(self, label: str) -> str | None:
        values = self.entities.get(label)
        return values[0] if values else None

    @property
    def words(self) -> str:
        """What the question asks, without the names it asks it about (``kb.matching.asked_words``)."""
        names = [v for label in ("career", "course") for v in self.entities.get(label, [])]
        return asked_words(self.text, names, self.entities.get("topic", []))


@dataclass(frozen=True)
class Question:
    label: str | None  # the subject it is about: "career", "course", "topic" or None
    answer: Answer
    default_to_main_career: bool = False  # general questions ("which languages?") are about the main career


def _salary(kb: KnowledgeBase, career: str, ask: Ask) -> Reply:
    if kb.telling(career, "career", "pay", ask.words):  # "can teachers earn extra money?": that sentence first
        return _aspect("pay")(kb, career, ask)
    return replies.salary(
        career, kb.salaries(career, ask.words), kb.salary_comparisons(career), kb.careers_with("salary")
    )


def _growth(kb: KnowledgeBase, career: str, ask: Ask) -> Reply:
    if kb.telling(career, "career", "outlook", ask.words):  # "which subjects have the best prospects?"
        return _aspect("outlook")(kb, career, ask)
    return replies.growth(career, kb.outlook(career), kb.openings(career), kb.careers_with("outlook"))


def _description(kb: KnowledgeBase, career: str, ask: Ask) -> Reply:
    found = kb.descriptions(career)
    if not found:  # no sentence presents it: what the documents say it does
        return _aspect("duties")(kb, career, ask)
    if aspects.BY_NAME["duties"].headings.search(ask.words):  # "what does a … do?": its duties too
        if duties := [d for d in kb.facts(career, "career", "duties", ask.words) if d.value != found[0].text]:
            return replies.described(career, found[0], duties)
    return replies.description(career, found, kb.rankings(career), kb.categories(career))


def _skills(kb: KnowledgeBase, career: str, ask: Ask) -> Reply:
    kind = kb.resolve(ask.first("skill_kind"), "skill_kind")
    found = kb.skills(career, kind)
    return replies.skills(career, found, kind) if found or kind else _aspect("skills")(kb, career, ask)


def _related(kb: KnowledgeBase, career: str, ask: Ask) -> Reply:
    """The careers the documents relate to it; when they name fewer than a few, those first and then the
    careers sharing the most with it ("I'm a software developer, what else could I do?"), after what they say
    of similar careers when they name none the KB knows."""
    found = kb.related(career)
    if found and len(found) >= FEW_RELATED:
        return replies.related(career, found)
    near = guide.near_careers(kb, career)
    said = None if found else _aspect("related_careers")(kb, career, ask)
    if not near:
        return said or replies.related(career, found)
    shared = guidance_replies.near(career, near)
    return replace(shared, text=f"{said.text}\n\n{shared.text}") if said and not said.unanswered else shared


FEW_RELATED = 3


def _courses(kb: KnowledgeBase, career: str | None, ask: Ask) -> Reply:
    topic = kb.resolve(ask.first("topic"), "topic")
    if topic and not ask.first("career"):
        return _course_for_topic(kb, topic, ask)
    if career:
        hits = kb.courses_for_career(career)
        if hits:
            return replies.courses_for_career(career, [h.subject for h in hits], hits[0].source)
        return replies.no_course_for_career(career, kb.courses())
    return replies.all_courses(kb.courses())


def _course_topics(kb: KnowledgeBase, course: str, ask: Ask) -> Reply:
    return replies.course_topics(kb.course(course), course, kb.course_topics(course))


def _mentoring(kb: KnowledgeBase, course: str, ask: Ask) -> Reply:
    found = kb.mentoring(course)
    return replies.mentoring(course, found) if found else _aspect("mentoring")(kb, course, ask)


def _prerequisites(kb: KnowledgeBase, course: str, ask: Ask) -> Reply:
    found = kb.prerequisites(course)
    return replies.prerequisites(course, found) if found else _aspect("prerequisites")(kb, course, ask)


def _awards(kb: KnowledgeBase, course: str | None, ask: Ask) -> Reply:
    found = kb.awards(course)
    return replies.awards(course, found) if found or not course else _aspect("awards")(kb, course, ask)


def _course_for_topic(kb: KnowledgeBase, topic: str, ask: Ask) -> Reply:
    return replies.course_for_topic(topic, kb.courses_for_topic(topic))


def _provider(kb: KnowledgeBase, _: None, ask: Ask) -> Reply:
    return _policies(kb, ask, ("location", "accreditation"), replies.NO_PROVIDER)


def _retake(kb: KnowledgeBase, _: None, ask: Ask) -> Reply:
    return _policies(kb, ask, ("retake", "certificate"), replies.NO_RETAKE_POLICY)


def _policies(kb: KnowledgeBase, ask: Ask, attributes: tuple[str, ...], missing: str) -> Reply:
    """What the providers say on a few aspects: only the one the question names; none for a school the
    documents lack ("where is … Driving Academy?" is never answered with another school's address)."""
    named, unknown = kb.provider_named(ask.text)
    if unknown:
        return replies.unknown("provider", unknown, [], kb.providers())
    return replies.quoted(kb.provider(*attributes, name=named), missing)


def _general(kb: KnowledgeBase, _: None, ask: Ask) -> Reply:
    defined = kb.definition(ask.text)  # "what does CDL stand for?": the words a document wrote it for
    return replies.quoted([defined] if defined else kb.search(ask.text), replies.NOT_FOUND)


def _aspect(aspect: str) -> Answer:
    """The answer for any aspect in the registry: its facts, else the subject's own sentences that speak
    to the question, else what the documents do say about the subject."""

    def answer(kb: KnowledgeBase, subject: str | None, ask: Ask) -> Reply:
        kind = aspects.BY_NAME[aspect].subject
        subjects = [subject] if subject else []
        if kind == "provider" and not subject:
            subject, unknown = kb.provider_named(ask.text)
            if unknown:  # a school or academy the documents do not have: never another one's policy
                return replies.unknown("provider", unknown, [], kb.providers())
            subjects = [subject] if subject else kb.providers()
        found = [f for s in subjects for f in kb.facts(s, kind, aspect, ask.words)]
        label = aspects.BY_NAME[aspect].label
        if found:
            closer = kb.said_better(subject, kind, ask.words, found) if subject else None
            return replies.facts(subject, label, found, closer)
        for near in aspects.BY_NAME[aspect].near:  # none of its own: what is filed next to it (tools: skills)
            if found := [f for s in subjects for f in kb.facts(s, kind, near, ask.words)]:
                return replies.instead(subject, label, kind, replies.facts(subject, aspects.BY_NAME[near].label, found))
        return said_or_not(kb, subjects, kind, label, ask.words)

    return answer


def said_or_not(kb: KnowledgeBase, subjects: list[str], kind: str, label: str, words: str) -> Reply:
    """Nothing filed under what was asked: the subjects' own sentences sharing the question's words, else
    that the documents do not say, and what they cover."""
    subject = subjects[0] if len(subjects) == 1 else None
    if said := [t for s in subjects for t in kb.search(words, 2, s, kind)]:
        return replies.said(subject, label, said)
    have = [aspects.BY_NAME[a].label for s in subjects for a in kb.aspects_of(s, kind) if a in aspects.BY_NAME]
    return replies.not_said(subject, label, have, kind)


QUESTIONS: dict[str, Question] = {
    "salary": Question("career", _salary),
    "growth": Question("career", _growth),
    "description": Question("career", _description),
    "skills": Question("career", _skills, default_to_main_career=True),
    "related": Question("career", _related, default_to_main_career=True),
    "courses": Question("career", _courses),
    "course_topics": Question("course", _course_topics),
    "course_mentoring": Question("course", _mentoring),
    "course_prerequisites": Question("course", _prerequisites),
    "course_awards": Question("course", _awards),
    "course_for_topic": Question("topic", _course_for_topic),
    "provider": Question(None, _provider),
    "retake": Question(None, _retake),
    "general": Question(None, _general),
}
INTENT_QUESTIONS = tuple(QUESTIONS)
"""The kinds of question with an intent and an action of their own (``action_answer_<kind>``); the
registry's other aspects are asked with ``ask_fact``."""

ANSWERED_AS = {
    "pay": "salary",
    "outlook": "growth",
    "overview": "description",
    "skills": "skills",
    "related_careers": "related",
    "course_overview": "course_topics",
    "topics": "course_topics",
    "mentoring": "course_mentoring",
    "prerequisites": "course_prerequisites",
    "awards": "course_awards",
}
"""Aspects with an answer of their own above; every other aspect of the registry is answered by ``_aspect``."""
for _a in aspects.ASPECTS:
    QUESTIONS.setdefault(
        ANSWERED_AS.get(_a.name, _a.name), Question(None if _a.subject == "provider" else _a.subject, _aspect(_a.name))
    )


def question_for(aspect: str) -> str:
    """The kind of question (a key of ``QUESTIONS``) that answers an aspect."""
    return ANSWERED_AS.get(aspect, aspect)


def aspect_of(kind: str) -> str | None:
    """The registry's aspect a kind of question answers, if it answers one."""
    return next((a.name for a in aspects.ASPECTS if question_for(a.name) == kind), None)


OPTIONAL_SUBJECT = {"courses", "course_awards"} | {a.name for a in aspects.ASPECTS if a.subject == "provider"}
"""Questions that still have an answer without a subject (all courses, all awards)."""
