"""Answers from documents of other styles and fields: any aspect, the careers known, rankings across the
KB, and never another career's figures for one the documents lack."""

from __future__ import annotations

import re

import pytest

from kb import aspects

pytestmark = pytest.mark.unit


def test_a_question_on_any_aspect_is_answered_from_its_section(ask) -> None:
    r = ask("action_answer_fact", "what education do registered nurses need?", {"career": "registered nurses"})
    assert "Bachelor of Science in Nursing (BSN)" in r.text
    assert "Source: " in r.text and "Registered Nurses, “How to Become a Registered Nurse”" in r.text
    assert r.slots == {"question": "education", "career": "Registered Nurse"}


def test_the_words_of_the_question_pick_the_sentences(ask) -> None:
    r = ask("action_answer_fact", "what hours do nurses work, nights?", {"career": "registered nurse"})
    assert "rotating shifts" in r.text and "nights, weekends, and holidays" in r.text


def test_a_course_question_gets_the_course_figure(ask) -> None:
    r = ask(
        "action_answer_fact",
        "how long is the pharmacy technician certificate?",
        {"course": "pharmacy technician certificate"},
    )
    assert "16 weeks" in r.text and "Lakeside Skills Academy Course Catalog" in r.text
    price = ask(
        "action_answer_fact",
        "and how much does it cost?",
        slots=r.slots | {"course": "Pharmacy Technician Certificate"},
    )
    assert "$3,495" in price.text


def test_a_provider_policy_is_answered_without_naming_a_course(ask) -> None:
    r = ask("action_answer_fact", "can I get a refund if I withdraw?")
    assert "refund" in r.text.lower() and "Source:" in r.text


def test_tools_from_a_list_under_its_heading(ask) -> None:
    r = ask("action_answer_fact", "what tools do site reliability engineers use?", {"career": "SREs"})
    assert "Prometheus and Grafana" in r.text


def test_when_the_documents_say_nothing_they_say_so_and_what_they_have(ask) -> None:
    r = ask("action_answer_fact", "do data scientists need a license?", {"career": "data scientists"})
    assert r.text.startswith("My documents don't say anything about Data Scientists on licenses and exams.")
    assert "pay" in r.text and "$" not in r.text


def test_an_unknown_career_is_never_answered_with_a_similar_ones_figures(ask) -> None:
    r = ask("action_answer_salary", "Cloud Architect salary?", {"career": "Cloud Architect"})
    assert "I don't have “Cloud Architect” in my documents" in r.text
    assert "Did you mean" in r.text and "$" not in r.text
    assert r.slots == {"question": "salary"}  # no career taken up


def test_careers_known_are_listed_by_document(ask) -> None:
    text = ask("action_answer_list_careers", "which careers do you know?").text
    assert re.match(r"I know about \d+ careers, from \d+ document\(s\):", text)
    assert "Registered Nurses: " in text and "Actuary" in text and "Welder" in text


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("what is the highest paying job?", "Cloud Security Engineer"),
        ("which is the cheapest course?", "Intro to Python"),
        ("fastest growing career?", "Data Scientist"),
    ],
)
def test_rankings_across_the_kb(ask, question: str, first: str) -> None:
    r = ask("action_answer_superlative", question)
    assert r.text.splitlines()[1].startswith(f"1. {first}: "), r.text
    assert "Source:" in r.text


def test_which_of_these_ranks_among_the_subjects_of_the_page_under_discussion(ask) -> None:
    """After a teacher's pay, "which of these pays the most?" ranks the teachers of that page only."""
    r = ask("action_answer_superlative", "which of these pays the most?", slots={"career": "Middle School Teacher"})
    ranked = [line.split(":")[0] for line in r.text.splitlines()[1:] if line[:1].isdigit()]
    assert ranked[0] == "1. High School Teacher" and all("Teacher" in name for name in ranked), r.text


def test_a_ranking_sets_the_top_subject_for_follow_ups(ask) -> None:
    r = ask("action_answer_superlative", "which course is the cheapest?")
    assert r.slots == {"course": "Intro to Python", "question": "price"}


def test_questions_the_documents_cannot_answer_are_recorded(corpus_kb) -> None:
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions import actions_for

    recorded = []
    actions = {a.name(): a for a in actions_for(corpus_kb, lambda *args: recorded.append(args))}

    def turn(action: str, text: str, entities: list[dict] | None = None) -> None:
        tracker = Tracker(
            "visitor-7",
            {},
            {"text": text, "entities": entities or [], "intent": {}},
            [{"event": "user", "text": text, "input_channel": "socketio"}],
            False,
            None,
            {},
            None,
        )
        actions[action].run(CollectingDispatcher(), tracker, {})

    turn("action_answer_salary", "what does a zoologist earn?", [{"entity": "career", "value": "zoologist"}])
    turn("action_fallback", "asdf qwerty")
    turn(
        "action_answer_salary",
        "what does a registered nurse earn?",
        [{"entity": "career", "value": "registered nurse"}],
    )
    assert recorded == [
        ("what does a zoologist earn?", "socketio", "visitor-7", "unknown career"),
        ("asdf qwerty", "socketio", "visitor-7", "not understood"),
    ]


def test_a_school_the_documents_lack_gets_no_other_schools_policy(ask) -> None:
    r = ask("action_answer_fact", "where is Harborview Driving Academy located?")
    assert "I don't have “Harborview Driving Academy” in my documents" in r.text
    named = ask("action_answer_fact", "where is Lakeside Skills Academy located?")
    assert "Lakeside Skills Academy" in named.text and "Cedar Ridge" not in named.text


def test_a_follow_up_with_nothing_to_go_on_asks_which_rather_than_quoting_another_document(ask) -> None:
    r = ask("action_answer_fact", "and the top 10 percent?")
    assert r.text.startswith("Which career?") and "$" not in r.text


def test_an_abbreviation_is_spelt_out_from_where_a_document_defines_it(ask) -> None:
    r = ask("action_answer_general", "what does an RN mean?")
    assert "Registered nurses (RNs)" in r.text and "Source: Registered Nurses" in r.text


def test_a_compare_question_about_one_career_is_answered_for_it(ask) -> None:
    r = ask(
        "action_answer_compare", "where does the cloud engineer salary figure come from?", {"career": "cloud engineer"}
    )
    assert "$128,000" in r.text and "Which two careers" not in r.text


def test_the_aspect_the_words_name_wins_over_the_intents(ask) -> None:
    r = ask("action_answer_salary", "what credentials can actuaries earn?", {"career": "actuaries"})
    assert "ASA" in r.text and r.slots["question"] == "certifications"


def test_how_long_it_takes_to_become_one_is_answered_from_its_education(ask) -> None:
    r = ask("action_answer_fact", "how long does it take to become a fellow actuary?", {"career": "actuary"})
    assert "7 to 10 years" in r.text


def test_what_a_job_does_is_its_overview_then_its_duties(ask) -> None:
    r = ask("action_answer_description", "what does a site reliability engineer do?", {"career": "SRE"})
    assert r.text.startswith("Site reliability engineers (SREs) use software engineering") and "error budgets" in r.text


def test_a_family_of_one_documents_careers_gets_what_that_document_says(ask) -> None:
    pay = ask("action_answer_salary", "what do nurses earn?", {"career": "nurses"})
    assert pay.text.startswith("I don't have “nurses” in my documents") and "Did you mean" in pay.text
    r = ask("action_answer_fact", "do teachers get summers off?", {"career": "teachers"})
    assert "2-month break" in r.text and "Source: Teaching Careers" in r.text
    assert {"High School Teacher", "Middle School Teacher"} <= set(r.buttons)


def test_nothing_on_the_aspect_says_so_then_what_is_filed_next_to_it(ask) -> None:
    r = ask(
        "action_answer_fact", "do cloud security engineers need a state license?", {"career": "cloud security engineer"}
    )
    assert r.text.startswith("My documents don't say anything about Cloud Security Engineers on licenses and exams")
    assert "CompTIA Security+" in r.text


def test_a_message_not_understood_about_the_subject_under_discussion_is_answered(ask) -> None:
    program = "Accounting, Associate in Applied Science (A.A.S.)"
    r = ask("action_fallback", "so what's the total cost?", slots={"course": program, "question": "price"})
    assert "$10,980" in r.text


def test_a_sentence_sharing_the_questions_own_words_comes_before_the_figures(ask) -> None:
    r = ask("action_answer_salary", "can high school teachers earn extra money?", {"career": "high school teachers"})
    assert "coaching" in r.text.split("\n")[0][:200]


def test_a_course_named_after_a_career_question_is_taken_as_the_course(ask) -> None:
    slots = {"career": "Bookkeeping Clerk", "question": "price"}
    r = ask("action_answer_followup", "what about the bookkeeping class?", {"course": "bookkeeping class"}, slots)
    assert "$895" in r.text and r.slots["course"] == "Bookkeeping Fundamentals"


def test_with_no_subject_the_aspect_named_outright_wins(ask) -> None:
    r = ask("action_answer_fact", "whats the price of the electrical pre-apprenticeship")
    assert "$2,850" in r.text and r.slots["question"] == "price"


def test_the_one_course_teaching_a_topic_is_the_one_a_follow_up_asks_about(ask) -> None:
    r = ask(
        "action_answer_course_for_topic", "which class covers dosage calculations?", {"topic": "dosage calculations"}
    )
    assert r.slots.get("course") == "Pharmacy Technician Certificate", r.text
    price = ask("action_answer_fact", "how much does it cost?", slots=r.slots)
    assert "Pharmacy Technician Certificate" in price.text and "$3,495" in price.text


def test_places_dates_labels_and_course_codes_are_not_topics(corpus_kb) -> None:
    topics = set(corpus_kb.topics())
    assert not topics & {"September", "Tuition", "Length", "Format", "Hybrid", "Next", "ACC", "BUS"}
    assert {"Python", "Django", "QuickBooks Online", "Dosage calculations"} <= topics


def test_two_careers_named_in_a_what_is_question_are_each_described(ask) -> None:
    r = ask(
        "action_answer_description",
        "What is the difference between a UX designer and a UX researcher?",
        {"career": ["UX designer", "UX researcher"]},
    )
    assert len(r.messages) == 2 and "UX designer shapes" in r.messages[0]["text"]
    assert "researcher" in r.messages[1]["text"].lower() and r.slots["career"] == "UX Researcher"


def test_where_a_school_the_documents_lack_is_never_another_schools_address(ask) -> None:
    r = ask("action_answer_provider", "where is Mile Marker Driving Academy located?")
    assert r.text.startswith("I don't have “Mile Marker Driving Academy” in my documents") and "Ohio" not in r.text
    named = ask("action_answer_provider", "where is Cedar Ridge Community College?")
    assert "Millbrook, Ohio" in named.text and "Lakeside" not in named.text


def test_an_hourly_figure_reads_an_hour(ask) -> None:
    r = ask(
        "action_answer_fact", "what do registered nurses earn an hour in a hospital?", {"career": "registered nurses"}
    )
    assert "an hour" in r.text and " a hour" not in r.text


def test_a_name_the_documents_write_about_but_do_not_present_gets_what_they_say_of_it(ask) -> None:
    r = ask("action_answer_skills", "what do I need to become a CPA?", {"career": "CPA"})
    assert r.text.startswith("I don't have “CPA” as a career of its own in my documents, but they say: ")
    assert "150 semester hours" in r.text and "Source: " in r.text


def test_a_course_question_naming_only_a_rare_word_gets_the_courses_teaching_it(ask) -> None:
    r = ask("action_answer_course_topics", "do they teach quickbooks?")
    assert r.text.startswith("QuickBooks is taught in the Computerized Accounting with QuickBooks")
    assert "Bookkeeping Fundamentals" in r.text


def test_a_rare_word_of_a_course_name_names_the_course(ask) -> None:
    r = ask("action_answer_fact", "and the price of the pre-apprenticeship?")
    assert "$2,850" in r.text and r.slots.get("course") == "Electrical Pre-Apprenticeship Program"


def test_a_sentence_closer_to_the_question_than_the_aspects_facts_leads(ask) -> None:
    slots = {"career": "Pharmacy Technician", "question": "certifications"}
    r = ask("action_answer_fact", "how much continuing education do they need?", slots=slots)
    assert "20 hours" in r.text.split("\n")[0]


def test_the_college_is_the_one_college_of_the_documents(ask) -> None:
    r = ask("action_answer_fact", "does the college have student housing?")
    assert r.text.startswith("My documents don't say anything about the Cedar Ridge Community College on that.")
    assert "$" not in r.text
    located = ask("action_answer_fact", "where is the college?")
    assert "Millbrook, Ohio" in located.text and "Lakeside" not in located.text and "Noble" not in located.text
    refund = ask("action_answer_fact", "what is the college's refund policy?")
    assert "Cedar Ridge Community College" in refund.text and "Lakeside" not in refund.text
    demand = ask("action_answer_fact", "where are the jobs for nurses?", {"career": "nurses"})
    assert "Millbrook" not in demand.text
    assert not aspects.asked("is the program quite expensive?", "provider")


def test_a_common_word_is_no_topic_and_one_courses_name_is_that_course(ask) -> None:
    r = ask("action_answer_course_topics", "what should I major in to teach elementary school?")
    assert "is taught in" not in r.text
    topics = ask("action_answer_course_topics", "what topics does the electrical pre-apprenticeship cover")
    assert "National Electrical Code" in topics.text


def test_an_award_written_as_a_label_is_answered(ask) -> None:
    r = ask("action_answer_course_awards", "has the UX bootcamp won any awards?", {"course": "UX bootcamp"})
    assert "Best Online UX Bootcamp" in r.text


def test_a_course_the_words_name_wins_over_the_one_held(ask) -> None:
    slots = {"course": "Bookkeeping Fundamentals", "question": "price"}
    r = ask("action_answer_fact", "and the price of the pre-apprenticeship?", slots=slots)
    assert "$2,850" in r.text and "$895" not in r.text


def test_with_a_course_held_the_course_list_is_still_the_course_list(ask) -> None:
    r = ask("action_answer_courses", "what courses do you offer?", slots={"course": "Intro to Python"})
    assert r.text.startswith("The courses in my documents: ")


def test_an_unknown_career_beside_a_known_one_is_said_to_be_missing(ask) -> None:
    r = ask(
        "action_answer_description",
        "what is the difference between a UX designer and a banana farmer?",
        {"career": ["UX designer", "banana farmer"]},
    )
    assert "UX designer shapes" in r.messages[0]["text"]
    assert r.messages[1]["text"].startswith("I don't have “banana farmer” in my documents")


def test_a_job_no_document_has_is_said_to_be_missing_by_where_the_question_puts_it(ask) -> None:
    """WordNet lacks "zookeeper": the question's own shape names it, and the career discussed is not
    answered for instead."""
    r = ask("action_answer_salary", "how much does a zookeeper earn?", slots={"career": "Registered Nurse"})
    assert "I don't have “zookeeper”" in r.text and "$" not in r.text


def test_an_out_of_scope_message_gets_what_the_documents_say_of_its_words_else_the_refusal(ask) -> None:
    """A question about a job WordNet lacks can read as out of scope: the documents' own sentence answers it;
    the weather does not."""
    r = ask("action_out_of_scope", "what are the praxis exams?")
    assert "Praxis" in r.text and "Source:" in r.text
    r = ask("action_out_of_scope", "what's the weather in Paris?")
    assert [m.get("response") for m in r.messages] == ["utter_out_of_scope"]
