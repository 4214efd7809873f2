"""Every custom action, through real Trackers against a real KB built from the shipped document."""

from __future__ import annotations

import re

import pytest
import yaml

from bot import settings

pytestmark = pytest.mark.unit

CITE = "Source: Back End Developer Careers"


def test_every_domain_action_is_registered(executor) -> None:
    domain = yaml.safe_load((settings.ROOT / "domain.yml").read_text())
    custom = [a for a in domain["actions"] if a.startswith("action_")]
    assert sorted(custom) == sorted(executor.actions)


class TestSalary:
    def test_named_career(self, run) -> None:
        r = run("action_answer_salary", "what does a database architect earn?", {"career": "database architect"})
        assert "Database Architects earn about $117,000 a year on average, according to BLS." in r.text
        assert f"{CITE}, “Database Architect”." in r.text
        assert r.slots == {"question": "salary", "career": "Database Architect"}
        assert r.buttons == ["Job growth", "Skills needed", "Related courses"]

    def test_career_under_discussion(self, run) -> None:
        r = run("action_answer_salary", "how much do they make?", slots={"career": "Software Developer"})
        assert "$130,000" in r.text

    def test_only_a_relative_statement_is_given_honestly(self, run) -> None:
        r = run("action_answer_salary", "back end developer salary", {"career": "back end developer"})
        assert "don't give a salary figure for Back End Developers" in r.text
        assert "Front End Developers tend to earn slightly less than Back End Developers." in r.text
        assert "$" not in r.text

    def test_unknown_career_gets_no_figure(self, run) -> None:
        r = run("action_answer_salary", "what do nurses earn", {"career": "nurses"})
        assert "I don't have “nurses” in my documents" in r.text and "Database Architect" in r.text
        assert "$" not in r.text

    def test_no_career_yet_asks_which(self, run) -> None:
        r = run("action_answer_salary", "I want to know about salaries")
        assert r.text.startswith("Which career?")
        assert r.slots == {"question": "salary"}


class TestGrowth:
    def test_growth_with_average(self, run) -> None:
        r = run(
            "action_answer_growth", "how fast are software developer jobs growing", {"career": "software developer"}
        )
        assert "17 percent over the next ten years, much faster than the average (the average is 4 percent)" in r.text

    def test_declining_with_openings(self, run) -> None:
        r = run("action_answer_growth", "", {"career": "computer programmers"})
        assert "Employment of Computer Programmers is declining, according to BLS." in r.text
        assert "about 6,400 job openings for Computer Programmers each year over the next decade" in r.text

    def test_information_security_by_field_name(self, run) -> None:
        r = run(
            "action_answer_growth", "how fast is information security work growing?", {"career": "information security"}
        )
        assert "32 percent" in r.text and "significantly faster than average" in r.text

    def test_no_figure_in_documents(self, run) -> None:
        r = run("action_answer_growth", "", {"career": "front end developer"})
        assert "don't say how fast jobs for Front End Developers are growing" in r.text
        assert "percent" not in r.text


def test_description_with_ranking(run) -> None:
    r = run("action_answer_description", "what does a software developer do", {"career": "software developer"})
    assert "Software Developers specialize in designing, creating, debugging, and maintaining software." in r.text
    assert "U.S. News & World Report ranks Software Developer number 1 in “Best Technology Jobs”." in r.text


class TestSkills:
    def test_languages_default_to_the_main_career(self, run) -> None:
        r = run(
            "action_answer_skills",
            "which programming languages should I learn?",
            {"skill_kind": "programming languages"},
        )
        assert "Python, JavaScript, Ruby and Java" in r.text
        assert r.slots["career"] == "Back End Developer"

    def test_databases_and_servers(self, run) -> None:
        assert "MySQL, MongoDB and PostgreSQL" in run("action_answer_skills", "", {"skill_kind": "databases"}).text
        assert "Apache, Microsoft and NGINX" in run("action_answer_skills", "", {"skill_kind": "servers"}).text

    def test_soft_skills(self, run) -> None:
        r = run("action_answer_skills", "", {"skill_kind": "soft skills", "career": "back end developer"})
        assert "Soft skills: Problem-Solving and Communication." in r.text and "Hard skills" not in r.text

    def test_overall_skills_of_another_career(self, run) -> None:
        r = run("action_answer_skills", "", slots={"career": "Software Developer"})
        assert "an understanding of source control" in r.text and "creativity" in r.text


def test_related_careers(run) -> None:
    r = run("action_answer_related", "what careers are related to back end development?")
    assert (
        "Careers related to Back End Developer: Software Developer, Front End Developer, Database Architect, "
        "Computer Programmer and Information Security Analyst."
    ) in r.text


class TestCompare:
    def test_which_pays_more(self, run) -> None:
        r = run(
            "action_answer_compare",
            "which pays more, software developer or database architect?",
            {"career": ["software developer", "database architect"], "metric": "pays"},
        )
        assert r.text.startswith("Software Developers come out ahead on salary.")
        assert "$130,000" in r.text and "about $117,000" in r.text

    def test_growth_and_pay_without_a_metric(self, run) -> None:
        r = run("action_answer_compare", "", {"career": ["infosec analyst", "database architect"]})
        assert "Information Security Analysts come out ahead on salary." in r.text
        assert "Information Security Analysts come out ahead on job growth." in r.text

    def test_relative_statement_when_figures_are_missing(self, run) -> None:
        r = run(
            "action_answer_compare", "", {"career": ["front end developer", "back end developer"], "metric": "earn"}
        )
        assert "Front End Developers tend to earn slightly less than Back End Developers." in r.text

    def test_one_named_career_compares_with_the_one_under_discussion(self, run) -> None:
        r = run(
            "action_answer_compare",
            "",
            {"career": "software developer", "metric": "growth"},
            slots={"career": "Information Security Analyst"},
        )
        assert "Information Security Analysts come out ahead on job growth." in r.text

    def test_needs_two_careers(self, run) -> None:
        assert run("action_answer_compare", "compare").text.startswith("Which two careers")


class TestCourses:
    def test_list(self, run) -> None:
        r = run("action_answer_courses", "what courses are there?")
        assert "Full-Stack Web Development Certificate" in r.text and "Advanced HTML and CSS" in r.text

    def test_for_a_career(self, run) -> None:
        r = run("action_answer_courses", "", {"career": "backend developer"})
        assert r.text.startswith("Courses for Back End Developers: Full-Stack Web Development Certificate")

    def test_topics(self, run) -> None:
        r = run("action_answer_course_topics", "", {"course": "python developer certificate"})
        assert "Django" in r.text and "object-oriented programming" in r.text
        assert r.buttons == ["Mentoring", "Prerequisites", "Awards"]

    def test_mentoring(self, run) -> None:
        r = run("action_answer_course_mentoring", "", {"course": "full stack course"})
        assert "The Full-Stack Web Development Certificate includes 10 one-on-one mentoring sessions." in r.text

    def test_prerequisites(self, run) -> None:
        r = run("action_answer_course_prerequisites", "", slots={"course": "JavaScript Development Certificate"})
        assert "you should have basic HTML and CSS skills" in r.text

    def test_awards(self, run) -> None:
        r = run("action_answer_course_awards", "which courses won awards?")
        assert "In 2024 the Python Developer Certificate was awarded Best Python Bootcamp by Forbes Advisor." in r.text
        assert "Best Full-Stack Developer Bootcamp" in r.text

    def test_which_course_teaches_a_topic(self, run) -> None:
        r = run("action_answer_course_for_topic", "which course teaches django?", {"topic": "django"})
        assert "Django is taught in the Python Developer Certificate and Software Engineering Certificate." in r.text

    def test_unknown_course(self, run) -> None:
        r = run("action_answer_course_topics", "", {"course": "underwater basket weaving course"})
        assert "I don't have “underwater basket weaving course” in my documents" in r.text


def test_provider_and_retake(run) -> None:
    provider = run("action_answer_provider", "where is noble desktop?").text
    assert "based in New York City" in provider and "New York State Education Department" in provider
    retake = run("action_answer_retake", "can I retake a class?").text
    assert "free retake within a year" in retake and "certificate of completion" in retake


class TestGeneral:
    def test_from_passages(self, run) -> None:
        assert "went live in 1993" in run("action_answer_general", "when did the first website go live?").text
        assert "communicate with one another" in run("action_answer_general", "what is an API?").text

    def test_not_in_documents(self, run) -> None:
        assert run("action_answer_general", "who won the world cup?").text.startswith("I couldn't find that")


class TestFollowUp:
    def test_same_question_new_career(self, run) -> None:
        r = run(
            "action_answer_followup",
            "what about software developers?",
            {"career": "software developers"},
            slots={"career": "Database Architect", "question": "salary"},
        )
        assert "Software Developers earn $130,000" in r.text
        assert r.slots["career"] == "Software Developer"

    def test_same_question_new_course(self, run) -> None:
        r = run(
            "action_answer_followup",
            "and the javascript one?",
            {"course": "javascript"},
            slots={"question": "course_mentoring", "course": "Python Developer Certificate"},
        )
        assert "8 one-on-one mentoring sessions" in r.text

    def test_bare_career_without_context_describes_it(self, run) -> None:
        r = run("action_answer_followup", "database architect", {"career": "database architect"})
        assert "A Database Architect designs, builds, and manages large-scale databases." in r.text

    def test_nothing_named(self, run) -> None:
        assert run("action_answer_followup", "what about it").text.startswith("Which career or course")


def test_follow_up_name_tagged_as_topic_is_taken_as_a_course(run) -> None:
    r = run(
        "action_answer_followup",
        "and the javascript one?",
        {"topic": "javascript"},
        slots={"question": "course_mentoring", "course": "Python Developer Certificate"},
    )
    assert "The JavaScript Development Certificate includes 8 one-on-one mentoring sessions." in r.text


def test_the_category_line_names_the_organisation_the_query_api_reports(run) -> None:
    r = run("action_answer_description", "what does a software developer do", {"career": "software developer"})
    assert "BLS files it under “Software Developers, Quality Assurance Analysts, and Testers”." in r.text


def test_asking_which_topic_lists_a_few_topics_not_courses(run) -> None:
    r = run("action_answer_course_for_topic", "which course teaches it?")
    assert re.fullmatch(r"Which topic\? I know about (?:[\w .&-]+, ){4}[\w .&-]+ and \d+ more\.", r.text), r.text
    assert "Certificate" not in r.text and len(r.buttons) == 6


def test_asking_which_career_names_those_the_documents_cover_on_it(ask) -> None:
    r = ask("action_answer_fact", "and the top 10 percent?", slots={"question": "salary"})
    assert r.text.startswith("Which career? I have something on pay for ") and " more." in r.text
