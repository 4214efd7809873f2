"""The NLU's entity extractor: tags career, course, topic, skill-kind and metric mentions with the
knowledge base's vocabulary, and any other job title as a career (so a career the documents lack
gets an honest answer instead of a near miss).

The vocabulary is read from ``settings.MENTIONS_FILE``, which ``python -m bot kb`` writes with the
knowledge base, each time the Rasa server loads its model: a new document's names are tagged after
a rebuild and a restart, without retraining.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot import settings
from kb.matching import Vocabulary, job_titles


def mentions(vocabulary: Vocabulary, text: str) -> list[dict[str, Any]]:
    """Entities for ``text``: the vocabulary's names first, then job titles it does not know."""
    found = [(m.start, m.end, m.label) for m in vocabulary.find(text)]
    for start, end, _ in job_titles(text):
        if all(end <= a or start >= b for a, b, _ in found):
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


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class MentionExtractor(GraphComponent, EntityExtractorMixin):
    """Configured as ``name: bot.plugins.mentions.MentionExtractor`` in config.yml."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MentionExtractor:
        return cls(Vocabulary.load(settings.MENTIONS_FILE))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            found = self.add_extractor_name(mentions(self.vocabulary, message.get(TEXT) or ""))
            message.set(ENTITIES, message.get(ENTITIES, []) + found, add_to_output=True)
        return messages
