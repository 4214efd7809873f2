"""Facts about a training provider: who, where, licensing, certificates, retakes, formats."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kb.extract import Context, ParsedDocument
from kb.schema import Base, ProviderFact

ORG = r"(?P<org>[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,4})"
PROVIDER_NAME = (
    re.compile(rf"^{ORG}\s+(?:also\s+)?(?:offers|is based in|is licensed|provides|runs)\b"),
    re.compile(rf"\bat {ORG}$"),
)
ATTRIBUTES = (
    ("location", re.compile(r"\bis (?:based|located|headquartered) in (?P<v>[A-Z][\w ]*?)(?:,|\.|\s+and\b|$)")),
    ("licensing", re.compile(r"\b(?:is )?(?:licensed|accredited) by (?:the )?(?P<v>[A-Z][\w ]*?)\.?$")),
    ("retake", re.compile(r"\b(?:the option of )?(?:a )?(?P<v>free retake[^.,;]*)", re.I)),
    ("certificate", re.compile(r"\b(?:an? )?(?P<v>certificate of (?:completion|attendance))", re.I)),
    ("formats", re.compile(r"\boptions include (?P<v>[^.,]+)", re.I)),
    ("scheduling", re.compile(r"\bscheduling options such as (?P<v>[^.]+)", re.I)),
    ("offers", re.compile(r"\boffers (?P<v>a number of [^.]+|classes [^.]+|courses [^.]+)", re.I)),
)


def provider_name(doc: ParsedDocument) -> str | None:
    """The organisation the document says offers the classes, if any."""
    for section in doc.sections:
        for text in [section.heading, *section.sentences]:
            for rx in PROVIDER_NAME:
                match = rx.search(text)
                if match and "offers" in " ".join(section.sentences) + text:
                    return match.group("org")
    return None


def extract(doc: ParsedDocument, ctx: Context) -> Iterator[Base]:
    name = provider_name(doc)
    if not name:
        return
    for section in doc.sections:
        if name not in section.heading and name not in " ".join(section.sentences[:2]):
            continue
        for sentence in section.sentences:
            for attribute, rx in ATTRIBUTES:
                match = rx.search(sentence)
                if match:
                    yield ProviderFact(
                        provider=name,
                        attribute=attribute,
                        value=match.group("v").strip(),
                        **ctx.source(section, sentence),
                    )
