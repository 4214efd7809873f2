"""Rasa hot paths made cheap without changing behaviour: action responses are checked against
Rasa's own schema with a validator built once, and event classes are found by name from memory.
The patches are installed by the Rasa launcher, and only on the Rasa version they were checked on."""

import sys
from collections.abc import Iterator

import jsonschema
import pytest
import rasa.__main__
import rasa.shared.utils.common
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event
from rasa.utils.endpoints import EndpointConfig

from bot.launch import rasa_server, servers
from bot.plugins import patches

pytestmark = pytest.mark.unit

ACTION = RemoteAction("action_answer_salary", EndpointConfig("http://127.0.0.1:1/webhook"))


@pytest.fixture(autouse=True)
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The patches as the Rasa server has them; Rasa's own methods again after each test."""
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction.__dict__["_validate_action_result"])
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    patches.install()
    yield


def test_our_rasa_servers_start_through_the_launcher_that_installs_the_patches(monkeypatch: pytest.MonkeyPatch):
    assert servers.rasa_command(5005, "127.0.0.1")[:4] == ["python", "-m", "bot.launch.rasa_server", "run"]
    monkeypatch.setattr(RemoteAction, "_validate_action_result", lambda *_: True)  # not patched yet
    seen = {}

    def rasa_main() -> None:
        seen["patched"] = RemoteAction._validate_action_result is patches.validate_action_result

    monkeypatch.setattr(rasa.__main__, "main", rasa_main)
    monkeypatch.setattr(sys, "argv", sys.argv)
    rasa_server.main(["--version"])
    assert seen == {"patched": True}


def test_an_unverified_rasa_version_is_refused_with_what_to_check():
    with pytest.raises(patches.UnverifiedRasaVersion, match="verified on Rasa 3.6.21, but Rasa 3.7.0"):
        patches.install("3.7.0")


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
        {"events": [{"event": "slot", "name": "career", "timestamp": "noon"}]},
        {"events": [{"event": "slot"}, {"event": "bogus"}], "responses": [1]},
    ],
)
def test_a_malformed_response_fails_with_the_error_rasa_reports(result):
    with pytest.raises(ValidationError) as rasas:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(ValidationError, match="Failed to validate Action server response") as ours:
        ACTION._validate_action_result(result)
    assert ours.value.message.startswith(rasas.value.message + ". ")
    assert list(ours.value.path) == list(rasas.value.path)


def test_event_classes_are_found_by_name_and_then_remembered(monkeypatch):
    from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered

    assert Event.resolve_by_type is patches.resolve_event_type
    for cls in (SlotSet, UserUttered, ActionExecuted):
        assert Event.resolve_by_type(cls.type_name) is cls

    def no_more_searching(_cls):
        raise AssertionError("searched the Event subclasses again")

    monkeypatch.setattr(rasa.shared.utils.common, "all_subclasses", no_more_searching)
    for cls in (SlotSet, UserUttered, ActionExecuted):
        assert Event.resolve_by_type(cls.type_name) is cls
    assert Event.from_parameters({"event": "slot", "name": "career", "value": "Web Developer"}) == SlotSet(
        "career", "Web Developer"
    )


def test_unknown_event_names_behave_as_in_rasa():
    from rasa.shared.core.events import SlotSet

    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    assert Event.resolve_by_type("topic") is None
    with pytest.raises(ValueError, match="Unknown event name"):
        Event.resolve_by_type("no_such_event")
