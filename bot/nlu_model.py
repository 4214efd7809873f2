"""Builds the spaCy pipeline Rasa's SpacyNLP loads: blank English plus the
``kb_mentions`` tagger filled with the knowledge base's names and aliases.

Rebuilt with the KB, so a career that only a newly added document names is
recognised once the KB is rebuilt (and the bot retrained)."""

from __future__ import annotations

from pathlib import Path

import spacy

from kb.query import KnowledgeBase


def build(kb: KnowledgeBase, path: Path) -> Path:
    nlp = spacy.blank("en")
    tagger = nlp.add_pipe("kb_mentions")
    tagger.use(kb.vocabulary)
    nlp.meta["name"] = "careers"
    nlp.meta["description"] = "Career, course and topic mentions from the career bot's knowledge base"
    nlp.to_disk(path)
    return path
