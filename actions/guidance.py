"""The actions that guide a visitor who doesn't know yet: careers for what they like and need, the
courses on the way to a career, careers near the one they have, a table of careers, and "help me
choose". Each reads the tracker, asks ``kb.guide`` / the query API, and sends the formatted reply."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import guidance_replies, replies
from actions.actions import HELP_ME_CHOOSE, SUGGEST, KnowledgeAction, ask_from, read_choice, shortlisted
from kb import guide, interests, needs
from kb.interests import Interest
from kb.matching import framed_job, number_typed
from kb.needs import Need
from kb.query import KnowledgeBase


class SuggestAction(KnowledgeAction):
    """ "I like helping people, what career suits me?", "jobs without a degree that pay over $50,000",
    "online courses under $1,000": the careers (or courses) that fit the interests and meet the needs the
    message states (or a button chose); with none stated, the interests to choose from."""

    def name(self) -> str:
        return SUGGEST

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        chosen = set(tracker.get_latest_entity_values("interest"))
        wanted = [i for i in interests.INTERESTS if i.name in chosen] or interests.interests_in(text)
        stated = needs.needs_in(text)
        if needs.kind_of(stated) == "course" and not wanted:
            reply = guidance_replies.courses(guide.courses_meeting(self.kb, stated), self.kb.courses())
        else:
            reply = careers_for(self.kb, wanted, stated, text)
        self.say(dispatcher, tracker, reply)
        return shortlisted(reply)


def careers_for(kb: KnowledgeBase, wanted: list[Interest], stated: list[Need], text: str = "") -> replies.Reply:
    """The shortlist for interests and needs (ranked by the visitor's own words in ``text`` too), with the
    courses that fit; with neither, the interests to choose from."""
    said = interests.own_words(text)
    found = guide.shortlist(kb, wanted, stated, said=said) if wanted or stated else guide.Shortlist([], {}, [])
    shown = [i.name for i in interests.INTERESTS] if not wanted else guide.interests_shown(kb)
    courses = guide.courses_on_the_way(kb, wanted, stated, [s.career for s in found.picks], said)
    liked = interests.states_a_liking(text)
    return guidance_replies.shortlist([i.name for i in wanted], found, shown, kb.careers(), liked, courses)


class PathAction(KnowledgeAction):
    """ "I know HTML and CSS, how do I become a back end developer?": the courses on the way, with their
    price and length and the totals; for a career no course of the documents prepares for (or one they
    lack), what they say on its education."""

    def name(self) -> str:
        return "action_course_path"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        ask = ask_from(tracker)
        if named := self.courses_totalled(tracker, ask):  # "the CNA training, then the pharmacy certificate"
            reply = guidance_replies.path(guide.named_path(self.kb, named, ask.text))
            self.say(dispatcher, tracker, reply)
            return shortlisted(reply)
        career = career_asked(self.kb, tracker)
        if career is None or not self.kb.courses_for_career(career):
            return self.answer("education", dispatcher, tracker)
        reply = guidance_replies.path(guide.course_path(self.kb, career, ask.text))
        self.say(dispatcher, tracker, reply)
        return [SlotSet("career", career), *shortlisted(reply)]


def career_asked(kb: KnowledgeBase, tracker: Tracker) -> str | None:
    """The career a message names (of the names tagged, the first the KB knows: "I'm a student and want to
    become a pharmacy tech"; else the job it frames), or the one under discussion when it names none."""
    ask = ask_from(tracker)
    named = [c for m in ask.entities.get("career", []) if (c := kb.resolve(m, "career"))]
    framed = framed_job(ask.text)
    career = next(iter(named), None) or (kb.resolve(framed, "career") if framed else None)
    return career or (None if ask.entities.get("career") or framed else tracker.get_slot("career"))


class HelpChooseAction(KnowledgeAction):
    """ "Help me choose": at most three short questions (what they enjoy, how long they will study, what
    they need to earn), each answered by a button, a number or in words, then the shortlist. A first message
    that already says what they like or need ("I don't want to go to university: what can I do?") gets the
    shortlist straight away."""

    ORDER = ("interest", "study", "pay")
    SLOTS = {asking: f"choose_{asking}" for asking in ORDER}

    def name(self) -> str:
        return HELP_ME_CHOOSE

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        asking = tracker.get_slot("choosing")
        if not asking and (needs.needs_in(text) or interests.interests_in(text)):  # said enough to answer
            return self.hand_over(SUGGEST, dispatcher, tracker, domain)
        answers = {a: tracker.get_slot(slot) for a, slot in self.SLOTS.items()} if asking else {}
        for a in self.ORDER:
            given = next(iter(tracker.get_latest_entity_values(a)), None) or self.read(a, text, asking == a)
            if given:
                answers[a] = given
        events: list[EventType] = [SlotSet(slot, answers.get(a)) for a, slot in self.SLOTS.items()]
        left = [a for a in self.ORDER if not answers.get(a)]
        if left:
            self.say(dispatcher, tracker, guidance_replies.question(left[0], self.options(left[0])))
            return [*events, SlotSet("choosing", left[0])]
        wanted = [i for i in interests.INTERESTS if i.name == answers["interest"]]
        stated = [need for a in ("study", "pay") if (need := self.need(a, answers[a]))]
        reply = careers_for(self.kb, wanted, stated)
        self.say(dispatcher, tracker, reply)
        return [*[SlotSet(slot, None) for slot in self.SLOTS.values()], SlotSet("choosing", None), *shortlisted(reply)]

    def options(self, asking: str) -> list[tuple[str, str]]:
        """The answers to offer: the interests some career of the documents shows; the lengths of study;
        pay figures the documents give, at a third and two thirds of the way up."""
        if asking == "interest":
            return [(name.capitalize(), name) for name in guide.interests_shown(self.kb)] + [("Anything", "any")]
        if asking == "study":
            return [(name.capitalize(), name) for name in needs.STUDY_ANSWERS] + [("Doesn't matter", "any")]
        pay = sorted(v.number for v in self.kb.ranked("pay", "career"))
        marks = sorted({pay[len(pay) // 3], pay[2 * len(pay) // 3]}) if pay else []
        return [(f"At least {replies.dollars(m)} a year", f"{m:g}") for m in marks] + [("Doesn't matter", "any")]

    def read(self, asking: str, text: str, pending: bool) -> str | None:
        """An answer in words (or, to the question pending, a number or "anything") to one question."""
        if pending and (index := number_typed(text)) is not None:
            options = self.options(asking)
            return options[index][1] if 0 <= index < len(options) else None
        if pending and needs.no_preference(text):
            return "any"
        if asking == "pay" and not pending:  # said along with another answer: only as a need ("over $50,000")
            paid = next((n for n in needs.needs_in(text) if n.rule == "pay"), None)
            return f"{paid.least:g}" if paid and paid.least else None
        return read_choice(asking, text)

    def need(self, asking: str, answer: str) -> Need | None:
        if answer == "any":
            return None
        if asking == "study":
            return needs.study_need(answer)
        amount = float(answer)
        return Need("pay", f"paying at least {replies.dollars(amount)}", least=amount)


GUIDANCE_ACTIONS = (SuggestAction, PathAction, HelpChooseAction)
