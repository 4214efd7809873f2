"""Subjects the way real pages present them: occupations named only in running text, occupational groups,
several careers in one paragraph or one table, a job WordNet lacks listed among job titles, a page whose
title names its occupation among other words. Every fact names the reader rule that made it. The
snippets are from real pages of the corpus (tests/documents/real)."""

from __future__ import annotations

import pytest

from kb import builder, patterns

pytestmark = pytest.mark.unit

# a news story quoting a department of labour, no headings but its title
NEWS = """\
Labor Secretary Touts Environmental Job Prospects

The Labor Department also published a list of 10 environmental jobs.

Biological scientist positions head the list: they are projected to grow by 35 percent over the 10-year period \
beginning in 1998, and their 1998 median annual salary was $46,140. Chemical engineer pays the most of the 10 jobs, \
with a median annual income of $64,760, and environmental engineers rank second at $53,450.
"""

# a first-person blog post: the occupation only in its title and sentences
BLOG = """\
Starting Pay for Flight Attendants

Across US airlines, starting flight hour pay for flight attendants averages between $16-22 per flight hour.
"""


def facts(name: str, text: str) -> list[builder.Finding]:
    return builder.extract(name, text).findings


@pytest.mark.parametrize(
    "sentence, named",
    [
        ("Those of us who work as airline flight attendants get paid", ["Airline Flight Attendant"]),
        ("Welders earn $40,000", ["Welder"]),
        ("we hire welders at $20", []),  # a bare job noun inside a sentence names no career
        ("Employment in healthcare occupations is projected to grow", ["Healthcare Occupations"]),
        ("Demand for heating, air conditioning, and refrigeration mechanics is rising", []),  # a listed title
        ("Biological scientist positions head the list", ["Biological Scientist"]),  # "head" is rarely a job
    ],
)
def test_occupations_named_in_running_text(sentence: str, named: list[str]) -> None:
    assert [title for _, _, title in patterns.occupation_mentions(sentence)] == named


@pytest.mark.parametrize(
    "heading, titles",
    [
        ("Plumbers, Pipefitters, and Steamfitters", ["Plumber", "Pipefitter", "Steamfitter"]),  # WordNet lacks one
        ("Healthcare Support Occupations", ["Healthcare Support Occupations"]),  # a group keeps its plural name
        ("Related Careers", []),
        ("UX Designer Careers", []),  # a career's, not a group
    ],
)
def test_headings_name_careers_and_groups(heading: str, titles: list[str]) -> None:
    assert patterns.career_titles(heading) == titles


def test_careers_named_only_in_sentences_each_get_their_own_figures() -> None:
    found = {(f.subject, f.value) for f in facts("news.txt", NEWS) if f.number is not None}
    assert {("Biological Scientist", "35 percent"), ("Biological Scientist", "$46,140")} <= found
    assert {("Chemical Engineer", "$64,760"), ("Environmental Engineer", "$53,450")} <= found
    assert ("Chemical Engineer", "$53,450") not in found


def test_a_sentence_in_a_section_about_no_one_is_about_the_first_career_it_names_or_the_one_before() -> None:
    """From a news article on the trades: its paragraphs name the occupation first, then go on without it."""
    page = (
        "Wanted: Skilled Trades\n\nBy a staff writer\n\nElectricians are in the strongest position. New data centers "
        "and solar installations are adding to the demand. Electricians earned a median annual wage of $62,350.\n\n"
        "Plumbers earned a median of $62,970 a year.\n\nMost electricians and plumbers learn the trade through "
        "an apprenticeship. Welders earned a median of $51,000 a year.\n\nThe shortage will not ease soon.\n"
    )
    about = {sentence: subject for _, sentence, subject in builder.extract("trades.txt", page).passages}
    assert about["Electricians are in the strongest position."] == ("career", "Electrician")
    assert about["New data centers and solar installations are adding to the demand."] == ("career", "Electrician")
    both = "Most electricians and plumbers learn the trade through an apprenticeship."
    assert about[both] == ("career", "Electrician")
    assert about["Welders earned a median of $51,000 a year."] == ("career", "Welder")
    assert about["The shortage will not ease soon."] is None


def test_a_title_naming_one_occupation_among_other_words_makes_the_page_about_it() -> None:
    extracted = builder.extract("starting-pay.txt", BLOG)
    assert extracted.main_career == "Flight Attendant"
    pay = [f for f in extracted.findings if f.aspect == "pay" and f.number is not None]
    assert pay and all(f.subject == "Flight Attendant" and f.period == "hour" for f in pay)


def test_a_group_table_gives_each_group_its_typed_figures_and_every_fact_its_rule() -> None:
    page = "Projections\n\n| Occupational group | Percent change | Median wage |\n|---|---|---|\n"
    page += "| Healthcare support occupations | 15.9 | $35,980 |\n| Management occupations | 6.5 | $116,880 |\n"
    found = facts("groups.md", page)
    growth = {(f.subject, f.number) for f in found if f.aspect == "outlook" and f.number is not None}
    assert growth == {("Healthcare Support Occupations", 15.9), ("Management Occupations", 6.5)}
    assert all(f.rule for f in found)
    assert {f.rule for f in found if f.number is not None} == {"table row"}


def test_a_row_for_a_part_of_the_subject_qualifies_its_figures_and_labels_name_the_statistic() -> None:
    """From a state wage page: a facts box and a table by industry, under the occupation's heading."""
    page = (
        "Driver/Sales Workers (53-3031)\n\nDrive truck over established routes and sell or deliver goods.\n\n"
        "Mean wage                     $19.33\n50th percentile wage          $17.71\n\n"
        "Best Paying Industries\n"
        "Industry                                    Employment    Median Wage\n"
        "Trade, Transportation,, and Utilities            1,660      $20.77\n"
        "Leisure and Hospitality                          1,570      $12.61\n"
    )
    pay = {(f.value, f.qualifier) for f in facts("wages.txt", page) if f.aspect == "pay" and f.number is not None}
    assert {("$19.33", "mean"), ("$17.71", "median")} <= pay
    assert ("$12.61", "median; Industry: Leisure and Hospitality") in pay


def test_a_title_saying_what_kind_of_page_it_is_names_no_course() -> None:
    body = "\n\n## Tuition\n\nTuition is $7,900.\n\n## Length\n\n12 weeks, online.\n"
    assert builder.parse("bootcamp.md", "# Design Academy Bootcamp" + body).courses == ["Design Academy Bootcamp"]
    assert builder.parse("policies.md", "# Design Academy Policies" + body).courses == []
