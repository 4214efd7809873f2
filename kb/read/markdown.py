"""Markdown -> sections: Python-Markdown renders it (pipe tables included), and it is read as a web page."""

from __future__ import annotations

import markdown

from kb.read import html
from kb.read.document import Document


def read(text: str) -> Document:
    return html.read(markdown.markdown(text, extensions=["tables"]))
