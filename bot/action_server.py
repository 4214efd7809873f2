"""Starts the action server (rasa_sdk, serving the ``actions`` package) once the knowledge base
opens, so a missing or corrupt KB is a clear startup error rather than a failure on first use.

    python -m bot.action_server PORT
"""

from __future__ import annotations

import sys

from rasa_sdk import endpoint

from actions.knowledge import knowledge_base
from bot import settings
from kb.db import KnowledgeBaseMissing


def main(port: int) -> int:
    try:
        knowledge_base()  # the handle the actions use, opened now rather than on the first question
    except KnowledgeBaseMissing as exc:
        print(f"Cannot start the action server: {exc}", file=sys.stderr)
        return 2
    endpoint.run("actions", port=port)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else settings.ACTIONS_PORT))
