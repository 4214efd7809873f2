"""``python -m bot.launch.rasa_server ARGS``: Rasa's own command line (``rasa ARGS``), with our
patches to Rasa installed first. Every Rasa server and shell of ours starts this way.

For ``run`` it adds what the settings say: CORS for the configured web origins only
(``CAREERBOT_WEB_ORIGINS``), and Rasa's HTTP API, guarded by ``RASA_API_TOKEN``, when that is set
(otherwise the API stays off and only the channel webhooks answer)."""

from __future__ import annotations

import sys

from bot import settings
from bot.plugins import patches


def with_settings(argv: list[str]) -> list[str]:
    if argv[:1] != ["run"]:
        return argv
    argv = [*argv, "--cors", *settings.WEB_ORIGINS]
    if settings.RASA_API_TOKEN:
        argv += ["--enable-api", "--auth-token", settings.RASA_API_TOKEN]
    return argv


def main(argv: list[str]) -> None:
    try:
        patches.install()
    except patches.UnverifiedRasaVersion as exc:
        sys.exit(f"Cannot start Rasa: {exc}")
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *with_settings(argv)]
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
