"""The NLU's guard against messages made of no known word ("asdkjh qwe", "hjkl"): the intent becomes
the fallback, so a keyboard mash gets "Sorry, I didn't understand" rather than the greeting or the goodbye
its letters happen to resemble (character n-grams make any text look like some intent).

A word is known when the training examples use it, or when WordNet has it as a noun (the lexicon the KB
builder reads); a message the mention extractor found a name in is never a mash.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from kb import lexicon

WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
WORDS_FILE = "words.json"


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def is_mash(text: str, known: frozenset[str], named: bool) -> bool:
    """Whether a message has letters but not one word the bot knows, and no name it knows."""
    found = words(text)
    nouns = lexicon.load().senses
    return bool(found) and not named and not any(w in known or w in nouns for w in found)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsGuard(GraphComponent):
    """Configured after the FallbackClassifier as ``name: bot.plugins.unknown_words.UnknownWordsGuard``."""

    def __init__(self, model_storage: ModelStorage, resource: Resource, known: frozenset[str]) -> None:
        self._model_storage, self._resource, self.known = model_storage, resource, known
        lexicon.load()  # WordNet is read when the model loads, not on a visitor's first message

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> UnknownWordsGuard:
        return cls(model_storage, resource, frozenset())

    def train(self, training_data: TrainingData) -> Resource:
        """The words of every training example, kept with the model."""
        known = sorted({w for example in training_data.training_examples for w in words(example.get(TEXT) or "")})
        with self._model_storage.write_to(self._resource) as directory:
            (directory / WORDS_FILE).write_text(json.dumps(known), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> UnknownWordsGuard:
        with model_storage.read_from(resource) as directory:
            known = json.loads((directory / WORDS_FILE).read_text(encoding="utf-8"))
        return cls(model_storage, resource, frozenset(known))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if is_mash(message.get(TEXT) or "", self.known, bool(message.get(ENTITIES))):
                fallback = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 1.0}
                message.set(INTENT, fallback, add_to_output=True)
                message.set(
                    INTENT_RANKING_KEY, [fallback, *(message.get(INTENT_RANKING_KEY) or [])], add_to_output=True
                )
        return messages
