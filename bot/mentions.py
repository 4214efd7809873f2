"""The spaCy component Rasa's SpacyNLP loads: it tags career, course, topic,
skill-kind and metric mentions from the knowledge base's vocabulary, plus any
other job title as a career (so unknown careers get an honest answer).

Registered as the ``kb_mentions`` factory through the package's
``spacy_factories`` entry point, so ``spacy.load`` finds it in any process.
(No ``from __future__ import annotations`` here: spaCy validates the factory's
signature at run time.)
"""

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kb.matching import Term, Vocabulary, job_titles

TERMS_FILE = "terms.json"


class MentionTagger:
    def __init__(self) -> None:
        self.vocabulary = Vocabulary([])

    def use(self, vocabulary: Vocabulary) -> None:
        """Tag the names of ``vocabulary`` from now on; they are saved with the pipeline."""
        self.vocabulary = vocabulary

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in self.vocabulary.find(doc.text):
            span = doc.char_span(m.start, m.end, label=m.label, kb_id=m.canonical, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        known = [(s.start_char, s.end_char) for s in spans]
        for start, end, _ in job_titles(doc.text):
            if all(end <= a or start >= b for a, b in known):
                span = doc.char_span(start, end, label="career", alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.ents = filter_spans(spans)
        return doc

    def to_disk(self, path: Path, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        terms = [t.__dict__ for t in self.vocabulary.terms]
        (path / TERMS_FILE).write_text(json.dumps(terms, indent=0), encoding="utf-8")

    def from_disk(self, path: Path, exclude: tuple = ()) -> "MentionTagger":
        terms = json.loads((Path(path) / TERMS_FILE).read_text(encoding="utf-8"))
        self.use(Vocabulary(Term(**t) for t in terms))
        return self


@Language.factory("kb_mentions")
def make_mentions(nlp: Language, name: str) -> MentionTagger:
    return MentionTagger()
