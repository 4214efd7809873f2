"""The NLU's entity extractor: tags career, course, topic, skill-kind and metric mentions with the
knowledge base's vocabulary, and any other job title as a career (so a career the documents lack
gets an honest answer instead of a near miss).

The vocabulary is read from ``settings.MENTIONS_FILE``, which ``python -m bot kb`` writes with the
knowledge base, when the Rasa server loads its model, and again whenever the file changes: a new
document's names are tagged once the KB is rebuilt, without a restart or retraining.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import settings
from kb.matching import Vocabulary, course_phrases, job_titles

logger = logging.getLogger(__name__)


def mentions(vocabulary: Vocabulary, text: str) -> list[dict[str, Any]]:
    """Entities for ``text``: the vocabulary's names first, then job titles it does not know."""
    found = [(m.start, m.end, m.label) for m in vocabulary.find(text)]
    for start, end, _ in job_titles(text):
        overlaps = [(b, label) for a, b, label in found if a < end and b > start]
        if any(label in ("career", "course", "topic") for _, label in overlaps):
            continue  # part of a name it knows ("python developers"): not another title
        cut = max((b for b, _ in overlaps), default=start)
        if cut < end:  # "the lowest paid hygienists": the title after a word already taken ("paid")
            start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
            found.append((start, end, "career"))
    return [
        {
            ENTITY_ATTRIBUTE_TYPE: label,
            ENTITY_ATTRIBUTE_START: start,
            ENTITY_ATTRIBUTE_END: end,
            ENTITY_ATTRIBUTE_VALUE: text[start:end],
        }
        for start, end, label in sorted(found)
    ]


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells a changed file from the one read before, without reading it: its mtime and size."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


class VocabularyComponent(GraphComponent):
    """A pipeline component with the KB's vocabulary: read from ``path`` when the model loads, and again when
    the file changes (``refresh``, before each batch of messages)."""

    def __init__(self, vocabulary: Vocabulary, path: Path | None = None) -> None:
        self.vocabulary = vocabulary
        self._path = path
        self._stamp = _stamp(path) if path else None

    def refresh(self) -> None:
        """Reads the vocabulary again if its file changed (a rebuilt KB); while the file is missing or
        unreadable, the vocabulary stays as it was."""
        stamp = _stamp(self._path) if self._path else None
        if stamp is None or stamp == self._stamp:
            return
        self._stamp = stamp  # a damaged file is not read again until it changes once more
        try:
            self.vocabulary = Vocabulary.load(self._path)
        except (OSError, ValueError, TypeError) as exc:
            logger.warning("Keeping the mention vocabulary as it was: %s is unreadable (%s)", self._path, exc)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> VocabularyComponent:
        return cls(Vocabulary.load(settings.MENTIONS_FILE), settings.MENTIONS_FILE)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class MentionExtractor(VocabularyComponent, EntityExtractorMixin):
    """Configured as ``name: bot.plugins.mentions.MentionExtractor`` in config.yml."""

    def process(self, messages: list[Message]) -> list[Message]:
        self.refresh()
        for message in messages:
            found = self.add_extractor_name(mentions(self.vocabulary, message.get(TEXT) or ""))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages


MASKED = ("career", "course")
"""The kinds of name replaced by a placeholder before the intent classifier reads a message."""


def masked(tokens: list[Token], found: list[dict[str, Any]]) -> list[Token]:
    """The message's tokens with each career or course name as one placeholder token ("__career__"), so
    that which intent a question has never depends on which name it asks about."""
    spans = [(e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END], e[ENTITY_ATTRIBUTE_TYPE]) for e in found]
    spans = [s for s in spans if s[2] in MASKED]
    kept: list[Token] = []
    for token in tokens:
        span = next((s for s in spans if s[0] <= token.start < s[1]), None)
        if span is None:
            kept.append(token)
        elif not kept or kept[-1].start != span[0] or kept[-1].text != f"__{span[2]}__":
            kept.append(Token(f"__{span[2]}__", span[0], span[1]))
    return kept


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class NameMasker(VocabularyComponent):
    """Configured after the tokenizer as ``name: bot.plugins.mentions.NameMasker``: replaces career and
    course names (the vocabulary's, and any job title) by placeholders in the tokens the featurizers read,
    in training examples and in messages alike. Registered as a featurizer because Rasa runs only
    tokenizers and featurizers over the training data."""

    def _mask(self, message: Message) -> None:
        tokens = message.get(TOKENS_NAMES[TEXT])
        if tokens:
            text = message.get(TEXT) or ""
            found = mentions(self.vocabulary, text) + [
                {ENTITY_ATTRIBUTE_START: start, ENTITY_ATTRIBUTE_END: end, ENTITY_ATTRIBUTE_TYPE: "course"}
                for start, end, _ in course_phrases(text)  # known or not, as in the training examples
            ]
            message.set(TOKENS_NAMES[TEXT], masked(tokens, found))

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._mask(example)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        self.refresh()
        for message in messages:
            self._mask(message)
        return messages
