"""Guidance on small documents made for the purpose: needs as visitors state them, careers and courses
filtered by them (a career the documents say nothing of on a need is left out and counted, never
guessed in), the courses on the way to a career with their totals and a stated discount, careers near
one, and a table of careers."""

from __future__ import annotations

import pytest

from kb import guide, needs
from kb.interests import interests_in
from kb.needs import level_of, needs_in
from kb.query import KnowledgeBase
from tests.conftest import build_kb

pytestmark = pytest.mark.unit

TRADES = """Trades and Care

Plumbers

Plumbers install and repair pipes, fixtures and water heaters in homes and businesses.

Education: High school diploma or equivalent, then an apprenticeship.

Plumbers earn a median annual wage of $61,550.

Employment of plumbers is projected to grow 6 percent, faster than average.

Welders

Welders join and repair metal pipes and beams in factories.

Education: High school diploma or equivalent, then a certificate.

Welders earn $24.52 an hour in a first job. Their median annual wage is $51,000.

Registered Nurses

Registered nurses give patients their medicines and treatments in hospitals.

Education: Bachelor's degree.

Registered nurses earn a median annual wage of $86,070.

Employment of registered nurses is projected to grow 6 percent, about as fast as the average.

Medical Assistants

Medical assistants take patients' vital signs and help doctors in hospitals and clinics.

Education: Postsecondary nondegree award.

Medical assistants earn a median annual wage of $42,000.

Forest Rangers

Forest rangers patrol the park.
"""
CATALOG = """# Northside Training Center Catalog

Northside Training Center is a private career school in Duluth, Minnesota.

## Courses at a Glance

| Course | Tuition | Length | Format |
|---|---|---|---|
| Intro to Pipes | $900 | 4 weeks | In person |
| Plumbing Apprenticeship Prep | $2,400 | 12 weeks | In person |
| Medical Assisting Certificate | $3,000 | 20 weeks | Online |

## Intro to Pipes

**Topics covered:**

- Pipe materials
- Pipe fitting

## Plumbing Apprenticeship Prep

**Prerequisites:** Pipe fitting basics.

**Topics covered:**

- Water heaters
- Fixtures and drains

The program prepares you to work as a plumber.

## Medical Assisting Certificate

**Topics covered:**

- Vital signs
- Clinic procedures

The certificate prepares you to work as a medical assistant.

## Policies

**Discounts:** Veterans receive 10 percent off tuition. Discounts cannot be combined.
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    source = tmp_path_factory.mktemp("sources")
    (source / "trades.txt").write_text(TRADES, encoding="utf-8")
    (source / "catalog.md").write_text(CATALOG, encoding="utf-8")
    return KnowledgeBase(build_kb(tmp_path_factory.mktemp("kb"), source / "trades.txt", source / "catalog.md"))


@pytest.mark.parametrize(
    ("said", "rule", "limit"),
    [
        ("jobs without a college degree", "education", 2),
        ("I can only study for two years", "education", 3),
        ("careers that pay at least $60,000", "pay", 60000),
        ("I need to earn more than 50k", "pay", 50000),
        ("which jobs are growing faster than average?", "growth", None),
        ("courses that cost at most $1,000", "price", 1000),
        ("a course of at most 10 weeks", "length", 10),
    ],
)
def test_visitors_state_needs_in_their_own_words(said: str, rule: str, limit: float | None) -> None:
    (need,) = needs_in(said)
    assert need.rule == rule
    assert limit is None or limit in (need.most, need.least)


def test_under_and_shorter_than_leave_the_figure_itself_out() -> None:
    (price,) = needs_in("courses under $1,000")
    (length,) = needs_in("a course shorter than 10 weeks")
    assert 999 < price.most < 1000 and 9 < length.most < 10


def test_a_course_message_puts_its_needs_on_courses_and_a_job_message_on_careers() -> None:
    assert [n.rule for n in needs_in("online courses under $1,000")] == ["price", "format"]
    assert [n.rule for n in needs_in("jobs that pay over $40,000 and are growing")] == ["pay", "growth"]
    assert needs_in("what does a plumber earn?") == []


def test_levels_of_education_as_documents_write_them() -> None:
    assert level_of("High school diploma or equivalent") == 1
    assert level_of("Postsecondary nondegree award") == 2
    assert level_of("an associate's degree in nursing") == 3
    assert level_of("Bachelor's degree") == 4
    assert level_of("Associate of the Society of Actuaries") is None  # a credential, not a degree


def test_no_degree_keeps_the_careers_whose_documents_say_so_and_counts_the_silent_ones(kb) -> None:
    found = guide.shortlist(kb, [], needs_in("jobs without a degree"))
    assert [p.career for p in found.picks] == ["Plumber", "Welder", "Medical Assistant"]
    assert "Forest Ranger" in found.unsaid and "Registered Nurse" not in found.unsaid
    assert found.shown["Plumber"][0][1].value.startswith("High school diploma")


def test_interests_and_needs_combine(kb) -> None:
    said = "I like helping people and need at least $50,000"
    found = guide.shortlist(kb, interests_in(said), needs_in(said))
    assert [p.career for p in found.picks] == ["Registered Nurse"]


def test_careers_fitting_the_interest_but_silent_on_a_need_are_counted_and_no_others(kb) -> None:
    said = "I like fixing things with my hands and need at least $55,000"
    found = guide.shortlist(kb, interests_in(said), needs_in(said))
    assert [p.career for p in found.picks] == ["Plumber"]
    assert "Registered Nurse" not in found.unsaid and "Forest Ranger" not in found.unsaid


def test_courses_beside_a_shortlist_prepare_for_its_careers_and_fit_the_time_of_study(kb) -> None:
    said = "I like working with my hands but can study for at most 6 months"
    (timed,) = needs.for_courses(needs_in(said))
    assert timed.rule == "length" and timed.most == pytest.approx(6 * 4.35)
    found = guide.shortlist(kb, interests_in(said), needs_in(said))
    courses = guide.courses_on_the_way(kb, interests_in(said), needs_in(said), [p.career for p in found.picks])
    assert [c.course for c in courses] == ["Plumbing Apprenticeship Prep", "Intro to Pipes"]
    assert courses[0].price.number == 2400 and courses[0].length.value == "12 weeks"
    shorter = guide.courses_on_the_way(kb, [], needs_in("I can study for at most a month"), [])
    assert [c.course for c in shorter] == ["Intro to Pipes"]  # the cheapest within the time, with no interest
    assert guide.courses_on_the_way(kb, [], needs_in("careers paying at least $50,000"), []) == []


def test_growth_faster_than_average_is_what_a_document_says_of_the_average(kb) -> None:
    found = guide.shortlist(kb, [], needs_in("careers growing faster than average"))
    assert [p.career for p in found.picks] == ["Plumber"]  # nurses grow "about as fast as the average"


def test_courses_meeting_a_price_and_a_format(kb) -> None:
    found = guide.courses_meeting(kb, needs_in("in-person courses under $1,000"))
    assert [p.career for p in found.picks] == ["Intro to Pipes"]


def test_a_path_takes_first_the_course_a_prerequisite_asks_for_and_totals_its_prices(kb) -> None:
    path = guide.course_path(kb, "Plumber", "how do I become a plumber?")
    assert [s.course for s in path.steps] == ["Intro to Pipes", "Plumbing Apprenticeship Prep"]
    assert path.steps[0].before == "Plumbing Apprenticeship Prep"
    assert path.total_price == 900 + 2400 and path.total_weeks == 4 + 12
    assert path.discount is None


def test_a_visitor_who_has_the_prerequisite_skips_its_course_and_a_stated_discount_applies(kb) -> None:
    path = guide.course_path(kb, "Plumber", "I'm a veteran and I know pipe fitting basics")
    assert [s.course for s in path.steps] == ["Plumbing Apprenticeship Prep"]
    assert path.discount is not None and "10 percent" in path.discount.text
    assert path.discounted == pytest.approx(2400 * 0.9)


def test_near_careers_share_things_their_documents_name(kb) -> None:
    near = guide.near_careers(kb, "Plumber")
    assert near[0].career == "Welder"
    assert "pipe" in near[0].shared
    assert "Registered Nurse" not in [n.career for n in near][:1]


def test_a_table_row_has_what_the_documents_give(kb) -> None:
    (nurse, ranger, welder) = guide.profiles(kb, ["Registered Nurse", "Forest Ranger", "Welder"])
    assert nurse.pay.amount == 86070 and nurse.outlook.percent == 6 and level_of(nurse.education.value) == 4
    assert (welder.pay.amount, welder.pay.period) == (51000, "year")  # yearly, as the other rows: they compare
    assert (ranger.pay, ranger.outlook, ranger.education) == (None, None, None)


def test_anything_is_an_answer_with_no_preference() -> None:
    assert needs.no_preference("it doesn't matter") and not needs.no_preference("a few months")
