"""The custom actions Rasa calls. Each reads the tracker, asks ``answers`` /
the query API, and sends the formatted reply; nothing else happens here.

Every action is given the knowledge base it reads in its constructor; ``actions_for(kb)`` makes
one of each (the action server does this once, with the KB its settings name)."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import guidance_replies, replies
from actions.answers import INTENT_QUESTIONS, OPTIONAL_SUBJECT, QUESTIONS, Ask, aspect_of, question_for, said_or_not
from kb import aspects, guide, interests, needs
from kb.matching import asked_words, coordinated, framed_job, how_many, picked, without_owned
from kb.query import KnowledgeBase

SUBJECT_LABELS = ("career", "course", "topic")
HELP_ME_CHOOSE = "action_help_me_choose"
PATH = "action_course_path"
BECOME = re.compile(
    r"\b(?:how (?:do|can|would|does|should) (?:i|you|one|someone)|"
    r"what (?:should|do|must) i (?:need to )?(?:take|study|learn|do)|(?:want|like|going|plan) to|steps) "
    r"(?:[\w']+ ){0,3}?(?:become|be|work as|train as)\b",
    re.I,
)
"""Words that ask the way into a career ("how do I become a welder?"), answered with the courses on it."""
SUGGEST = "action_suggest_careers"
READS_NEEDS_ITSELF = (SUGGEST, HELP_ME_CHOOSE, "action_answer_superlative")
"""The actions that read what a visitor needs themselves (a ranking's "growing fastest" is no need)."""
TOGETHER = re.compile(r"\b(?:total|both|altogether|all together|in all|combined|together)\b", re.I)
MANY = re.compile(
    r"\b(?:jobs|careers|occupations|professions|roles|courses|classes|programs|options|anything|"
    r"what (?:can|could) i (?:do|train|study))\b",
    re.I,
)
"""Words that make needs stated with a subject under discussion ones of careers or courses in general."""


def ask_from(tracker: Tracker) -> Ask:
    entities: dict[str, list[str]] = {}
    for entity in tracker.latest_message.get("entities", []):
        entities.setdefault(entity["entity"], []).append(str(entity["value"]))
    return Ask(tracker.latest_message.get("text") or "", entities)


Unanswered = Callable[[str, "str | None", "str | None", str], None]
"""Records a question the documents could not answer: (question, channel, sender id, why)."""


def shortlisted(reply: replies.Reply) -> list[EventType]:
    """The slot that holds what a reply suggests, in order, for "the first one", "which of those pays the
    most?", "compare them"."""
    return [SlotSet("shortlist", reply.shortlist)] if reply.shortlist else []


def from_shortlist(kb: KnowledgeBase, tracker: Tracker, label: str) -> str | None:
    """The career or course "the second one" means, of the shortlist the conversation holds."""
    index = picked(tracker.latest_message.get("text") or "")
    listed = tracker.get_slot("shortlist") or []
    if index is None or not -len(listed) <= index < len(listed):
        return None
    return kb.resolve(listed[index], label)


def known_names(kb: KnowledgeBase, label: str) -> list[str]:
    return {"career": kb.careers, "course": kb.courses, "topic": kb.topics}[label]()


def unknown(kb: KnowledgeBase, label: str, mention: str, words: str = "") -> replies.Reply:
    """A name the KB lacks: what the documents say that answers the question (``kb.said_of_unknown``), else
    that it is missing, with a few near names."""
    careers, said = kb.said_of_unknown(label, mention, words)
    if said:
        return replies.of_family(said, careers) if careers else replies.mentioned(label, mention, said)
    return replies.unknown(label, mention, kb.nearest(mention, label), known_names(kb, label))


def read_choice(asking: str, text: str) -> str | None:
    """An answer in words to a "help me choose" question: the interest's name, the length of study, or the
    yearly pay (``kb.needs``) the message gives."""
    if asking == "interest":
        found = interests.interests_in(text)
        return found[0].name if found else None
    if asking == "study":
        return needs.study_answer(text)
    paid = needs.pay_wanted(text)
    return f"{paid.least:g}" if paid and paid.least else None


class KnowledgeAction(Action, ABC):
    """An action that reads the knowledge base it was given, and tells ``unanswered`` (when given) of the
    questions the documents could not answer."""

    def __init__(self, kb: KnowledgeBase, unanswered: Unanswered | None = None) -> None:
        self.kb = kb
        self.unanswered = unanswered
        self.others: dict[str, KnowledgeAction] = {}  # the other actions by name, to hand a message over to

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        """``act``; but while a "help me choose" question is pending, a message naming no career or course the
        KB knows ("computers", "2"), or answering it in words though it names one ("a bootcamp of a few
        months"), is its answer, whatever the NLU took it for."""
        if self.name() != HELP_ME_CHOOSE and self.answers_pending(tracker):
            return self.hand_over(HELP_ME_CHOOSE, dispatcher, tracker, domain)
        if self.name() not in READS_NEEDS_ITSELF:
            ask = ask_from(tracker)
            if self.asks_for_suggestions(tracker, ask):  # "courses under $1,000?", "what can I do without a degree?"
                return self.hand_over(SUGGEST, dispatcher, tracker, domain)
            if self.courses_totalled(tracker, ask):  # "the CNA training, then the pharmacy certificate: in all?"
                return self.hand_over(PATH, dispatcher, tracker, domain)
        return self.act(dispatcher, tracker, domain)

    def answers_pending(self, tracker: Tracker) -> bool:
        """Whether a "help me choose" question is pending and the message is its answer."""
        pending = tracker.get_slot("choosing")
        said = tracker.latest_message.get("text") or ""
        return bool(pending) and (not self.names_a_subject(tracker) or read_choice(pending, said) is not None)

    def hand_over(
        self, name: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """What another action does with the message (in this action's turn: Rasa's rules expect one action
        for an intent, so no follow-up action is predicted)."""
        return self.others[name].act(dispatcher, tracker, domain)

    @abstractmethod
    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]: ...

    def asks_for_suggestions(self, tracker: Tracker, ask: Ask) -> bool:
        """Whether a message says what the visitor likes, naming no job the KB knows ("I love computers and
        coding, what should I look into?", "I'm into cybersecurity"); or, naming no career or course, states
        needs (``kb.needs``) of careers or courses in general ("which courses cost under $1,000?", "what are
        my options without a degree?"), not of one ("is phlebotomy a growing field?")."""
        if interests.likes_a_field(ask.text, self.subjects_named(tracker)):
            return True
        if self.names_a_subject(tracker):
            return False
        named = any(ask.entities.get(label) for label in ("career", "course")) or framed_job(ask.text)
        return bool(needs.needs_in(ask.text)) and not named and bool(MANY.search(ask.text))

    def courses_totalled(self, tracker: Tracker, ask: Ask) -> list[str]:
        """The courses a question asks the total of: two or more it names ("the CNA training and then the
        pharmacy certificate: how much in all?"), or, naming none, the courses just listed when it asks for
        their total or says the visitor is someone a discount of theirs is for ("I'm a student, what would it
        cost me?")."""
        named = [c for m in ask.entities.get("course", []) if (c := self.kb.resolve(m, "course"))]
        named = list(dict.fromkeys(named))
        if len(named) > 1:
            return named if TOGETHER.search(ask.text) else []
        held = [c for c in tracker.get_slot("shortlist") or [] if self.kb.resolve(c, "course") == c]
        if named or not held:
            return []
        return held if TOGETHER.search(ask.text) or guide.discount_for(self.kb, held, ask.text) else []

    def names_a_subject(self, tracker: Tracker) -> bool:
        return bool(self.subjects_named(tracker))

    def subjects_named(self, tracker: Tracker) -> list[str]:
        """What the message names that the KB knows (a career or course), as the visitor wrote it."""
        entities = tracker.latest_message.get("entities", [])
        return [
            str(e["value"])
            for e in entities
            if e["entity"] in ("career", "course") and self.kb.resolve(str(e["value"]), e["entity"])
        ]

    def say(self, dispatcher: CollectingDispatcher, tracker: Tracker, reply: replies.Reply) -> None:
        dispatcher.utter_message(**replies.render(reply, tracker.get_latest_input_channel()))
        if reply.unanswered and self.unanswered:
            question = tracker.latest_message.get("text") or ""
            self.unanswered(question, tracker.get_latest_input_channel(), tracker.sender_id, reply.unanswered)

    def answer(
        self, kind: str, dispatcher: CollectingDispatcher, tracker: Tracker, mention: str | None = None
    ) -> list[EventType]:
        """Answer a question of ``kind`` about ``mention``, the subject the user named, or the one under
        discussion."""
        question, ask = QUESTIONS[kind], ask_from(tracker)
        events: list[EventType] = [SlotSet("question", kind)]
        subject = self.subject(kind, ask, tracker, mention) if question.label else None
        if isinstance(subject, replies.Reply):  # no subject to answer for: what to say instead
            self.say(dispatcher, tracker, subject)
            return events
        if subject:
            events.append(SlotSet(question.label, subject))
        if kind == "education" and subject and BECOME.search(ask.text) and self.kb.courses_for_career(subject):
            return self.hand_over(PATH, dispatcher, tracker, {})  # "how do I become a welder?": the courses
        reply = question.answer(self.kb, subject, ask)
        self.say(dispatcher, tracker, reply)
        return events + [SlotSet(label, name) for label, name in reply.about.items()]

    def subject(self, kind: str, ask: Ask, tracker: Tracker, mention: str | None) -> str | replies.Reply | None:
        """Who a question is about: the name ``mention``ed or typed, the one under discussion, the main
        career for a general question, the one its own words point to (a fact's words, a rare word of a
        course's name). Else what to say instead: the name is unknown, the courses teaching what it asks
        about, the one passage its words point to, or "which one?"."""
        kb, question = self.kb, QUESTIONS[kind]
        label = question.label
        mention = mention or ask.first(label)
        if not mention and (chosen := from_shortlist(kb, tracker, label)):  # "tell me about the first one"
            return chosen
        if mention:
            return kb.resolve(mention, label) or unknown(kb, label, mention, ask.words)
        named_other = ask.first("course") or ask.first("topic")
        framed = framed_job(ask.words) if label == "career" and not named_other else None
        if framed and not kb.resolve(framed, label):  # "what does a zookeeper earn?", whatever came before
            return unknown(kb, label, framed, ask.words)
        named = kb.course_named_in(ask.words) if label == "course" else None  # "the price of the masonry one"
        subject = named if named and kind != "course_topics" else tracker.get_slot(label)
        if subject is None and question.default_to_main_career and len(kb.main_careers()) == 1:
            subject = kb.main_careers()[0]  # the one career the documents are about
        if subject is None and kind in aspects.BY_NAME:  # the one subject the question's own words point to
            subject = kb.subject_asked(label, kind, ask.words)
        if subject is None and kind == "course_topics" and (taught := kb.topic_asked(ask.words)):
            return replies.course_for_topic(*taught)  # "do they teach QuickBooks?": the courses that do
        subject = subject or named
        if subject is None and kind not in OPTIONAL_SUBJECT:
            found = kb.covering(ask.words)  # the passage its own words point to
            return replies.quoted(found, replies.NOT_FOUND) if found else self.which(kind, label)
        return subject

    def which(self, kind: str, label: str) -> replies.Reply:
        """ "Which one?": of the careers or courses the documents say something about on what was asked."""
        aspect = aspect_of(kind)
        having = self.kb.having(label, aspect) if aspect and aspects.BY_NAME[aspect].about(label) else []
        if having:
            return replies.which(label, having, aspects.BY_NAME[aspect].label)
        return replies.which(label, known_names(self.kb, label))

    def names_by_words(self, tracker: Tracker, ask: Ask) -> bool:
        """Whether the words, no name tagged in them, name a subject of the kind the last question was
        about ("and elementary?" after a teacher's pay: Kindergarten and Elementary School Teacher)."""
        last = QUESTIONS.get(tracker.get_slot("question") or "")
        return bool(last and last.label in ("career", "course") and self.kb.resolve(ask.words, last.label))

    def answer_fact(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """Answer on the aspect the words ask about, for the subject named or under discussion."""
        ask = ask_from(tracker)
        last = QUESTIONS.get(tracker.get_slot("question") or "")
        named = next((label for label in ("course", "career") if ask.first(label)), None)
        held = [label for label in ("career", "course") if tracker.get_slot(label)]
        kind = named or (last.label if last and last.label in held else None) or next(iter(held), None)
        meant = self.kb.provider_meant(ask.text) if kind is None else None
        if meant:  # "does the college have student housing?": about the one college
            words = asked_words(ask.words, [meant[1]])
            if found := aspects.asked(words, "provider"):
                return self.answer(question_for(found[0].name), dispatcher, tracker)
            self.say(dispatcher, tracker, said_or_not(self.kb, [meant[0]], "provider", "that", words))
            return []
        if kind is None:  # no subject named or under discussion: a provider's policy, "which one?", or a search
            found = aspects.asked_of_any(ask.words, ("provider", "career", "course"))
            return self.answer(question_for(found.name) if found else "general", dispatcher, tracker)
        for candidate in (kind, "provider"):
            if found := aspects.asked(ask.words, candidate):
                return self.answer(question_for(found[0].name), dispatcher, tracker)
        return self.answer("description" if kind == "career" else "course_topics", dispatcher, tracker)


class AnswerAction(KnowledgeAction, ABC):
    """``action_answer_<kind>``: answers one kind of question."""

    @property
    @abstractmethod
    def kind(self) -> str: ...

    def name(self) -> str:
        return f"action_answer_{self.kind}"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        ask = ask_from(tracker)
        kind = self.worded(ask.words)
        label = QUESTIONS[kind].label
        named = {self.kb.resolve(m, "career") or m: m for m in ask.entities.get("career", [])}
        if kind == "description" and len(named) > 1:  # "the difference between a nurse and a midwife?": each
            return [event for mention in named.values() for event in self.answer(kind, dispatcher, tracker, mention)]
        other = {"career": "course", "course": "career"}.get(label or "")
        if (
            other
            and kind not in OPTIONAL_SUBJECT
            and not QUESTIONS[kind].default_to_main_career
            and aspects.specific(ask.words, other)
            and not ask.first(label)
            and not tracker.get_slot(label)
            and (ask.first(other) or tracker.get_slot(other))
        ):
            # a career's question about the course discussed ("what jobs can I get with this degree?"), or a
            # course's question naming only a career ("can I become an accountant with this degree?")
            return self.answer_fact(dispatcher, tracker)
        return self.answer(kind, dispatcher, tracker)

    def worded(self, words: str) -> str:
        """The kind of question the words ask, when they ask another than the intent's: any aspect after a
        broad intent ("what do I need to get into the program?": prerequisites, not topics); one the words
        name as a heading would, over an intent they only share a word with ("what credentials can
        actuaries earn?": certifications, not pay)."""
        label = QUESTIONS[self.kind].label or ("career" if self.kind in BROAD else None)
        found = aspects.specific(words, label) if label else None
        if found is None:
            return self.kind
        if self.kind in BROAD:
            return question_for(found.name)
        named = aspects.named(without_owned(words), label)
        if found in named and all(question_for(a.name) != self.kind for a in named):
            return question_for(found.name)
        return self.kind


BROAD = ("description", "course_topics", "courses")
"""Kinds of question that stand for "tell me about it": when the words ask for one aspect, it is answered."""


def _answer_action(kind: str) -> type[AnswerAction]:
    return type(f"AnswerAction_{kind}", (AnswerAction,), {"kind": kind, "__module__": __name__})


ANSWER_ACTIONS = [_answer_action(kind) for kind in INTENT_QUESTIONS]


class FollowUpAction(KnowledgeAction):
    """A bare name or "what about X?": the last kind of question, asked about X."""

    def name(self) -> str:
        return "action_answer_followup"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        ask, kb = ask_from(tracker), self.kb
        last = tracker.get_slot("question")
        named = [label for label in SUBJECT_LABELS if ask.first(label)]
        asked = aspects.specific(ask.words, named[0]) if named and named[0] != "topic" else None
        if asked:  # "the accounting program online?": its format
            return self.answer(question_for(asked.name), dispatcher, tracker)
        if last in QUESTIONS and QUESTIONS[last].label:
            label = QUESTIONS[last].label
            # "and the javascript one?" after a course question: a name tagged as a topic may be a course; one
            # tagged as a course that is one stays one ("the bookkeeping class" after a career's question)
            tagged = {v: tag for tag in ("career", "course") for v in ask.entities.get(tag, [])}
            for value in [ask.first(label)] + [v for values in ask.entities.values() for v in values]:
                other = tagged.get(value, label)
                if value and kb.resolve(value, label) and (other == label or not kb.resolve(value, other)):
                    return self.answer(last, dispatcher, tracker, mention=value)
        if not named and self.names_by_words(tracker, ask):  # "and elementary?": words the tagger did not take
            return self.answer(last, dispatcher, tracker, mention=ask.words)
        fallback = {"career": "description", "course": "course_topics", "topic": "course_for_topic"}
        if named:
            return self.answer(fallback[named[0]], dispatcher, tracker)
        if last in QUESTIONS:
            return self.answer(last, dispatcher, tracker)
        self.say(dispatcher, tracker, replies.which_subject())
        return []


MAX_COMPARED = 5
THEM = re.compile(r"\b(?:them|all|both|the (?:two|three|four|five)|those|these)\b", re.I)
"""Words that make "compare ..." one of the shortlist just given."""


class CompareAction(KnowledgeAction):
    """ "Which pays more, X or Y?": both careers' figures side by side, per metric."""

    def name(self) -> str:
        return "action_answer_compare"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        kb, ask = self.kb, ask_from(tracker)
        careers = []
        for mention in ask.entities.get("career", []):
            career = kb.resolve(mention, "career")
            if career is None:
                self.say(dispatcher, tracker, unknown(kb, "career", mention))
                return []
            careers.append(career)
        careers = list(dict.fromkeys(self.with_elided(ask, careers)))
        listed = tracker.get_slot("shortlist") or []
        back = aspects.BACK.search(ask.text) or THEM.search(ask.text)
        if len(careers) < 2 and len(listed) > 1 and back:
            careers = [c for c in listed if kb.resolve(c, "career") == c][: how_many(ask.text) or MAX_COMPARED]
        courses = list(dict.fromkeys(c for m in ask.entities.get("course", []) if (c := kb.resolve(m, "course"))))
        if not careers and len(courses) < 2 and back:
            courses = [c for c in listed if kb.resolve(c, "course") == c][: how_many(ask.text) or MAX_COMPARED]
        if not careers and len(courses) > 1:  # "compare the two" after a list of courses: a table of them
            reply = guidance_replies.course_table(guide.course_profiles(kb, courses[:MAX_COMPARED]))
            self.say(dispatcher, tracker, reply)
            return shortlisted(reply)
        if len(careers) > 2:  # "compare plumbers, electricians and welders": a table
            reply = guidance_replies.table(guide.profiles(kb, careers[:MAX_COMPARED]))
            self.say(dispatcher, tracker, reply)
            return [SlotSet("career", careers[0]), *shortlisted(reply)]
        if len(careers) == 1 and tracker.get_slot("career") not in (None, careers[0]):
            careers.insert(0, tracker.get_slot("career"))
        if len(careers) == 1 and not aspects.COMPARING.search(ask.text):  # one career, nothing to compare
            return self.answer_fact(dispatcher, tracker)
        if len(careers) < 2:
            self.say(dispatcher, tracker, replies.which_two_careers())
            return []
        first, second = careers[:2]
        metric = kb.resolve(ask.first("metric"), "metric")
        metrics = [metric] if metric else ["salary", "growth"]
        statements = [s for s in kb.salary_comparisons(first) if {s.career, s.other} == {first, second}]
        parts = [replies.comparison(kb.compare(first, second, m), first, second, statements) for m in metrics]
        self.say(dispatcher, tracker, replies.comparisons(parts))
        events: list[EventType] = [SlotSet("career", first)]
        if metric:
            events.append(SlotSet("question", metric if metric == "salary" else "growth"))
        return events

    def with_elided(self, ask: Ask, careers: list[str]) -> list[str]:
        """The careers named, with those a list names before one by sharing its head noun ("compare
        elementary, middle school and high school teachers": three), in the order written."""
        elided = []
        for mention in ask.entities.get("career", []):
            start = ask.text.lower().find(mention.lower())
            if start > 0 and len(mention.split()) > 1:
                for names in coordinated(ask.text, start, mention.split()[-1]):
                    elided += [next((c for n in names if (c := self.kb.resolve(n, "career"))), None)]
        return [*(c for c in elided if c), *careers]


class FactAction(KnowledgeAction):
    """A question about any aspect ("what tools do data scientists use?", "how long is the CNA training?"):
    the aspect is the one the question's words name, for the kind of subject it names or discusses."""

    def name(self) -> str:
        return "action_answer_fact"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return self.answer_fact(dispatcher, tracker)


class ListCareersAction(KnowledgeAction):
    """ "Which careers do you know?": every career, by the document it comes from."""

    def name(self) -> str:
        return "action_answer_list_careers"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        self.say(dispatcher, tracker, replies.careers_known(self.kb.careers_by_document(), self.kb.groups()))
        return []


class SuperlativeAction(KnowledgeAction):
    """ "What is the highest paying job?", "cheapest course": the top few across the KB, on one figure."""

    def name(self) -> str:
        return "action_answer_superlative"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        ask = ask_from(tracker)
        asked = aspects.ranking_asked(ask.words)
        if asked is None:
            self.say(dispatcher, tracker, replies.which_ranking())
            return []
        aspect, highest = asked
        across = aspects.ACROSS.search(ask.words) or aspects.BACK.search(ask.words)
        held = tracker.get_slot(aspect.subject) and not across
        if ask.first(aspect.subject) or held:  # "which industry pays nurses the most?", "and the lowest paid ones?"
            return self.answer(question_for(aspect.name), dispatcher, tracker)
        back = aspects.BACK.search(ask.words)
        listed = set(tracker.get_slot("shortlist") or []) if back else set()
        beside = tracker.get_slot("career") or tracker.get_slot("course") if back and not listed else None
        among = self.kb.ranked(aspect.name, aspect.subject, highest, beside) if beside else []
        if listed:  # "which of those pays the most?": of the shortlist just given
            among = [v for v in self.kb.ranked(aspect.name, aspect.subject, highest) if v.subject in listed]
        ranked = among if len(among) > 1 else self.kb.ranked(aspect.name, aspect.subject, highest)
        self.say(dispatcher, tracker, replies.ranking(aspect.label, ranked, highest))
        if not ranked:
            return []
        return [SlotSet(aspect.subject, ranked[0].subject), SlotSet("question", question_for(aspect.name))]


class FallbackAction(KnowledgeAction):
    """A message the NLU could not place: when it names a career or course, or asks about an aspect of
    the one under discussion, the answer on the aspect its words ask about; else the sentences that share its
    rare words (of the one under discussion first); else say so, and record it for the operators."""

    def name(self) -> str:
        return "action_fallback"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        ask = ask_from(tracker)
        if chosen := from_shortlist(self.kb, tracker, "career"):  # "tell me more about the second one"
            return self.answer("description", dispatcher, tracker, mention=chosen)
        if ask.first("career") or ask.first("course"):  # a name it knows: answer on what the words ask
            return self.answer_fact(dispatcher, tracker)
        if self.names_by_words(tracker, ask):  # "and elementary?": the last question, about it
            return self.answer(tracker.get_slot("question"), dispatcher, tracker, mention=ask.words)
        held = tracker.get_slot("career") or tracker.get_slot("course")
        if held and any(aspects.asked(ask.words, kind) for kind in ("career", "course", "provider")):
            return self.answer_fact(dispatcher, tracker)  # "so what's the total cost?": of the one discussed
        kind = "career" if tracker.get_slot("career") else "course"
        said = self.kb.search(ask.words, 2, held, kind, distinctive=True) if held else []
        if said := said or self.kb.search(ask.words, 2, distinctive=True):  # what the documents say of its words
            self.say(dispatcher, tracker, replies.quoted(said, replies.NOT_FOUND))
            return []
        self.nothing_found(dispatcher, tracker)
        return []

    def nothing_found(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        self.say(dispatcher, tracker, replies.Reply(replies.FALLBACK, unanswered="not understood"))


class OutOfScopeAction(FallbackAction):
    """A message the NLU places outside what the bot is for: first what the documents say of its own words
    (a question about a job WordNet does not know can read as out of scope), else the polite refusal."""

    def name(self) -> str:
        return "action_out_of_scope"

    def nothing_found(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        dispatcher.utter_message(response="utter_out_of_scope")


class SmallTalkAction(KnowledgeAction):
    """Greetings, thanks, goodbyes, "what can you do?" and "are you a bot?": the domain's response for the
    intent. An action rather than the response alone, so that while a "help me choose" question is pending an
    answer the NLU took for small talk ("hi, design I guess") still answers it (``answers_pending``)."""

    RESPONSES = {"greet": "utter_greet", "goodbye": "utter_goodbye", "thanks": "utter_welcome",
                 "help": "utter_help", "bot_challenge": "utter_iamabot"}  # fmt: skip

    def name(self) -> str:
        return "action_small_talk"

    def answers_pending(self, tracker: Tracker) -> bool:
        """Only a message that gives an answer in words ("hi, computers I guess"): a bare "bye" or "thanks"
        gets its response, and the question stays pending."""
        pending = tracker.get_slot("choosing")
        return bool(pending) and read_choice(pending, tracker.latest_message.get("text") or "") is not None

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        dispatcher.utter_message(response=self.RESPONSES.get(intent or "", "utter_help"))
        return []
