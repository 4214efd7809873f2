"""Documents -> section tree: reads a career document into its title and sections.

One module per format: ``text`` (plain text), ``html`` (web pages saved from a site), ``markdown``
(rendered to HTML by Python-Markdown, then read as a web page), and the binary formats ``pdf`` and
``docx`` (laid out again as a web page and read as one). The builder loads a document's content first, to
skip unchanged documents by fingerprint, and parses it only when it has changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kb.read import html, markdown, pdf, text, word
from kb.read.document import INTRODUCTION, Document, DocumentError, Paragraph, Section

__all__ = ["INTRODUCTION", "READERS", "Document", "DocumentError", "Paragraph", "Section", "load", "parse", "read"]

TEXT_READERS: dict[str, Callable[[str], Document]] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
}
FILE_READERS: dict[str, Callable[[bytes], Document]] = {".pdf": pdf.read, ".docx": word.read}
READERS = (*TEXT_READERS, *FILE_READERS)


def read(path: Path) -> Document:
    return parse(load(path), path.name)


def load(path: Path) -> str | bytes:
    """A document's content: the text of a text format, the bytes of a PDF or Word file; anything unusable is
    a DocumentError naming the file."""
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise DocumentError(f"{path.name}: is not a supported type of document (supported: {', '.join(READERS)})")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if suffix in FILE_READERS:
        if not raw:
            raise DocumentError(f"{path.name}: is empty")
        return raw
    content = _text(raw, path.name)
    if not content.strip():
        raise DocumentError(f"{path.name}: is empty")
    return content


def parse(content: str | bytes, name: str) -> Document:
    """A loaded document's sections, read as the type its file name's suffix says (``name`` may be the
    suffix alone); a DocumentError, naming the file, when the content cannot be read as that type."""
    suffix = Path(name).suffix.lower() or name.lower()
    if suffix in FILE_READERS:
        try:
            return FILE_READERS[suffix](content if isinstance(content, bytes) else content.encode())
        except DocumentError as exc:
            raise DocumentError(f"{Path(name).name}: {exc}") from exc
    return TEXT_READERS[suffix](_text(content, Path(name).name) if isinstance(content, bytes) else content)


def _text(raw: bytes, name: str) -> str:
    """A text document's bytes as text; a DocumentError naming the file when they are not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{name}: is not UTF-8 text (bad byte at offset {exc.start})") from exc
