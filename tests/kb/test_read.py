"""Documents of every supported type read into the same section tree: headings with their levels and
parents, paragraphs without the page furniture around them, table rows that keep their headers; a file
of any other type is reported by name while the rest still build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from kb import builder, read
from kb.read import Document
from tests.conftest import SHIPPED_DOCUMENTS

pytestmark = pytest.mark.unit

CORPUS = Path(__file__).parents[1] / "documents"
DOCUMENTS = sorted(p for p in CORPUS.glob("*.*") if p.suffix in read.READERS) + [
    SHIPPED_DOCUMENTS / "back-end-developer-careers.txt"
]

MARKDOWN = """\
# Welding Careers

Welders join metal parts. **Median pay:** $51,000 per year.

## Welders

**Job outlook:** 2 percent
**Typical education:** High school diploma

### What welders do

- Read blueprints
- Set up *welding* equipment

1. Finish a training program.
2. Pass a certification test.

## Pay by industry

| Industry | Median pay |
|---|---|
| Construction | $50,000 |
| Manufacturing | $48,000 |
"""

HTML = """\
<html><head><title>Site title</title><style>p { color: red; }</style>
<script>track('page', 'Tracking script text');</script></head>
<body class="has-cookie-banner">
<nav><ul><li>Navigation link</li></ul></nav>
<div class="cookieConsent" role="dialog"><p>We use cookies.</p><button>Accept cookies</button></div>
<header><p>Site header text</p></header>
<div class="breadcrumbs"><p>Home / Careers</p></div>
<ul class="main-menu"><li>Menu item</li></ul>
<main>
<article>
<header><h1>Electricians</h1></header>
<p>Electricians install wiring. <!-- a comment --></p>
<h2>Pay</h2>
<ul><li><strong>Median pay:</strong> $61,590 per year</li></ul>
<p>Apprentices earn less.<br>Pay rises with experience.</p>
<h3>Pay by state</h3>
<table>
  <caption>Median pay by state</caption>
  <tr><th>State</th><th>Median pay</th></tr>
  <tr><td>Ohio</td><td>$58,000</td></tr>
  <tr><td>Texas</td><td></td></tr>
</table>
<h2>Facts</h2>
<dl><dt>Training</dt><dd>4-year apprenticeship</dd></dl>
<aside><p>Aside text</p></aside>
<form><p>Newsletter form text</p></form>
</article>
</main>
<footer><p>Site footer text</p></footer>
</body></html>
"""


def outline(document: Document) -> list[tuple[int, str, str | None]]:
    return [(s.level, s.heading, s.parent) for s in document.sections]


def paragraphs(document: Document, heading: str | None = None) -> list[str]:
    return [p.text for s in document.sections if heading in (None, s.heading) for p in s.paragraphs]


def written(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_markdown_headings_labels_lists_and_tables(tmp_path: Path) -> None:
    document = read.read(written(tmp_path, "welding.md", MARKDOWN))
    assert document.title == "Welding Careers"
    assert outline(document) == [
        (1, "Welding Careers", None),
        (2, "Welders", "Welding Careers"),
        (3, "What welders do", "Welders"),
        (2, "Pay by industry", "Welding Careers"),
    ]
    assert [s.group for s in document.sections] == [None, None, "Welders", None]
    assert paragraphs(document, "Welding Careers") == ["Welders join metal parts. Median pay: $51,000 per year."]
    assert paragraphs(document, "Welders") == ["Job outlook: 2 percent", "Typical education: High school diploma"]
    assert paragraphs(document, "What welders do") == [
        "Read blueprints",
        "Set up welding equipment",
        "Finish a training program.",
        "Pass a certification test.",
    ]
    assert paragraphs(document, "Pay by industry") == [
        "Industry: Construction; Median pay: $50,000",
        "Industry: Manufacturing; Median pay: $48,000",
    ]
    [intro] = document.sections[0].paragraphs
    assert intro.sentences == ["Welders join metal parts.", "Median pay: $51,000 per year."]


def test_html_content_without_page_furniture(tmp_path: Path) -> None:
    document = read.read(written(tmp_path, "electricians.html", HTML))
    assert document.title == "Electricians"
    assert outline(document) == [
        (1, "Electricians", None),
        (2, "Pay", "Electricians"),
        (3, "Pay by state", "Pay"),
        (2, "Facts", "Electricians"),
    ]
    assert paragraphs(document) == [
        "Electricians install wiring.",
        "Median pay: $61,590 per year",
        "Apprentices earn less.",
        "Pay rises with experience.",
        "Median pay by state",
        "State: Ohio; Median pay: $58,000",
        "State: Texas",
        "Training: 4-year apprenticeship",
    ]


def test_markdown_corpus_documents_keep_their_outline() -> None:
    guide = read.read(CORPUS / "cloud-careers-guide.md")
    title = "Cloud and Operations Careers: A Practical Guide"
    assert guide.title == title
    assert outline(guide)[:6] == [
        (1, title, None),
        (2, "Careers at a Glance", title),
        (2, "Cloud Engineer", title),
        (3, "What cloud engineers do", "Cloud Engineer"),
        (3, "Skills and tools", "Cloud Engineer"),
        (3, "Certifications", "Cloud Engineer"),
    ]
    assert "Median salary: $128,000 per year (Nimbus Tech Salary Report, 2024)" in paragraphs(guide, "Cloud Engineer")
    assert "Related careers: DevOps Engineer, Cloud Engineer" in paragraphs(guide, "Site Reliability Engineer (SRE)")
    assert "Docker and Kubernetes for running containers" in paragraphs(guide, "Skills and tools")
    assert "Earn an associate-level certification such as AWS Certified Solutions Architect – Associate." in (
        paragraphs(guide, "How to Get Started")
    )
    catalog = read.read(CORPUS / "skills-academy-catalog.md")
    assert {(s.level, s.parent) for s in catalog.sections[1:]} == {(2, catalog.title)}
    assert "Mentoring: 6 one-on-one mentoring sessions with a licensed pharmacist." in (
        paragraphs(catalog, "Pharmacy Technician Certificate")
    )


def test_pipe_table_rows_name_their_headers() -> None:
    guide = read.read(CORPUS / "cloud-careers-guide.md")
    assert paragraphs(guide, "Careers at a Glance")[0] == (
        "Career: Cloud Engineer; Median salary: $128,000; Job growth (2023-2033): 13%; "
        "Typical education: Bachelor's degree in computer science or a related field"
    )
    catalog = read.read(CORPUS / "skills-academy-catalog.md")
    assert paragraphs(catalog, "Courses at a Glance")[-1] == (
        "Course: Intro to Python; Tuition: $650; Length: 6 weeks; Format: Online, live classes; "
        "Next start: October 1, 2025"
    )


def test_html_corpus_documents_keep_their_outline_and_tables() -> None:
    teaching = read.read(CORPUS / "teaching-careers.html")
    assert teaching.title == "Teaching Careers"
    assert (3, "High school teachers", "What teachers do") in outline(teaching)
    assert (2, "Job outlook", "Teaching Careers") in outline(teaching)
    assert paragraphs(teaching, "Teaching careers at a glance")[1] == (
        "Occupation: Middle School Teachers; Median pay (May 2023): $64,290 per year; "
        "Job outlook, 2023-33: 1% (slower than average); Typical entry-level education: Bachelor's degree"
    )
    assert "Middle school teachers: about 43,400 openings per year" in paragraphs(teaching, "Job outlook")
    program = read.read(CORPUS / "accounting-program.html")
    assert program.title == "Accounting, Associate in Applied Science (A.A.S.)"
    assert (
        "Program length: 2 years full-time / 60 credit hours (part-time students usually finish in 3 to 4 years)"
    ) in paragraphs(program, "Program at a glance")
    assert "In-district tuition: $165 per credit hour" in paragraphs(program, "Tuition and fees")
    assert (
        "Occupation: Accountants and auditors; Median pay, May 2023: $79,880 per year; "
        "Job outlook, 2023-33: 6% (faster than average)"
    ) in paragraphs(program, "Careers this program prepares you for")


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        (
            "teaching-careers.html",
            ["Accept all cookies", "We use cookies", "Manage preferences", "Careers A-Z", "Take the Career Quiz",
             "Home", "editorial team", "Related articles", "Sponsored", "Apply now", "Privacy Policy",
             "All rights reserved", "Subscribe to our newsletter", "dataLayer", "font-family"],
        ),
        (
            "accounting-program.html",
            ["I agree", "uses cookies", "Apply Now", "Programs A-Z", "Athletics", "Home / Programs", "Give",
             "Employment at CRCC", "All rights reserved", "gtm.js", "chatWidget", "acceptCookies", ".top-bar"],
        ),
    ],
)  # fmt: skip
def test_navigation_banners_footers_and_scripts_are_not_read(name: str, furniture: list[str]) -> None:
    document = read.read(CORPUS / name)
    text = " ".join(paragraphs(document) + [s.heading for s in document.sections])
    assert [phrase for phrase in furniture if phrase in text] == []


def test_all_caps_headings_in_plain_text() -> None:
    document = read.read(CORPUS / "actuaries-and-statisticians.txt")
    assert document.title == "Math and Finance Careers: Actuaries, Statisticians and Financial Analysts"
    assert outline(document)[:3] == [
        (1, document.title, None),
        (3, "WHAT ACTUARIES DO", "ACTUARIES"),
        (3, "WORK ENVIRONMENT", "ACTUARIES"),
    ]
    pay = [s for s in document.sections if s.heading == "PAY"]
    assert [(s.parent, s.group) for s in pay] == [(g, g) for g in ("ACTUARIES", "STATISTICIANS", "FINANCIAL ANALYSTS")]
    assert paragraphs(document, "PAY")[0].startswith("The median annual wage for actuaries was $125,770")


def test_question_lines_head_a_faq() -> None:
    document = read.read(CORPUS / "ux-designer-faq.txt")
    title = "UX Designer Careers: Frequently Asked Questions"
    assert document.title == title
    assert (3, "How much do UX designers make?", title) in outline(document)
    assert (3, "What is the difference between a UX designer and a UX researcher?", title) in outline(document)
    assert paragraphs(document, "How much do UX researchers make?")[0].startswith("UX researchers earned a median")


def test_capitals_and_long_questions_are_headings_whatever_their_punctuation(tmp_path: Path) -> None:
    text = (
        "Plumbers\n\nPlumbers fix pipes.\n\n"
        "How long does it take to finish a plumbing apprenticeship in most of the states?\n\n"
        "Most apprenticeships last four or five years.\n\nPAY:\n\nPlumbers earn $61,550 a year.\n"
    )
    document = read.read(written(tmp_path, "plumbers.txt", text))
    assert outline(document) == [
        (1, "Plumbers", None),
        (3, "How long does it take to finish a plumbing apprenticeship in most of the states?", "Plumbers"),
        (2, "PAY:", "Plumbers"),
    ]


def test_every_document_is_titled_by_its_first_heading() -> None:
    for document in DOCUMENTS:
        gold = yaml.safe_load((CORPUS / "gold" / f"{document.name}.yml").read_text(encoding="utf-8"))
        assert read.read(document).title == gold["title"], document.name


def test_unsupported_and_damaged_files_are_named_and_the_rest_still_build(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    shipped = SHIPPED_DOCUMENTS / "back-end-developer-careers.txt"
    shutil.copy(shipped, folder / shipped.name)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.7 Software developers earn $130,000.")
    (folder / "data.docx").write_bytes(b"PK\x03\x04")
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    report = builder.build(folder, f"sqlite:///{tmp_path / 'kb.db'}")
    assert report.built == [shipped.name]
    assert report.errors == {
        "notes.pdf": "notes.pdf: is not a readable PDF (Failed to load document (PDFium: Data format error).)",
        "data.docx": "data.docx: is not a readable Word document (File is not a zip file)",
        "slides.pptx": "slides.pptx: is not a supported type of document "
        "(supported: .txt, .md, .markdown, .html, .htm, .pdf, .docx)",
    }
    with pytest.raises(read.DocumentError, match=r"^notes\.pdf: "):
        read.read(folder / "notes.pdf")


def test_list_articles_number_their_titles_and_news_articles_have_bylines() -> None:
    article = read.parse(
        "Five Jobs in Shipping\n\nBy Sam Lee, Staff Writer | Portland | May 2, 2025\n\nShipping is hiring.\n\n"
        "1. Freight Broker\nFreight brokers match loads with carriers.\n\n2. Dispatcher\n\nDispatchers plan routes.\n\n"
        "Skills:\n1. Patience\n2. Planning\n",
        ".txt",
    )
    assert [s.heading for s in article.sections] == ["Five Jobs in Shipping", "Freight Broker", "Dispatcher"]
    assert article.sections[0].paragraphs[0].text.startswith("By Sam Lee")  # a byline, not a heading
    assert [p.text for p in article.sections[2].paragraphs][-2:] == ["Patience", "Planning"]  # a list stays a list


def test_a_facts_box_keeps_its_labels_whatever_their_values_look_like() -> None:
    profile = read.parse(
        "Welders\n\nWelders at a Glance\nMedian Pay, 2024: $51,000 per year\nTypical Entry-Level Education: "
        "High school diploma\nOn-the-job Training: Moderate-term\n\nWhat Welders Do\n\nWelders join metal parts.\n",
        ".txt",
    )
    box = next(s for s in profile.sections if s.heading == "Welders at a Glance")
    assert [p.text for p in box.paragraphs] == [
        "Median Pay, 2024: $51,000 per year",
        "Typical Entry-Level Education: High school diploma",
        "On-the-job Training: Moderate-term",
    ]


SAVED_FAQ = """\
<html><body>
<div id="sidebar"><h3>Therapist</h3><ul><li><a href="a.html">Application Process</a></li>
<li><a href="r.html">License Renewal</a></li></ul></div>
<ul class="links"><li><a href="/">Home</a></li><li><a href="/faq">FAQ</a></li></ul>
<div id="content"><h1>Frequently Asked Questions</h1>
<p class="question">2. How long will it take to get my license once I send in the application?</p>
<p>It will take approximately 1-2 weeks for the Board to issue a new license.</p>
<table><tr><th>2015 Median Pay</th><td>$50,620 per year</td><td>$24.34 per hour</td></tr></table>
</div></body></html>
"""


def test_a_saved_faq_page_heads_answers_with_their_questions_without_its_menus() -> None:
    """From a licensing board's FAQ and a handbook page of the real corpus: a question paragraph heads its
    answer, a sidebar and a list of short links are the site's furniture, a row headed by its label is a
    labelled line, and the <h1> is the page's own title."""
    document = read.parse(SAVED_FAQ, ".html")
    assert document.title == "Frequently Asked Questions" and document.marked
    assert [s.heading for s in document.sections] == [
        "2. How long will it take to get my license once I send in the application?"
    ]
    assert [p.text for p in document.sections[0].paragraphs] == [
        "It will take approximately 1-2 weeks for the Board to issue a new license.",
        "2015 Median Pay: $50,620 per year $24.34 per hour",
    ]


def test_a_document_says_when_it_was_written_in_its_metadata_or_its_text() -> None:
    """The year a figure without a date of its own is taken to be for."""
    meta = '<html><head><meta property="article:modified_time" content="2019-06-02T10:00:00Z"></head>'
    assert read.parse(meta + "<body><h1>Welders</h1><p>Welders weld.</p></body></html>", ".html").year == 2019
    stamped = '<h1>Welders</h1><p>Posted <time datetime="2021-03-04">March 4</time></p><p>Welders weld.</p>'
    assert read.parse(stamped, ".html").year == 2021
    text = "Welders\n\nPublished March 2, 2016. Last updated: May 3, 2018\n\nWelders weld.\n"
    assert read.parse(text, ".txt").year == 2018  # the newest date it gives
    assert read.parse("Welders\n\nWelders weld metal; 2015 was a good year.\n", ".txt").year is None
