"""PDF and Word documents read into the same section tree as a web page: the title, headings at their levels,
paragraphs without the page's furniture (running header, "Page N" footer), words hyphenated over a line end
joined again, two columns read one after the other, a table's rows as "Header: cell; Header: cell" however
many pages it runs over, bullets as paragraphs of their own; a scanned PDF, which has no text to read, is
reported as needing OCR.

The files are written here, with reportlab and python-docx (``tests/support/office.py``), from a short made-up
career guide laid out the way operators' documents are: a title page, a running header and page numbers, a pay
table longer than a page, a bulleted list of duties, and a page set in two columns.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest
from reportlab.pdfgen.canvas import Canvas

from kb.read import Document, DocumentError, read
from tests.support.office import (
    Bullets,
    ColumnBreak,
    Heading,
    Paragraph,
    Table,
    hyphenations,
    write_docx,
    write_pdf,
    write_scanned_pdf,
)

pytestmark = pytest.mark.unit

TITLE = "Careers in Renewable Energy"
RUNNING_HEADER = "Northfield Careers Service"

DUTIES = (
    "Climb towers to inspect and repair turbine parts",
    "Test electrical systems and replace faulty wiring",
    "Collect turbine data for testing and research",
    "Keep records of maintenance and repairs",
)
TRAINING = (
    "Most technicians learn the electrical, hydraulic and mechanical skills of the trade and the occupational "
    "safety rules they need in a two-year program at a community college."
)  # laid out in the PDF with "occupa-" at the end of its first line and "tional" starting the next
CERTIFICATION = (
    "Employers prefer technicians who hold the Basic Safety Training certificate of the Global Wind Organisation."
)
SOLAR = (
    "Solar photovoltaic installers, also called PV installers, put together, set up and maintain the panels that "
    "turn sunlight into electricity."
)  # two lines in the PDF
STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma",
)  # fmt: skip
PAY_HEADER = ("State", "Wind turbine technicians", "Solar PV installers")
PAY_ROWS = tuple(
    (state, f"${26 + (i * 7) % 11}.{(i * 37) % 100:02d}", f"${22 + (i * 5) % 9}.{(i * 53) % 100:02d}")
    for i, state in enumerate(STATES)
)

GUIDE = [
    Heading(1, "Wind Turbine Technicians"),
    Paragraph(
        "Wind turbine technicians install, inspect and repair wind turbines. Most work for utilities or for the "
        "companies that build turbines, and many travel between wind farms."
    ),
    Heading(2, "What they do"),
    Paragraph("A typical week mixes climbing, testing and paperwork."),
    Bullets(DUTIES),
    Heading(2, "Training"),
    Paragraph(f"{TRAINING} Most then train on the job for a year with an experienced technician."),
    Heading(3, "Certification"),
    Paragraph(CERTIFICATION),
    Heading(1, "Solar Photovoltaic Installers"),
    Paragraph(SOLAR),
    Heading(2, "Pay"),
    Paragraph("The table below gives the median hourly wage in each state in May 2023."),
    Table(PAY_HEADER, PAY_ROWS),
    Paragraph("Wages in the table are rounded to the nearest cent."),
    Heading(2, "Job outlook"),
    Paragraph(
        "Employment of solar photovoltaic installers is projected to grow 22 percent from 2023 to 2033, much "
        "faster than the average for all occupations."
    ),
]
OUTLINE = [  # each heading of the guide, its level (the title's is 1) and the heading it sits under
    ("Wind Turbine Technicians", 2, TITLE),
    ("What they do", 3, "Wind Turbine Technicians"),
    ("Training", 3, "Wind Turbine Technicians"),
    ("Certification", 4, "Training"),
    ("Solar Photovoltaic Installers", 2, TITLE),
    ("Pay", 3, "Solar Photovoltaic Installers"),
    ("Job outlook", 3, "Solar Photovoltaic Installers"),
]

LEFT_COLUMN = (
    "Technicians on a wind farm spend most of the day outdoors and high above the ground, often at the top of "
    "towers more than eighty metres tall. They work in confined spaces inside the nacelle, carry their tools up "
    "ladders, and wear harnesses and fall protection at all times."
)
RIGHT_COLUMN = (
    "Installers of solar panels work on roofs in all kinds of weather, lifting panels that weigh up to twenty "
    "kilograms. Most work full time during daylight hours, and some work longer days in the summer months."
)
WORKING_CONDITIONS = [
    Heading(1, "Working conditions"),
    Heading(2, "On a wind farm"),
    Paragraph(LEFT_COLUMN),
    Paragraph(
        "Crews work in teams of two or three, so that no one climbs alone, and stop work when the wind is too "
        "strong or lightning is near. Long trips away from home are common for technicians who service several "
        "wind farms."
    ),
    ColumnBreak(),
    Heading(2, "On a roof"),
    Paragraph(RIGHT_COLUMN),
    Paragraph(
        "Falls, burns and electrical shocks are the main hazards, and installers follow safety rules to avoid them. "
        "Installers who work for small companies may also meet customers and plan the layout of each system."
    ),
    ColumnBreak(),  # the right column's end: the next page
    Heading(1, "Safety"),
    Paragraph(
        "Both occupations have higher rates of injury than the average for all occupations. Employers provide "
        "harnesses, helmets and gloves, and train new workers to use them before they climb."
    ),
]


@pytest.fixture(scope="module")
def guide_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office") / "renewable-careers.pdf"
    return write_pdf(GUIDE, path, title_page=TITLE, running_header=RUNNING_HEADER)


@pytest.fixture(scope="module")
def guide_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office") / "renewable-careers.docx"
    return write_docx(GUIDE, path, running_header=RUNNING_HEADER, title=TITLE)


@pytest.fixture(scope="module")
def two_column_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office") / "working-conditions.pdf"
    return write_pdf(
        WORKING_CONDITIONS,
        path,
        title_page="Working in Wind and Solar",
        running_header=RUNNING_HEADER,
        two_columns=True,
        hyphenate=False,
    )


@pytest.fixture(scope="module", params=["pdf", "docx"])
def guide(request: pytest.FixtureRequest) -> Document:
    """The guide read from each format in turn."""
    return read(request.getfixturevalue(f"guide_{request.param}"))


def paragraphs(document: Document) -> list[str]:
    return [p.text for section in document.sections for p in section.paragraphs]


def sentences(document: Document) -> list[str]:
    return [s for section in document.sections for s in section.sentences]


def section(document: Document, heading: str):
    return next(s for s in document.sections if s.heading == heading)


def pay_row(state: str, wind: str, solar: str) -> str:
    return f"State: {state}; Wind turbine technicians: {wind}; Solar PV installers: {solar}"


# -- title and outline ------------------------------------------------------------------------------------------


def test_a_pdfs_title_is_the_title_on_its_title_page(guide_pdf: Path) -> None:
    assert read(guide_pdf).title == TITLE


def test_a_word_files_title_is_its_title_style_paragraph(guide_docx: Path) -> None:
    assert read(guide_docx).title == TITLE


def test_headings_open_sections_at_their_levels_in_document_order(guide: Document) -> None:
    """A Heading 1 sits one level below the title, a Heading 2 below the Heading 1 before it, and so on, as
    h1, h2 and h3 do on a web page."""
    headings = {heading for heading, _, _ in OUTLINE}
    outline = [(s.heading, s.level, s.parent) for s in guide.sections if s.heading in headings]
    assert outline == OUTLINE


def test_a_sections_paragraphs_are_those_under_its_heading(guide: Document) -> None:
    assert [p.text for p in section(guide, "Certification").paragraphs] == [CERTIFICATION]


# -- page furniture ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["guide_pdf", "guide_docx", "two_column_pdf"])
def test_the_running_header_is_not_read(fixture: str, request: pytest.FixtureRequest) -> None:
    document = read(request.getfixturevalue(fixture))
    assert not [text for text in paragraphs(document) if RUNNING_HEADER in text]


@pytest.mark.parametrize("fixture", ["guide_pdf", "guide_docx", "two_column_pdf"])
def test_page_numbers_are_not_read(fixture: str, request: pytest.FixtureRequest) -> None:
    document = read(request.getfixturevalue(fixture))
    assert not [text for text in paragraphs(document) if re.search(r"\bPage \d+\b", text)]


# -- lines of a PDF page ----------------------------------------------------------------------------------------


def test_a_paragraph_over_several_lines_is_one_paragraph(guide_pdf: Path) -> None:
    assert [p.text for p in section(read(guide_pdf), "Solar Photovoltaic Installers").paragraphs] == [SOLAR]


def test_a_word_hyphenated_over_a_line_end_is_joined(guide_pdf: Path) -> None:
    """The PDF breaks "occupational" over a line end, as "occupa-" and "tional"; read, it is one word again."""
    assert "occupa-tional" in hyphenations(GUIDE)
    document = read(guide_pdf)
    assert TRAINING in sentences(document)
    assert not [text for text in paragraphs(document) if "occupa-" in text or "occupa tional" in text]


def test_a_two_column_page_is_read_column_by_column(two_column_pdf: Path) -> None:
    """The columns' lines sit side by side at the same heights; read across the page, each line would run into
    the other column's. Read down the left column first, each sentence is whole and the left column comes first."""
    document = read(two_column_pdf)
    assert [p for p in paragraphs(document) if p in (LEFT_COLUMN, RIGHT_COLUMN)] == [LEFT_COLUMN, RIGHT_COLUMN]
    assert (
        "Technicians on a wind farm spend most of the day outdoors and high above the ground, often at the top of "
        "towers more than eighty metres tall." in sentences(document)
    )


def test_a_two_column_pages_headings_head_their_columns(two_column_pdf: Path) -> None:
    document = read(two_column_pdf)
    assert [p.text for p in section(document, "On a wind farm").paragraphs][0] == LEFT_COLUMN
    assert [p.text for p in section(document, "On a roof").paragraphs][0] == RIGHT_COLUMN


# -- tables -----------------------------------------------------------------------------------------------------


def test_each_table_row_is_a_paragraph_of_header_and_cell_pairs_in_order(guide: Document) -> None:
    """The pay table runs over a page break in the PDF; its rows still read as one table, in order, each cell
    beside its column's header."""
    rows = [text for text in paragraphs(guide) if text.startswith("State: ")]
    assert rows == [pay_row(*row) for row in PAY_ROWS]


def test_a_header_row_repeated_after_a_page_break_is_not_a_row(guide_pdf: Path) -> None:
    """reportlab, like Word, repeats a table's header row at the top of the next page; the repeat is the
    header again, not data."""
    pdf = pypdfium2.PdfDocument(guide_pdf)  # the table does go over a page break, header and all
    pages = [" ".join(pdf[n].get_textpage().get_text_range().split()) for n in range(len(pdf))]
    assert sum("Wind turbine technicians Solar PV installers" in page for page in pages) == 2
    texts = paragraphs(read(guide_pdf))
    assert not [text for text in texts if "State: State" in text or text.startswith("State Wind turbine")]
    assert len([text for text in texts if text.startswith("State: ")]) == len(PAY_ROWS)


def test_the_paragraphs_around_a_table_stay_in_their_places(guide: Document) -> None:
    texts = [p.text for p in section(guide, "Pay").paragraphs]
    assert texts[0] == "The table below gives the median hourly wage in each state in May 2023."
    assert texts[-1] == "Wages in the table are rounded to the nearest cent."


# -- lists ------------------------------------------------------------------------------------------------------


def test_each_bullet_is_a_paragraph_of_its_own_without_its_bullet(guide: Document) -> None:
    texts = [p.text for p in section(guide, "What they do").paragraphs]
    assert texts == ["A typical week mixes climbing, testing and paperwork.", *DUTIES]


def test_no_paragraph_keeps_a_bullet_character(guide: Document) -> None:
    assert not [text for text in paragraphs(guide) if re.search(r"[\u2022\u25cf\u25aa\uf0b7]|\(cid:\d+\)", text)]


# -- scans ------------------------------------------------------------------------------------------------------


def test_a_scanned_pdf_without_a_text_layer_needs_ocr(tmp_path: Path) -> None:
    """A scanner's PDF is pictures of pages: there is no text to read until OCR puts a text layer in it."""
    scan = write_scanned_pdf(tmp_path / "scanned-brochure.pdf")
    with pytest.raises(DocumentError) as raised:
        read(scan)
    assert "scanned-brochure.pdf" in str(raised.value)
    assert "OCR" in str(raised.value)


def test_a_pdfs_bookmarks_mark_its_headings_where_type_does_not(tmp_path: Path) -> None:
    """A file whose headings are set as its body text is still read by its own outline."""
    path = tmp_path / "outlined.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 11)
    y = 750
    for heading, depth in (("Welders", 0), ("Pay", 1), ("Outlook", 1)):
        canvas.drawString(72, y, heading)
        canvas.bookmarkHorizontal(heading, 72, y + 12)
        canvas.addOutlineEntry(heading, heading, depth)
        canvas.drawString(72, y - 20, f"What the guide says of welders under {heading.lower()}.")
        y -= 60
    canvas.save()
    document = read(path)
    assert [(s.heading, s.level, s.path) for s in document.sections] == [
        ("Welders", 2, ()),
        ("Pay", 3, ("Welders",)),
        ("Outlook", 3, ("Welders",)),
    ]
