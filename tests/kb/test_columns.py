"""Tables printed in plain text are read as rows that keep their column headers, as the HTML and Markdown
readers write them ("Header: cell; Header: cell"); columns of labels and figures are labelled lines; prose
is never taken for a table. The snippets are from real pages of the corpus (tests/documents/real)."""

from __future__ import annotations

import pytest

from kb.read import columns, text

pytestmark = pytest.mark.unit

# a beauty college's catalog page: a header of three lines ruled off from the rows
RULED = """\
                              Course    Course Weeks   Enrollment   Books, Kit               Total
Course                        Total     Days / Eve     Fee          & Uniform     Tuition    Tuition
                              Hours                                                          Cost
-------------------------------------------------------------------------------------------------
Cosmetology                    1500       40 / 76        $100         $1,175      $13,500    $14,775
Cosmetology Management          300       12 / 20         $50           $375         $900     $1,325
Esthetics                       600       16 / 30        $100           $525       $5,400     $6,025
"""

# a state labour-market page: a facts box, then a table with one header line
STATE_WAGES = """\
Estimated employment          3,600
Mean wage                     $19.33
10th percentile wage          $11.47

Best Paying Industries
Industry                                    Employment    Median Wage
Trade, Transportation,, and Utilities            1,660      $20.77
Other Services                                      70      $18.47
"""

PIPES = """\
| Occupation | Percent change | Median wage |
|---|---|---|
| Healthcare support occupations | 15.9 | $35,980 |
| Management occupations | 6.5 | $116,880 |
"""


def rows(document: str) -> list[str]:
    return [p.text for s in text.read(document).sections for p in s.paragraphs]


def test_a_ruled_header_of_several_lines_names_each_column() -> None:
    assert rows("Tuition\n\n" + RULED)[0] == (
        "Course: Cosmetology; Course Total Hours: 1500; Course Weeks Days / Eve: 40 / 76; Enrollment Fee: $100; "
        "Books, Kit & Uniform: $1,175; Tuition: $13,500; Total Tuition Cost: $14,775"
    )


def test_labels_beside_figures_are_labelled_lines_and_a_one_line_header_heads_its_rows() -> None:
    assert rows(STATE_WAGES) == [
        "Estimated employment: 3,600",
        "Mean wage: $19.33",
        "10th percentile wage: $11.47",
        "Industry: Trade, Transportation,, and Utilities; Employment: 1,660; Median Wage: $20.77",
        "Industry: Other Services; Employment: 70; Median Wage: $18.47",
    ]


def test_pipe_tables_in_plain_text_keep_their_headers() -> None:
    assert rows("Outlook\n\n" + PIPES) == [
        "Occupation: Healthcare support occupations; Percent change: 15.9; Median wage: $35,980",
        "Occupation: Management occupations; Percent change: 6.5; Median wage: $116,880",
    ]


def test_prose_and_single_lines_are_not_tables() -> None:
    prose = "Flight hours only count from the moment the door closes.  That stretch is paid.\nIt ends at the gate."
    assert columns.split(prose) == [prose]
    assert columns.split("CT.Gov Home | Connecticut LMI | Wages Home") == ["CT.Gov Home | Connecticut LMI | Wages Home"]


def test_a_flattened_table_gives_each_career_the_figures_of_its_column() -> None:
    """From a college directory's article: the cells of a three-career table run together, a row a line."""
    page = (
        "Essential Information\n\n"
        "Career Title Social and Human Services Assistants Social Workers Substance Abuse and Behavioral "
        "Disorder Counselors\nRequired Education High school diploma Bachelor of Social Work\n"
        "Projected Job Growth (2018-2028)* 13% 11% 22%\nMedian Salary (2018)* $33,750 $63,140 $44,630\n"
    )
    assert rows(page)[:3] == [
        "Career Title: Social and Human Services Assistant; Projected Job Growth (2018-2028)*: 13%; "
        "Median Salary (2018)*: $33,750",
        "Career Title: Social Worker; Projected Job Growth (2018-2028)*: 11%; Median Salary (2018)*: $63,140",
        "Career Title: Substance Abuse and Behavioral Disorder Counselor; Projected Job Growth (2018-2028)*: 22%; "
        "Median Salary (2018)*: $44,630",
    ]
