"""Two per-turn costs of Rasa 3.6, removed without changing what Rasa does.

- **Checking action server responses.** Rasa checks every response with
  ``jsonschema.validate(result, schema)``, which first re-validates Rasa's large events schema
  against the JSON Schema metaschema and builds a fresh validator: about 30 ms of the Rasa
  server's single event-loop thread per custom action on our 2-core machine, the largest cost
  of a turn in our profile. Here the schema is checked once and its validator reused; a bad
  response fails with the same ``ValidationError`` and message as before.
- **Finding an event's class by name.** Rasa turns every stored and every returned event into
  an object by walking all ``Event`` subclasses (and testing each for abstractness) until one
  has the event's name, for each event of each tracker it loads. Here a name, once found, is
  remembered; names not found still go through Rasa's own lookup, errors and all.

``install()`` is called by ``bot.launch.rasa_server`` before Rasa starts. Both patches replace
private Rasa methods, so they are tied to the Rasa version they were checked against: on any other
version ``install()`` refuses to start, and they must be re-checked (``tests/bot/test_patches.py``
compares them with Rasa's own behaviour).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import rasa
from jsonschema import validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event

VERIFIED_RASA_VERSION = "3.6.21"

_resolve_by_type = Event.resolve_by_type
_event_classes: dict[str, type[Event]] = {}


@cache
def response_validator() -> Validator:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(response_validator().iter_errors(result))  # the error jsonschema.validate() reports
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def resolve_event_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    known = _event_classes.get(type_name)
    if known is not None:
        return known
    found = _resolve_by_type(type_name, default)
    if found is not None and found is not default:
        _event_classes[type_name] = found
    return found


class UnverifiedRasaVersion(RuntimeError):
    """The installed Rasa is not the version the patches were checked against."""


def install(version: str = rasa.__version__) -> None:
    if version != VERIFIED_RASA_VERSION:
        raise UnverifiedRasaVersion(
            f"bot/plugins/patches.py was verified on Rasa {VERIFIED_RASA_VERSION}, but Rasa {version} is "
            "installed. Re-check both patches against this version's RemoteAction._validate_action_result "
            "and Event.resolve_by_type, then update VERIFIED_RASA_VERSION."
        )
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(resolve_event_type)  # type: ignore[assignment]
