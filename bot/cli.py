"""``python -m bot <command>``: the everyday commands behind the Makefile.

kb      build/refresh the knowledge base and the spaCy pipeline made from it
train   kb, then train the Rasa model if it is missing or older than its inputs
run     kb, train, then start the action server and the Rasa server (REST)
shell   kb, train, then chat in the terminal (rasa shell) with the action server running
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
from pathlib import Path

from bot import nlu_model, servers, settings, web
from kb.db import KnowledgeBaseMissing

TRAINING_INPUTS = ("config.yml", "domain.yml", "data")


def build_kb() -> bool:
    """Build the KB and the spaCy pipeline; False when some document could not be used."""
    from kb import builder
    from kb.query import KnowledgeBase

    report = builder.build(settings.DOCUMENTS_DIR, settings.KB_URL)
    print(
        f"Knowledge base {settings.KB_URL}: built {len(report.built)}, unchanged {len(report.unchanged)}, "
        f"removed {len(report.removed)} document(s)."
    )
    for error in report.errors.values():
        print(f"  ERROR {error}", file=sys.stderr)
    nlu_model.build(KnowledgeBase(settings.KB_URL), settings.SPACY_MODEL_DIR)
    print(f"spaCy pipeline written to {settings.SPACY_MODEL_DIR}")
    return report.ok


def _newest(paths: list[Path]) -> float:
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    return max((f.stat().st_mtime for f in files), default=0.0)


def model_is_stale() -> bool:
    models = list(settings.MODELS_DIR.glob("*.tar.gz"))
    return not models or _newest(models) < _newest([settings.ROOT / p for p in TRAINING_INPUTS])


def train(force: bool = False) -> None:
    if not (force or model_is_stale()):
        print("Rasa model is up to date.")
        return
    command = [
        str(servers.BIN / "rasa"),
        "train",
        "--out",
        str(settings.MODELS_DIR),
        "--fixed-model-name",
        "career-bot",
    ]
    subprocess.run(command, cwd=settings.ROOT, env=settings.rasa_env(), check=True)


def run() -> None:
    with servers.running(settings.RASA_PORT, settings.ACTIONS_PORT) as bot:
        page = web.serve(settings.WEB_PORT, f"http://{settings.HOST}:{settings.RASA_PORT}")
        print(
            f"\nThe bot is ready.\n  web page with chat widget: http://{settings.HOST}:{settings.WEB_PORT}/"
            f"\n  REST channel: POST {bot.webhook}\n(Ctrl-C to stop)\n",
            flush=True,
        )
        try:
            bot.wait()
        except KeyboardInterrupt:
            print("Stopping.")
        finally:
            page.shutdown()


def shell() -> None:
    env = settings.rasa_env()
    actions = servers.start_actions(settings.ACTIONS_PORT, env, settings.BUILD_DIR / "logs" / "actions.log")
    try:
        actions.wait_ready(120)
        command = [
            str(servers.BIN / "rasa"),
            "shell",
            "--model",
            str(settings.MODELS_DIR),
            "--endpoints",
            "endpoints.yml",
            "--port",
            str(settings.RASA_PORT),
            "--interface",
            settings.HOST,
        ]
        subprocess.run(command, cwd=settings.ROOT, env=env)
    finally:
        actions.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["kb", "train", "run", "shell"])
    parser.add_argument("--force", action="store_true", help="train even when the model is up to date")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        ok = build_kb()
    except KnowledgeBaseMissing as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 2
    if args.command in ("train", "run", "shell"):
        train(force=args.force)
    if args.command == "run":
        run()
    elif args.command == "shell":
        shell()
    return 0 if ok else 1
