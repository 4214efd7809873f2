"""Facts about a training provider in the short forms its cue words miss: where it is based, who
licenses it, retakes and certificates of completion, as the phrase itself rather than the sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb.extract import Finding, ParsedDocument

ATTRIBUTES = (
    ("location", re.compile(r"\bis (?:based|located|headquartered) in (?P<v>[A-Z][\w ]*?)(?:,|\.|\s+and\b|$)")),
    ("accreditation", re.compile(r"\b(?:is )?(?:licensed|accredited) by (?:the )?(?P<v>[A-Z][\w ]*?)\.?$")),
    ("retake", re.compile(r"\b(?:the option of )?(?:a )?(?P<v>free retake[^.,;]*)", re.I)),
    ("certificate", re.compile(r"\b(?:an? )?(?P<v>certificate of (?:completion|attendance))", re.I)),
)


def extract(doc: ParsedDocument) -> Iterator[Finding]:
    name = doc.provider
    if not name:
        return
    for section in doc.sections:
        if name not in section.heading and name not in " ".join(section.sentences[:2]):
            continue
        for sentence in section.sentences:
            for attribute, rx in ATTRIBUTES:
                match = rx.search(sentence)
                if match:
                    value = match.group("v").strip()
                    yield Finding("provider", name, attribute, value, section.heading, sentence, rule="provider phrase")
