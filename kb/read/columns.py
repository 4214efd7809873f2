"""Tables printed in plain text -> rows written the way every reader writes them ("Header: cell; Header: cell").

Two layouts: pipe tables ("| Program | Tuition |", with or without a "|---|" rule under the header row),
and columns aligned with spaces, as a page printed or pasted to text keeps them::

    Program        Tuition    Books    Total
    Cosmetology    $14,500    $900     $15,400

No library reads the second layout (Python-Markdown and the like need pipes), so it is read here: a run of
at least three lines that each break into two or more cells at runs of two or more spaces (or a tab), whose
cells line up with the header's columns, left- or right-aligned. A line of a single cell inside the run
continues the row above it (a long program name wrapped onto the next line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb import patterns
from kb.read.document import table_row

GAP = re.compile(r"\t|\s{2,}")
RULE = re.compile(r"^[\s|:+=_-]*[-=_][\s|:+=_-]*$")  # "-----  -----", "|---|:---:|", "====="
PIPE_ROW = re.compile(r"^\s*\|?[^|]+(?:\|[^|]*)+\|?\s*$")
MIN_ROWS = 2  # data rows under a header
ALIGNED_SHARE = 0.6  # of a row's cells must start or end where a header cell does
SLACK = 3  # characters a cell may sit off its column's edge


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


def split(text: str) -> list[str | list[str]]:
    """The text as a sequence of plain-text stretches and tables; a table is its rows as "Header: cell; ..."."""
    lines = text.replace("\r\n", "\n").expandtabs(8).split("\n")
    parts: list[str | list[str]] = []
    plain: list[str] = []
    i = 0
    while i < len(lines):
        end, rows = _table_at(lines, i)
        if rows:
            parts += ["\n".join(plain)] if plain else []
            parts.append(rows)
            plain = []
            i = end
        else:
            plain.append(lines[i])
            i += 1
    parts += ["\n".join(plain)] if plain else []
    return parts


def _table_at(lines: list[str], i: int) -> tuple[int, list[str]]:
    """(the line after the table, its rows) when a table starts at line ``i``; else (i, [])."""
    for reader in (_pipe_table, _labelled_figures, _aligned_table, _flattened_table):
        end, rows = reader(lines, i)
        if rows:
            return end, rows
    return i, []


def _pipe_table(lines: list[str], i: int) -> tuple[int, list[str]]:
    found: list[list[str]] = []
    j = i
    while j < len(lines) and lines[j].strip() and (PIPE_ROW.match(lines[j]) or RULE.match(lines[j])):
        if not RULE.match(lines[j]):
            found.append([c.strip() for c in lines[j].strip().strip("|").split("|")])
        j += 1
    if len(found) <= MIN_ROWS or len(found[0]) < 2:
        return i, []
    return j, _rows(found[0], found[1:])


def _labelled_figures(lines: list[str], i: int) -> tuple[int, list[str]]:
    """Two columns of labels and figures ("Mean wage        $19.33"), as a facts box prints them: each line
    is a labelled line ("Mean wage: $19.33")."""
    j = i
    while (
        j < len(lines)
        and len(cells := _cells(lines[j])) == 2
        and _is_label(cells[0].text)
        and _has_figure(cells[1].text)
    ):
        j += 1
    if j - i < MIN_ROWS:
        return i, []
    return j, [f"{a.text}: {b.text}" for a, b in (_cells(line) for line in lines[i:j])]


def _is_label(text: str) -> bool:
    """Words, perhaps with a year or a percentile ("2015 Median Pay", "10th percentile wage"), not a figure."""
    return bool(re.search(r"[A-Za-z]", text)) and not _has_figure(re.sub(r"\b\d+(?:st|nd|rd|th)\b", "", text))


def _has_figure(text: str) -> bool:
    return bool(re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", text)))


def _aligned_table(lines: list[str], i: int) -> tuple[int, list[str]]:
    ruled = _ruled_header(lines, i)
    header, start = ruled if ruled else (_cells(lines[i]), i + 1)
    if len(header) < 2 or not all(_is_label(c.text) for c in header):
        return i, []
    rows: list[list[Cell]] = []
    j = start
    while j < len(lines) and lines[j].strip():
        if RULE.match(lines[j]):
            j += 1
            continue
        cells = _cells(lines[j])
        if len(cells) >= 2 and (ruled or _aligned(cells, header)):
            rows.append(cells)
        elif len(cells) == 1 and rows and j + 1 < len(lines) and len(_cells(lines[j + 1])) >= 2:
            first = rows[-1][0]  # a wrapped first cell
            rows[-1][0] = Cell(f"{first.text} {cells[0].text}", first.start, max(first.end, cells[0].end))
        else:
            break
        j += 1
    if len(rows) < MIN_ROWS:
        return i, []
    if ruled:  # a header of several lines sits over the rows' columns: the rows tell where the columns are
        columns = max(rows, key=len)
        header = [Cell(text, c.start, c.end) for text, c in zip(_placed(header, columns), columns, strict=True)]
    return j, _rows([c.text for c in header], [_placed(row, header) for row in rows])


def _ruled_header(lines: list[str], i: int) -> tuple[list[Cell], int] | None:
    """A header of two to four lines ruled off from the rows ("-----"): its cells, line by line, and the
    line after the rule."""
    for r in range(i + 2, min(i + 5, len(lines))):
        if not all(line.strip() for line in lines[i:r]):
            return None
        if RULE.match(lines[r]):
            return [c for line in lines[i:r] for c in _cells(line)], r + 1
    return None


NAMES_LABEL = re.compile(r"^(?:(?:career|job|occupation|position|role)\s*(?:title|name)?s?|title)\b", re.I)
FIGURE = re.compile(r"[-+]?\$?\d[\d,]*(?:\.\d+)?%?\*?")


def _flattened_table(lines: list[str], i: int) -> tuple[int, list[str]]:
    """A table saved as text with its cells run together, one column per career, a row per line:

        Career Title Social and Human Services Assistants Social Workers Substance Abuse Counselors
        Median Salary (2018)* $33,750 $63,140 $44,630

    the first line a label ("Career Title") and N job titles, the lines after it a label and N figures.
    Each career becomes a row with the figures of its column ("Career Title: Social Workers; Median Salary
    (2018)*: $63,140"); lines of words whose cells cannot be told apart are left as text, after the rows."""
    label = NAMES_LABEL.match(lines[i].strip())
    if not label:
        return i, []
    titles = patterns.titles_in_a_row(lines[i].strip()[label.end() :])
    if len(titles) < 2:
        return i, []
    j, figures, words = i + 1, [], []
    while j < len(lines) and lines[j].strip():
        line = lines[j].strip()
        found = list(FIGURE.finditer(line))
        tail = found[-len(titles) :] if len(found) >= len(titles) else []
        if tail and not line[tail[0].start() :].replace(" ", "").translate(str.maketrans("", "", "$%,.*+-")).isdigit():
            tail = []
        if tail:
            figures.append((line[: tail[0].start()].strip(), [m.group().rstrip("*") for m in tail]))
        else:
            words.append(line)
        j += 1
    if not figures:
        return i, []
    head = lines[i].strip()[: label.end()].strip()
    rows = [
        table_row([head, *(name for name, _ in figures)], [t, *(v[k] for _, v in figures)])
        for k, t in enumerate(titles)
    ]
    return j, rows + words


def _cells(line: str) -> list[Cell]:
    cells, at = [], 0
    for piece in GAP.split(line):
        start = line.index(piece, at) if piece else at
        if piece.strip():
            cells.append(Cell(piece.strip(), start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))
        at = start + len(piece)
    return cells


def _aligned(cells: list[Cell], header: list[Cell]) -> bool:
    """Most of a row's cells start or end where a header cell does (left- or right-aligned columns)."""
    edges = [(h.start, h.end) for h in header]
    lined = sum(1 for c in cells if any(abs(c.start - s) <= SLACK or abs(c.end - e) <= SLACK for s, e in edges))
    return lined >= ALIGNED_SHARE * len(cells)


def _placed(cells: list[Cell], columns: list[Cell]) -> list[str]:
    """The cells under the columns, each in the one it overlaps most (or lies nearest), those landing in
    one column joined in order; empty columns stay empty."""
    if len(cells) == len(columns):
        return [c.text for c in cells]
    edges = [(a.end + b.start) / 2 for a, b in zip(columns, columns[1:], strict=False)]
    bounds = list(zip([-1.0, *edges], [*edges, 10.0**6], strict=True))
    placed = [""] * len(columns)
    for cell in cells:
        k = max(range(len(bounds)), key=lambda n: min(cell.end, bounds[n][1]) - max(cell.start, bounds[n][0]))
        placed[k] = f"{placed[k]} {cell.text}".strip()
    return placed


def _rows(header: list[str], rows: list[list[str]]) -> list[str]:
    return [line for row in rows if (line := table_row(header, row))]
