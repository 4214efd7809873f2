"""Checking action server responses with one compiled validator instead of one per call.

Rasa 3.6 checks every action server response with ``jsonschema.validate(result, schema)``.
That call first re-validates Rasa's large events schema against the JSON Schema metaschema
and builds a fresh validator, which costs about 30 ms of the Rasa server's single event-loop
thread per custom action on our 2-core machine: the largest single cost of a turn in our
profile (see the README's benchmark section). Here the schema is checked once and its
validator is reused; responses are held to the same schema and a bad one fails with the same
``ValidationError`` and message as before.

``install()`` is called when the Rasa server loads our channels (``bot.channels``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import ValidationError, validators
from jsonschema.protocols import Validator
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def response_validator() -> Validator:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        response_validator().validate(result)
    except ValidationError as e:
        e.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise
    return True


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
