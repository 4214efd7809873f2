"""``python -m bot.launch.rasa_server ARGS``: Rasa's own command line (``rasa ARGS``), with our
patches to Rasa installed first. Every Rasa server and shell of ours starts this way."""

from __future__ import annotations

import sys

from bot.plugins import patches


def main(argv: list[str]) -> None:
    try:
        patches.install()
    except patches.UnverifiedRasaVersion as exc:
        sys.exit(f"Cannot start Rasa: {exc}")
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *argv]
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
