"""``python -m bot <command>``: the everyday commands behind the Makefile.

kb      build/refresh the knowledge base and the vocabulary the NLU tags mentions with
train   kb, then train the Rasa model if it is missing or older than its inputs
run     kb, train, then start the action server, the Rasa server and the demo page, and rebuild the
        KB whenever a document is added, changed or removed (``CAREERBOT_WATCH_SECONDS``)
shell   kb, train, then chat in the terminal (rasa shell) with the action server running
report  the questions the documents could not answer, most frequent first

Each long step prints one line; what the tools print in full goes to log files under
``settings.LOG_DIR``, named on screen.
"""

from __future__ import annotations

import argparse
import fcntl
import logging
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot import settings
from bot.launch import servers
from kb.db import KnowledgeBaseMissing

TRAINING_INPUTS = ("config.yml", "domain.yml", "data")
logger = logging.getLogger(__name__)


class TrainingFailed(RuntimeError):
    """``rasa train`` failed; the message names its log."""


def build_kb() -> bool:
    """Build the KB and the mention vocabulary; False when some document could not be used.

    Then say what was read, so an operator can check a document they added: a line for each document
    read this time (unchanged ones were reported before), a warning for any document in which no career
    or course was found, and the report with every fact and its source sentence. One build at a time
    (``build_lock``)."""
    with build_lock():
        return _build_and_report()


@contextmanager
def build_lock() -> Iterator[None]:
    """An exclusive lock on ``kb.lock`` in the build folder, held for the whole build, so two builds (`make kb`
    while `make run` rebuilds) never interleave; the system releases it if the process dies."""
    settings.BUILD_DIR.mkdir(parents=True, exist_ok=True)
    with (settings.BUILD_DIR / "kb.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _build_and_report() -> bool:
    from kb import builder
    from kb import report as kb_report
    from kb.query import KnowledgeBase

    started = time.monotonic()
    report = builder.build(settings.DOCUMENTS_DIR, settings.KB_URL)
    kb = KnowledgeBase(settings.KB_URL, settings.STALE_YEARS)
    kb.vocabulary.save(settings.MENTIONS_FILE)
    print(
        f"Knowledge base: {len(report.built)} document(s) read, {len(report.unchanged)} unchanged, "
        f"{len(report.removed)} removed; {len(kb.careers())} careers, {len(kb.courses())} courses "
        f"({time.monotonic() - started:.1f} s).",
        flush=True,
    )
    documents = kb_report.documents(settings.KB_URL, settings.STALE_YEARS)
    for document in documents:
        if document.name in report.built:
            print(
                f"  {document.name}: {_count(len(document.careers), 'career')}, "
                f"{_count(len(document.courses), 'course')}, {_count(len(document.facts), 'fact')}, "
                f"{len(document.unattributed)} of {_count(document.sentences, 'sentence')} not attributed",
                flush=True,
            )
            if document.facts:
                print("    " + ", ".join(f"{kind} {n}" for kind, n in document.counts.items()), flush=True)
        if document.empty:
            print(f"  WARNING {document.name}: no career or course found; does a heading name each career?", flush=True)
        if document.old:
            print(
                f"  OLD {document.name}: its newest figure is for {document.newest}, more than "
                f"{settings.STALE_YEARS} years ago; replies say so. Refresh it if a newer version exists.",
                flush=True,
            )
    html = settings.BUILD_DIR / "kb-report.html"
    html.write_text(kb_report.to_html(documents, report.errors), encoding="utf-8")
    print(f"  Report, every fact with its source sentence: {html}", flush=True)
    for error in report.errors.values():
        print(f"  ERROR {error}", file=sys.stderr)
    return report.ok


def report_unanswered(limit: int = 20) -> None:
    """The questions the documents could not answer, most frequent first: which document to add next."""
    from bot.unanswered import UnansweredLog

    found = UnansweredLog(settings.UNANSWERED_URL).most_frequent(limit)
    if not found:
        print("No unanswered questions recorded yet.")
        return
    print(f"The {len(found)} most frequent questions the documents could not answer:")
    for item in found:
        print(f"  {item.count:4d}x  {item.question}  (last {item.last_asked:%Y-%m-%d %H:%M}; {item.reasons})")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _newest(paths: list[Path]) -> float:
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file()]
    return max((f.stat().st_mtime for f in files), default=0.0)


def model_is_stale() -> bool:
    models = list(settings.MODELS_DIR.glob("*.tar.gz"))
    return not models or _newest(models) < _newest([settings.ROOT / p for p in TRAINING_INPUTS])


def train(force: bool = False) -> None:
    if not (force or model_is_stale()):
        return
    log = settings.LOG_DIR / "train.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    print(f"Training the Rasa model (about a minute; log: {log}) ...", flush=True)
    started = time.monotonic()
    command = [
        str(servers.BIN / "rasa"),
        "train",
        "--out",
        str(settings.MODELS_DIR),
        "--fixed-model-name",
        "career-bot",
    ]
    with log.open("w") as output:
        result = subprocess.run(
            command, cwd=settings.ROOT, env=settings.rasa_env(), stdout=output, stderr=subprocess.STDOUT
        )
    if result.returncode != 0:
        raise TrainingFailed(f"Training failed (exit code {result.returncode}); see {log}.")
    print(f"Model trained ({time.monotonic() - started:.0f} s).", flush=True)


Listing = dict[str, tuple[int, int]]


def listing(folder: Path) -> Listing:
    """The documents in ``folder`` as the watcher compares them: each file's name, size and mtime (a stat,
    not a read)."""
    found = {}
    for path in folder.glob("*"):
        try:
            status = path.stat()
        except OSError:  # removed meanwhile, or a dangling link
            continue
        if stat.S_ISREG(status.st_mode) and not path.name.startswith("."):
            found[path.name] = (status.st_size, status.st_mtime_ns)
    return found


def changes(before: Listing, after: Listing) -> str | None:
    """What differs between two listings, in words ("added a.txt; removed b.txt"); None for nothing."""
    found = {
        "added": after.keys() - before.keys(),
        "changed": {name for name in after.keys() & before.keys() if after[name] != before[name]},
        "removed": before.keys() - after.keys(),
    }
    return "; ".join(f"{verb} {', '.join(sorted(names))}" for verb, names in found.items() if names) or None


def watch_documents(every: float, stop: threading.Event, rebuild: Callable[[], bool] = build_kb) -> None:
    """Every ``every`` seconds until ``stop`` is set, rebuild the KB if the documents folder's listing changed
    since the last look."""
    seen = listing(settings.DOCUMENTS_DIR)
    while not stop.wait(every):
        now = listing(settings.DOCUMENTS_DIR)
        what = changes(seen, now)
        if what is None:
            continue
        seen = now
        try:
            ok = rebuild()
        except Exception:  # the watcher must outlive a failed build: the next change is built again
            logger.exception("Rebuilding the knowledge base failed")
            continue
        warning = "" if ok else " (some documents could not be used: see above)"
        print(f"Documents {what}: knowledge base rebuilt{warning}.", flush=True)


@contextmanager
def watching(every: float) -> Iterator[None]:
    """``watch_documents`` in a daemon thread while the block runs (none for ``every`` 0)."""
    stop = threading.Event()
    if every > 0:
        threading.Thread(target=watch_documents, args=(every, stop), name="documents-watcher", daemon=True).start()
    try:
        yield
    finally:
        stop.set()


def run() -> None:
    logs = ", ".join(str(settings.LOG_DIR / f"{name}.log") for name in ("actions", "rasa"))
    print(f"Starting the action server and the Rasa server (logs: {logs}) ...", flush=True)
    with (
        watching(settings.WATCH_SECONDS),
        servers.running(
            settings.RASA_PORT, settings.ACTIONS_PORT, log_dir=settings.LOG_DIR, web_port=settings.WEB_PORT
        ) as bot,
    ):
        print(
            f"\nThe bot is ready.\n  web page with chat widget: http://{settings.HOST}:{settings.WEB_PORT}/"
            f"\n  REST channel: POST {bot.webhook}\n(Ctrl-C to stop)\n",
            flush=True,
        )
        try:
            bot.wait()
        except KeyboardInterrupt:
            ignore_stop_signals()
            print("Stopping.", flush=True)


def stop_on_sigterm() -> None:
    """systemd, Docker and Kubernetes stop a service with SIGTERM: take it as Ctrl-C, so whatever is
    under way (training, the servers) is stopped and cleaned up the same way, leaving no orphans."""
    signal.signal(signal.SIGTERM, signal.default_int_handler)


def ignore_stop_signals() -> None:
    """Once stopping, a second Ctrl-C or SIGTERM must not cut the servers' shutdown short (and leave
    them running); a server that does not stop in time is killed anyway."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def shell() -> None:
    env = settings.rasa_env()
    actions = servers.start_actions(settings.ACTIONS_PORT, env, settings.LOG_DIR / "actions.log")
    try:
        actions.wait_ready(120)
        command = [
            str(servers.BIN / "python"),
            "-m",
            "bot.launch.rasa_server",
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
    parser.add_argument("command", choices=["kb", "train", "run", "shell", "report"])
    parser.add_argument("--force", action="store_true", help="train even when the model is up to date")
    args = parser.parse_args(argv)
    stop_on_sigterm()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "report":
        report_unanswered()
        return 0
    try:
        ok = build_kb()
        if args.command in ("train", "run", "shell"):
            train(force=args.force)
        if args.command == "run":
            run()
        elif args.command == "shell":
            shell()
    except (KnowledgeBaseMissing, TrainingFailed, servers.ServerFailed) as exc:
        print(f"ERROR {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Stopped.")
        return 130
    return 0 if ok else 1
