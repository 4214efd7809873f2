"""Action server responses are checked against Rasa's own schema, with a validator built once."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

import bot.channels  # noqa: F401  (loading our channels installs the validator, as in the Rasa server)
from bot import action_validation

ACTION = RemoteAction("action_answer_salary", EndpointConfig("http://127.0.0.1:1/webhook"))


def test_loading_the_channels_installs_the_cached_validator():
    assert RemoteAction._validate_action_result is action_validation.validate_action_result


def test_a_well_formed_response_passes():
    result = {
        "events": [{"event": "slot", "timestamp": None, "name": "career", "value": "Database Architect"}],
        "responses": [{"text": "A database architect earns $134,870.", "buttons": []}],
    }
    assert ACTION._validate_action_result(result) is True


@pytest.mark.parametrize(
    "result",
    [
        {"events": [{"event": "no_such_event"}], "responses": []},
        {"events": "slot", "responses": []},
        {"events": [], "responses": ["just a string"]},
    ],
)
def test_a_malformed_response_fails_with_rasas_message(result):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        ACTION._validate_action_result(result)


def test_the_validator_is_built_once():
    assert action_validation.response_validator() is action_validation.response_validator()
