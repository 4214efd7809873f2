"""The guidance actions on the KB of the test corpus: needs as filters, a table of careers (a real table on
the widget, columns elsewhere), the shortlist the conversation holds, the courses on the way to a career
with their totals, careers near one, and "help me choose" answered by buttons, numbers or words."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.unit


def test_needs_filter_careers_and_each_kept_one_shows_why(ask) -> None:
    reply = ask("action_suggest_careers", "jobs that don't need a degree")
    assert reply.text.startswith("Careers in my documents needing no degree:")
    kept = [line for line in reply.text.splitlines() if line[:1].isdigit()]
    assert len(kept) == 5 and all("needing no degree: “" in line for line in kept)  # each with its reason
    assert "Actuar" not in reply.text and "Source: " in reply.text


def test_course_needs_list_the_courses_that_meet_them(ask) -> None:
    reply = ask("action_suggest_careers", "online courses under $1,000")
    assert "Intro to Python" in reply.text and "Bookkeeping Fundamentals" in reply.text
    assert "UX Design Bootcamp" not in reply.text  # online, but $7,900


def test_three_careers_compared_in_one_table_a_real_one_on_the_widget(ask) -> None:
    named = {"career": ["pharmacists", "pharmacy technicians", "registered nurses"]}
    widget = ask("action_answer_compare", "compare pharmacists, pharmacy technicians and registered nurses", named,
                 channel="socketio")  # fmt: skip
    (table,) = [m["custom"]["data"]["table"] for m in widget.messages if m.get("custom")]
    assert table["columns"][:3] == ["Career", "Pay", "Job growth"]
    assert [row[0] for row in table["rows"]] == ["Pharmacist", "Pharmacy Technician", "Registered Nurse"]
    shell = ask("action_answer_compare", "compare pharmacists, pharmacy technicians and registered nurses", named,
                channel="cmdline")  # fmt: skip
    assert "Career" in shell.text and "$136,030" in shell.text
    assert widget.slots["shortlist"] == ["Pharmacist", "Pharmacy Technician", "Registered Nurse"]


def test_the_shortlist_answers_which_of_those_and_the_second_one(ask) -> None:
    held = {"shortlist": ["Pharmacist", "Pharmacy Technician", "Registered Nurse"]}
    best = ask("action_answer_superlative", "which of those pays the most?", slots=held)
    assert best.text.splitlines()[1].startswith("1. Pharmacist")
    second = ask("action_answer_salary", "what does the second one earn?", slots=held)
    assert "Pharmacy Technician" in second.text


def test_a_path_gives_the_course_its_price_and_length_and_the_discount_a_visitor_has(ask) -> None:
    reply = ask("action_course_path", "I'm a veteran and want to become a pharmacy technician",
                {"career": "pharmacy technician"})  # fmt: skip
    assert "Pharmacy Technician Certificate ($3,495; 16 weeks)" in reply.text
    assert "Total: $2,970.75" in reply.text and "15 percent off" in reply.text


def test_careers_near_a_job_share_what_their_documents_name(ask) -> None:
    reply = ask("action_answer_related", "I'm a plumber, what else could I do?", {"career": "plumber"})
    assert reply.text.startswith("Careers in my documents that share the most with Plumbers:")
    assert "Developer" not in reply.text and "Source: " in reply.text


def test_the_visitors_own_skills_do_not_turn_moving_on_into_a_skills_question(ask) -> None:
    said = "I'm a software developer and I'm bored. What else could I do with my skills?"
    reply = ask("action_answer_related", said, {"career": "software developer"})
    assert reply.text.startswith("Careers in my documents that share the most with Software Developers:")


def test_help_me_choose_asks_three_questions_answered_by_number_button_and_words(ask) -> None:
    first = ask("action_help_me_choose", "help me choose a career", channel="cmdline")
    assert first.text.startswith("What do you enjoy most?\n1. Helping people")
    second = ask("action_help_me_choose", "1", slots=first.slots)
    assert second.text.startswith("How long are you willing to study")
    assert second.slots["choose_interest"] == "helping people"
    third = ask("action_help_me_choose", "/help_me_choose", {"study": "a few months"}, slots=second.slots)
    assert third.text.startswith("What do you need to earn?") and "Doesn't matter" in third.buttons
    last = ask("action_help_me_choose", "it doesn't matter", slots=third.slots)
    assert last.text.startswith("Careers in my documents that fit helping people, needing a few months of study")
    assert "Pharmacy Technician" in last.text and "Registered Nurse" not in last.text
    assert last.slots["choosing"] is None


def test_help_me_choose_answers_at_once_when_the_first_message_says_enough(ask) -> None:
    reply = ask("action_help_me_choose", "I don't want to go to university, what can I do?")
    assert reply.text.startswith("Careers in my documents needing no degree:")
    assert reply.slots.get("choosing") is None


def test_a_liking_asked_as_a_way_in_gets_the_careers_that_fit_it(ask) -> None:
    liked = ask("action_course_path", "I love computers and coding, what should I look into?", {"career": "computers"})
    assert liked.text.startswith("Careers in my documents that fit computers and technology:")
    assert "Pharmacist" not in liked.text


def test_while_a_question_is_pending_another_action_hands_the_answer_over(ask) -> None:
    pending = {"choosing": "interest"}
    handed = ask("action_answer_description", "computers", {"career": "computers"}, slots=pending)
    assert handed.text.startswith("How long are you willing to study")
    assert handed.slots["choose_interest"] == "computers and technology"


def test_an_answer_in_words_naming_a_course_still_answers_the_pending_question(ask) -> None:
    pending = {"choosing": "study", "choose_interest": "creative work"}
    said = "I could do a bootcamp of a few months, not a degree"
    handed = ask("action_answer_fact", said, {"course": "bootcamp"}, slots=pending)
    assert handed.text.startswith("What do you need to earn?")
    assert handed.slots["choose_study"] == "a few months"


def test_small_talk_gets_its_response_and_while_a_question_is_pending_answers_it(ask) -> None:
    assert ask("action_small_talk", "hello there", intent="greet").messages[0]["response"] == "utter_greet"
    pending = {"choosing": "interest"}
    handed = ask("action_small_talk", "hi, design I guess", intent="greet", slots=pending)
    assert handed.text.startswith("How long are you willing to study")
    assert handed.slots["choose_interest"] == "creative work"
    thanked = ask("action_small_talk", "thanks", intent="thanks", slots=pending)
    assert thanked.messages[0]["response"] == "utter_welcome" and "choosing" not in thanked.slots


def test_named_courses_get_their_total_and_a_discount_said_later_applies_to_the_courses_listed(ask) -> None:
    named = {"course": ["CNA training", "pharmacy technician certificate"]}
    said = "the CNA training and then the pharmacy technician certificate: how much in total?"
    both = ask("action_answer_fact", said, named)
    assert "Total: $4,945, 21 weeks." in both.text
    held = {"shortlist": both.slots["shortlist"]}
    veteran = ask("action_answer_salary", "I'm a veteran, what's the total for both then?", slots=held)
    assert "Total: $4,203.25" in veteran.text  # 15 percent off $4,945


def test_courses_listed_are_compared_in_a_table_and_beginners_get_courses_that_ask_nothing(ask) -> None:
    listed = ask("action_suggest_careers", "which courses can I take with no experience?")
    assert "Intro to Python" in listed.text and "Pharmacy Technician Certificate" not in listed.text
    cheap = ask("action_suggest_careers", "online courses under $1,000")
    table = ask("action_answer_compare", "compare the two", slots={"shortlist": cheap.slots["shortlist"]})
    assert "Intro to Python" in table.text and "$650" in table.text and "6 weeks" in table.text


def test_a_liking_of_a_field_gets_careers_that_show_it_and_the_courses_that_fit(ask) -> None:
    liked = ask("action_answer_related", "I'm into cybersecurity, I'd love a job stopping hackers",
                {"career": ["cybersecurity"]})  # fmt: skip
    assert liked.text.startswith("Careers in my documents that fit computers and technology and keeping people safe:")
    first = liked.text.splitlines()[1]
    assert "Security" in first and "Developer" not in first
    healthcare = ask("action_suggest_careers", "I want to work in healthcare but I can only train for a few months")
    assert "Courses in my documents that fit: Certified Nursing Assistant (CNA) Training ($1,450; 5 weeks)" in (
        healthcare.text
    )
