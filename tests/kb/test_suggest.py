"""Suggestions for interests: the documents' careers whose own sentences show the interests asked, ranked,
each with the sentence that shows it; a career the documents don't support is never suggested."""

from __future__ import annotations

import pytest

from kb import interests
from kb.interests import INTERESTS, interests_in
from kb.query import KnowledgeBase
from tests.conftest import build_kb

pytestmark = pytest.mark.unit

CARE = """Care Careers

Home Health Aides
Home health aides help patients with daily care in their homes, and report changes in a patient's health.
Home health aides earn a median annual wage of $33,530.

Software Developers
Software developers write code for computer programs and test software. Some travel to meet clients.
Software developers earn a median annual wage of $132,270.
"""
OUTDOORS = """Outdoor Work

Forest Workers
Forest workers spend most of the day outdoors, in all weather, planting trees in the forest.

Accountants
Accountants prepare financial statements and check calculations for accuracy.

Delivery Drivers
Delivery drivers drive a truck over set routes all day, and travel from stop to stop delivering goods.
"""
TECH = """Computer Careers

Network Administrators
Network administrators keep an organization's computer networks and software running.

Web Designers
Web designers plan how websites and apps look on a computer, and make them easy to use.
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    source = tmp_path_factory.mktemp("sources")
    (source / "care.txt").write_text(CARE, encoding="utf-8")
    (source / "outdoors.txt").write_text(OUTDOORS, encoding="utf-8")
    (source / "tech.txt").write_text(TECH, encoding="utf-8")
    paths = [source / name for name in ("care.txt", "outdoors.txt", "tech.txt")]
    return KnowledgeBase(build_kb(tmp_path_factory.mktemp("kb"), *paths))


def test_visitors_words_name_their_interests() -> None:
    assert [i.name for i in interests_in("I like maths and working alone, what career suits me?")] == [
        "maths and numbers",
        "working alone",
    ]
    assert [i.name for i in interests_in("I enjoy helping people")] == ["helping people"]
    assert interests_in("what does a nurse earn?") == []


def test_an_interest_one_career_shows_ranks_it_first_with_the_sentence_that_shows_it(kb: KnowledgeBase) -> None:
    (first, *_) = kb.suggest(interests_in("I like helping people"))
    assert first.career == "Home Health Aide"
    assert "patients with daily care" in first.reason.text and first.reason.source.document == "care.txt"
    assert first.pay is not None and first.pay.amount == 33530


def test_each_interest_reaches_the_career_whose_work_shows_it(kb: KnowledgeBase) -> None:
    assert kb.suggest(interests_in("I love computers"))[0].career == "Software Developer"
    assert kb.suggest(interests_in("I'm good at maths"))[0].career == "Accountant"
    assert [s.career for s in kb.suggest(interests_in("I want to work outdoors"))] == ["Forest Worker"]


def test_a_career_mentioning_an_interest_in_passing_is_not_suggested_for_it(kb: KnowledgeBase) -> None:
    assert [s.career for s in kb.suggest(interests_in("I like driving and travel"))] == ["Delivery Driver"]


def test_an_interest_no_document_supports_yields_no_career(kb: KnowledgeBase) -> None:
    creative = [i for i in INTERESTS if i.name == "creative work"]
    assert kb.suggest(creative) == []
    assert kb.suggest([]) == []


def test_the_visitors_own_words_rank_the_careers_that_show_their_interest(kb: KnowledgeBase) -> None:
    said = "I like figuring out how to make apps easy to use. Is there a career in that?"
    computers = interests_in(said)
    assert {s.career for s in kb.suggest(computers)} >= {"Web Designer", "Network Administrator"}
    (first, *_) = kb.suggest(computers, said=interests.own_words(said))
    assert first.career == "Web Designer" and "easy to use" in first.reason.text


def test_a_liking_of_a_field_is_not_a_job_named() -> None:
    assert interests.likes_a_field("I'm into cybersecurity, I'd love a job stopping hackers", ["cybersecurity"])
    assert not interests.likes_a_field("I love nursing, what do nurses earn?", ["nurses"])
    assert not interests.likes_a_field("I love nursing, how do I become an RN?", ["RN"])
    assert not interests.likes_a_field("what is cybersecurity?", ["cybersecurity"])
