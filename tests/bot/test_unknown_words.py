"""The NLU's guard against keyboard mashes: a message with no known word and no name is not understood."""

from __future__ import annotations

import pytest

from bot.plugins.unknown_words import is_mash

pytestmark = pytest.mark.unit

KNOWN = frozenset({"hi", "thx", "bye", "what", "earn"})


@pytest.mark.parametrize("text", ["asdkjh qwe", "hjkl", "xkcd lol!", "qwe"])
def test_a_message_of_no_known_word_is_a_mash(text: str) -> None:
    assert is_mash(text, KNOWN, named=False)


@pytest.mark.parametrize("text", ["hi", "thx!", "salary of a nurse", "what do zookeepers earn?", "", "12345", "???"])
def test_a_message_with_a_known_word_or_no_letters_is_not(text: str) -> None:
    assert not is_mash(text, KNOWN, named=False)


def test_a_message_naming_something_the_extractor_knows_is_not_a_mash() -> None:
    assert not is_mash("sofware devloper", KNOWN, named=True)
