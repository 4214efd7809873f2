"""`make bench`: measures the bot as `make run` starts it, next to a stock Rasa 3.6 bot
(`rasa init --no-prompt`, trained in the same run), and prints a table; figures go to
results/bench.json and a chart to results/bench.png. Not part of the test suite.

What it measures: REST round trip (p50/p95/p99) and answered messages per second at 1, 10
and 50 concurrent conversations; cold start (launch to first answer); peak RSS of each server;
`rasa train` time; KB build time for the shipped document and for 1,000 generated documents;
and throughput on the production stack (PostgreSQL, Redis, nginx) with 1 and 2 Rasa processes
and with SANIC_WORKERS=2. The same load, with each server's CPU time per message, also runs on
- our bot with the whole test corpus as its documents (tests/documents, its held-out documents
  included, and the shipped ones; the same model), with questions across the corpus;
- a floor bot: the least a Rasa bot costs on our REST channel and tracker store, started by our
  launcher (keyword intents, one intent, one rule, no action server), with greetings;
- a guidance question (a shortlist over the whole test corpus, with a need) in turns with a pay question
  on the same bot, p95 of each at 10 conversations (target: guidance within 2 times pay).
A second table sets the corpus run against the stock bot (messages/s, target >= 2.5 at 10
conversations), our bot on the shipped document alone (CPU per message, target <= 1.3) and the floor.

`python -m bench.run --only corpus,floor` measures only the parts named (of kb, ours, corpus, guidance,
stock, floor, scaling); a row whose other side was not measured shows "-", and the figures go to
results/bench-corpus-floor.json and .png instead.

Every figure goes into results/bench.json as soon as it is measured, so a failure late in the run
(it takes about 20 minutes) loses nothing; what it needs is checked before it starts.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bot import settings
from bot.launch import cli, servers
from kb import builder
from tests.support import corpus, office
from tests.support.ports import free_ports
from tests.support.stack import ProductionStack

RESULTS = settings.ROOT / "results"
CORPUS = settings.ROOT / "tests" / "documents"  # the test corpus, in every format the KB reads
BENCH_JSON = RESULTS / "bench.json"
CONCURRENCY = (1, 10, 50)
CONVERSATIONS_PER_WORKER = 3
OURS = [
    "hi",
    "what does a database architect earn?",
    "what about software developers?",
    "how fast is that growing?",
    "which programming languages should I learn?",
    "which course teaches Django?",
    "which pays more, software developer or database architect?",
    "thanks",
]
STOCK = ["hi", "I am feeling great", "are you a bot?", "I am sad", "yes", "very good", "no", "bye"]
CORPUS_MIX = [  # questions on documents of the test corpus, answered by our bot built on all of it
    "how much do registered nurses make?",
    "and is that job growing?",
    "how long is the pharmacy technician certificate?",
    "what tools do site reliability engineers use?",
    "what is the highest paying job?",
    "which careers do you know?",
    "what does a dental hygienist do?",
    "thanks",
]
FLOOR = ["hi", "hello", "hey", "good morning", "hi there", "hello again", "hey there", "good evening"]
PAY_QUESTION = "how much do registered nurses make?"
GUIDANCE_QUESTION = "I like helping people and need at least $40,000, what career suits me?"
GUIDANCE_ROUNDS = 3  # pay, then guidance, this many times: both see the same noise of a shared machine
PARTS = ("kb", "ours", "corpus", "guidance", "stock", "floor", "scaling")


class Figures(dict):
    """The figures measured so far, written to ``path`` (results/bench.json) each time one is kept."""

    def __init__(self, path: Path = BENCH_JSON) -> None:
        super().__init__()
        self.path = path

    def keep(self, key: str, value: object) -> None:
        self[key] = value
        self.path.write_text(json.dumps(self, indent=2))


def missing_requirements(parts: tuple[str, ...] = PARTS) -> list[str]:
    """What the run needs and does not find, checked before it starts rather than minutes into it."""
    needs = {
        "rasa (make setup)": (servers.BIN / "rasa").is_file(),
        "matplotlib (make setup)": importlib.util.find_spec("matplotlib"),
    }
    if "scaling" in parts:
        needs |= {
            "redis-server (make packages)": shutil.which("redis-server"),
            "PostgreSQL (make packages)": glob.glob("/usr/lib/postgresql/*/bin/postgres"),
            "nginx (make packages)": shutil.which("nginx") or Path("/usr/sbin/nginx").is_file(),
        }
    return [name for name, found in needs.items() if not found]


class PeakRss:
    """Samples a process's resident memory (VmRSS) and keeps the peak, in MB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                status = Path(f"/proc/{self.pid}/status").read_text()
                self.peak = max(self.peak, int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
            except (OSError, AttributeError):
                return
            time.sleep(0.2)

    def stop(self) -> float:
        self._stop.set()
        return round(self.peak, 1)


def cpu_ms(pid: int) -> float:
    """User plus system CPU time a process has used so far, in ms."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def loads(url: str, conversation: list[str], pids: dict[str, int]) -> Iterator[dict]:
    """``load`` at each concurrency, each run as soon as it is done, with each server's CPU time per
    answered message: steadier than throughput on a shared machine, and what the per-message work
    shows up in."""
    for concurrency in CONCURRENCY:
        before = {name: cpu_ms(pid) for name, pid in pids.items()}
        run = load(url, conversation, concurrency)
        run["cpu_ms_per_message"] = {
            name: round((cpu_ms(pid) - before[name]) / max(run["messages"], 1), 1) for name, pid in pids.items()
        }
        yield run


def say(url: str, sender: str, message: str, headers: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    response = requests.post(url, json={"sender": sender, "message": message}, headers=headers, timeout=120)
    response.raise_for_status()
    if not response.json():
        raise RuntimeError(f"no answer to {message!r}")
    return time.perf_counter() - start


def first_answer(url: str, started: float, timeout: float = 300) -> float:
    while time.perf_counter() - started < timeout:
        try:
            say(url, f"cold-{uuid.uuid4().hex[:8]}", "hi")
            return round(time.perf_counter() - started, 2)
        except (requests.RequestException, RuntimeError):
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {timeout}s")


def load(url: str, conversation: list[str], concurrency: int, headers: dict[str, str] | None = None) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def worker(_: int) -> None:
        nonlocal errors
        for _ in range(CONVERSATIONS_PER_WORKER):
            sender = f"bench-{uuid.uuid4().hex[:12]}"
            for message in conversation:
                try:
                    took = say(url, sender, message, headers)
                    with lock:
                        latencies.append(took)
                except (requests.RequestException, RuntimeError):
                    with lock:
                        errors += 1

    say(url, "warm-up", conversation[1], headers)
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(worker, range(concurrency)))
    elapsed = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {
        "concurrency": concurrency,
        "messages": len(latencies),
        "errors": errors,
        "p50_ms": round(q[49] * 1000, 1),
        "p95_ms": round(q[94] * 1000, 1),
        "p99_ms": round(q[98] * 1000, 1),
        "per_second": round(len(latencies) / elapsed, 1),
    }


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env=settings.rasa_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return round(time.perf_counter() - start, 1)


def measure_ours(work: Path, figures: Figures) -> None:
    ours: dict = {"load": []}
    train = [str(servers.BIN / "rasa"), "train", "--force", "--out", str(work / "models")]
    ours["train_s"] = timed(train, settings.ROOT)
    figures.keep("ours", ours)
    measure_our_servers(work, figures, "ours", ours, OURS)


def measure_corpus(work: Path, figures: Figures) -> None:
    """Our bot (the model ``cli.train`` made) with the whole test corpus as its documents."""
    paths = corpus.documents()
    started = time.perf_counter()
    extra_env = corpus.build(work / "corpus-build", paths)
    run: dict = {"documents": len(paths), "kb_build_s": round(time.perf_counter() - started, 1), "load": []}
    figures.keep("corpus", run)
    measure_our_servers(work, figures, "corpus", run, CORPUS_MIX, extra_env)


def measure_guidance(work: Path, figures: Figures) -> None:
    """A guidance question (a shortlist over the whole test corpus, with a need) against a pay question, on
    our bot with the whole corpus as its documents: p95 at 10 concurrent conversations of each, in turns;
    the goal is a ratio of at most 2."""
    extra_env = corpus.build(work / "guidance-build", corpus.documents())
    rasa_port, actions_port = free_ports(2)
    env = {
        **settings.rasa_env(),
        "TRACKER_STORE_URL": f"sqlite:///{work / 'guidance-trackers.sqlite3'}",
        "ACTION_ENDPOINT_URL": f"http://{settings.HOST}:{actions_port}/webhook",
        **extra_env,
    }
    actions = servers.start_actions(actions_port, env, work / "guidance-actions.log")
    rasa = servers.start_rasa(rasa_port, env, work / "guidance-rasa.log")
    url = f"http://{settings.HOST}:{rasa_port}/webhooks/rest/webhook"
    record: dict = {"pay": [], "guidance": []}
    try:
        first_answer(url, time.perf_counter())
        for _ in range(GUIDANCE_ROUNDS):
            for key, question in (("pay", PAY_QUESTION), ("guidance", GUIDANCE_QUESTION)):
                record[key].append(load(url, [question] * 4, 10)["p95_ms"])
        record["pay_p95_ms"] = statistics.median(record["pay"])
        record["guidance_p95_ms"] = statistics.median(record["guidance"])
        record["ratio"] = round(record["guidance_p95_ms"] / record["pay_p95_ms"], 2)
        figures.keep("guidance", record)
    finally:
        servers.stop_processes([rasa.process, actions.process])


def measure_our_servers(
    work: Path, figures: Figures, key: str, record: dict, conversation: list[str], extra_env: dict | None = None
) -> None:
    """Start our action server and Rasa server as ``make run`` does (on their own ports and tracker store,
    with ``extra_env``), then measure cold start, load and peak RSS into ``record``, kept as ``key``."""
    rasa_port, actions_port = free_ports(2)
    env = {
        **settings.rasa_env(),
        "TRACKER_STORE_URL": f"sqlite:///{work / f'{key}-trackers.sqlite3'}",
        "ACTION_ENDPOINT_URL": f"http://{settings.HOST}:{actions_port}/webhook",
        **(extra_env or {}),
    }
    started = time.perf_counter()
    actions = servers.start_actions(actions_port, env, work / f"{key}-actions.log")
    rasa = servers.start_rasa(rasa_port, env, work / f"{key}-rasa.log")
    url = f"http://{settings.HOST}:{rasa_port}/webhooks/rest/webhook"
    try:
        record["cold_start_s"] = first_answer(url, started)
        figures.keep(key, record)
        rss = {"rasa": PeakRss(rasa.process.pid), "actions": PeakRss(actions.process.pid)}
        for run in loads(url, conversation, {"rasa": rasa.process.pid, "actions": actions.process.pid}):
            record["load"].append(run)
            figures.keep(key, record)
        record["rss_mb"] = {name: meter.stop() for name, meter in rss.items()}
        figures.keep(key, record)
    finally:
        servers.stop_processes([rasa.process, actions.process])


def measure_stock(work: Path, figures: Figures) -> None:
    stock: dict = {"load": []}
    project = work / "stock"
    project.mkdir()  # rasa init wants an existing folder
    stock["train_s"] = timed([str(servers.BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)], work)
    figures.keep("stock", stock)
    (port,) = free_ports(1)
    started = time.perf_counter()
    rasa = subprocess.Popen(
        [str(servers.BIN / "rasa"), "run", "--interface", settings.HOST, "--port", str(port)],
        cwd=project,
        env=settings.rasa_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    measure_lone_rasa(rasa, port, started, STOCK, figures, "stock", stock)


def measure_lone_rasa(
    rasa: subprocess.Popen, port: int, started: float, conversation: list[str], figures: Figures, key: str, bot: dict
) -> None:
    """Cold start, load and peak RSS of a Rasa server with no action server (the stock and floor bots),
    each figure kept as it is measured; the server is stopped at the end, however it ends."""
    url = f"http://{settings.HOST}:{port}/webhooks/rest/webhook"
    try:
        bot["cold_start_s"] = first_answer(url, started)
        figures.keep(key, bot)
        rss = PeakRss(rasa.pid)
        for run in loads(url, conversation, {"rasa": rasa.pid}):
            bot["load"].append(run)
            figures.keep(key, bot)
        bot["rss_mb"] = {"rasa": rss.stop()}
        figures.keep(key, bot)
    finally:
        servers.stop_process(rasa, 30)


FLOOR_PROJECT = {  # the least a Rasa bot can be: keyword intents, one intent, one response, one rule
    "config.yml": """\
recipe: default.v1
language: en
assistant_id: floor-bot
pipeline:
  - name: WhitespaceTokenizer
  - name: KeywordIntentClassifier
policies:
  - name: RulePolicy
""",
    "domain.yml": """\
version: "3.1"
intents:
  - greet
responses:
  utter_greet:
    - text: "Hello! I am the floor bot."
""",
    "data/nlu.yml": """\
version: "3.1"
nlu:
  - intent: greet
    examples: |
      - hi
      - hello
      - hey
      - good morning
      - good evening
""",
    "data/rules.yml": """\
version: "3.1"
rules:
  - rule: answer a greeting
    steps:
      - intent: greet
      - action: utter_greet
""",
}


def measure_floor(work: Path, figures: Figures) -> None:
    """The floor: a minimal Rasa project on our REST channel and tracker store (the project's own
    credentials.yml and endpoints.yml), started by our launcher with our settings; it has no custom
    action, so no action server."""
    floor: dict = {"load": []}
    project = work / "floor"
    for name, text in FLOOR_PROJECT.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    for name in ("credentials.yml", "endpoints.yml"):
        shutil.copy(settings.ROOT / name, project / name)
    floor["train_s"] = timed([str(servers.BIN / "rasa"), "train"], project)
    figures.keep("floor", floor)
    (port,) = free_ports(1)
    env = {
        **settings.rasa_env(),
        "TRACKER_STORE_URL": f"sqlite:///{work / 'floor-trackers.sqlite3'}",
        "SANIC_REQUEST_MAX_SIZE": str(settings.RASA_MAX_REQUEST_BYTES),  # as servers.start_rasa sets it
        "PYTHONPATH": str(settings.ROOT),  # the launcher and plugins of this working copy, run from the project
    }
    command = [str(servers.BIN / "python"), *servers.rasa_command(port, settings.HOST)[1:]]  # model: ./models
    started = time.perf_counter()
    with (work / "floor-rasa.log").open("ab") as log:
        rasa = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    measure_lone_rasa(rasa, port, started, FLOOR, figures, "floor", floor)


PDFS = 100  # of the 1,000 documents, as PDF files (the web pages and Markdown guides of the corpus, converted)


def kb_build_times(work: Path) -> dict:
    """KB build of the shipped document; of 1,000 documents made from the test corpus (every format, figures
    varied so each is new, ``PDFS`` of them as PDF files) with one worker per core and, as the baseline, with
    one process; the rebuild after one of the 1,000 changes; and the KB's size on disk."""
    shipped = work / "kb-one"
    shipped.mkdir()
    for doc in settings.DOCUMENTS_DIR.glob("*.txt"):
        shutil.copy(doc, shipped)
    start = time.perf_counter()
    builder.build(shipped, f"sqlite:///{work / 'kb-one.sqlite3'}")
    one = time.perf_counter() - start
    many = work / "kb-many"
    many.mkdir()
    corpus = sorted(p for p in CORPUS.glob("*") if p.is_file()) + sorted(settings.DOCUMENTS_DIR.glob("*.txt"))
    pages = [p for p in corpus if p.suffix in (".html", ".md")]
    rng = random.Random(7)
    for i in range(1000):
        source = pages[i % len(pages)] if i % (1000 // PDFS) == 0 else corpus[i % len(corpus)]
        varied = re.sub(r">[^<]*<|^[^<]*$", lambda t: re.sub(  # figures in the text, never in the markup
            r"\d[\d,]*\d|\d", lambda m: f"{int(m.group().replace(',', '')) + rng.randint(1, 9):,}", t.group()
        ), source.read_text(encoding="utf-8"), flags=re.M)  # fmt: skip
        target = many / f"doc-{i:04d}{source.suffix}"
        target.write_text(varied, encoding="utf-8")
        if i % (1000 // PDFS) == 0:
            office.convert_page(target, target.with_suffix(".pdf"))
            target.unlink()
    timed = {}
    for label, workers in (("parallel", None), ("one_process", 1)):
        url = f"sqlite:///{work / f'kb-many-{label}.sqlite3'}"
        start = time.perf_counter()
        builder.build(many, url, workers=workers)
        timed[label] = time.perf_counter() - start
    changed = sorted(many.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    start = time.perf_counter()
    builder.build(many, f"sqlite:///{work / 'kb-many-parallel.sqlite3'}")
    rebuild = time.perf_counter() - start
    return {
        "shipped_document_s": round(one, 2),
        "thousand_documents_s": round(timed["parallel"], 1),
        "thousand_documents_one_process_s": round(timed["one_process"], 1),
        "one_changed_of_thousand_s": round(rebuild, 2),
        "thousand_documents_mb": round((work / "kb-many-parallel.sqlite3").stat().st_size / 1e6, 1),
        "thousand_documents_pdfs": len(list(many.glob("*.pdf"))),
        "cores": os.cpu_count(),
    }


SCALING = (  # label, Rasa processes, SANIC_WORKERS
    ("1 Rasa process", 1, "1"),
    ("2 Rasa processes", 2, "1"),
    ("1 Rasa process, SANIC_WORKERS=2", 1, "2"),
)


def measure_scaling(work: Path, figures: Figures) -> None:
    """Throughput on the production stack (PostgreSQL, Redis, nginx) with more Rasa processes."""
    rows: list[dict] = []
    for label, replicas, workers in SCALING:
        pg_port, redis_port, nginx_port, actions_port, *rasa_ports = free_ports(4 + replicas)
        env = {"SANIC_WORKERS": workers}
        stack = ProductionStack(pg_port, redis_port, nginx_port, tuple(rasa_ports), actions_port, work, extra_env=env)
        try:
            stack.start()
            row: dict = {"setup": label, "load": []}
            rows.append(row)
            for concurrency in (10, 50):
                row["load"].append(load(stack.webhook, OURS, concurrency, stack.rest_headers))
                figures.keep("scaling", rows)
        finally:
            stack.stop()


def ratio(a: float | str, b: float | str) -> float | str:
    if isinstance(a, str) or isinstance(b, str):
        return "-"
    return round(a / b, 2) if b else float("nan")


def at(figures: dict, key: str, concurrency: int, figure: str, server: str = "") -> float | str:
    """One figure of one load run (``cpu_ms_per_message`` is per server), or "-" when it was not measured."""
    for run in figures.get(key, {}).get("load", []):
        if run["concurrency"] == concurrency:
            value = run[figure]
            return value[server] if isinstance(value, dict) else value
    return "-"


def target(value: float | str, bound: float, at_least: bool) -> str:
    """The target, and whether this run met it."""
    if isinstance(value, str):
        return f"{'>=' if at_least else '<='} {bound}"
    met = value >= bound if at_least else value <= bound
    return f"{'>=' if at_least else '<='} {bound} {'met' if met else 'MISSED'}"


NAMES = {"corpus": "corpus", "ours": "shipped", "stock": "stock", "floor": "floor"}
COMPARED = (  # label, figure, server (for CPU time), a, b, target for a/b: (bound, at least, at which concurrency)
    ("msg/s", "per_second", "", "corpus", "stock", (2.5, True, 10)),
    ("msg/s", "per_second", "", "corpus", "floor", None),
    ("msg/s", "per_second", "", "ours", "floor", None),
    ("Rasa CPU ms/msg", "cpu_ms_per_message", "rasa", "corpus", "ours", (1.3, False, None)),
    ("Rasa CPU ms/msg", "cpu_ms_per_message", "rasa", "corpus", "floor", None),
    ("Rasa CPU ms/msg", "cpu_ms_per_message", "rasa", "ours", "floor", None),
    ("actions CPU ms/msg", "cpu_ms_per_message", "actions", "corpus", "ours", None),
    ("errors", "errors", "", "corpus", "floor", None),
)


def corpus_rows(figures: dict) -> list[tuple]:
    """Our bot on the whole test corpus against the stock bot, our bot on the shipped document alone
    ("shipped") and the floor bot: rows (figure, a, b, a/b, target)."""
    rows = []
    for c in CONCURRENCY:
        for label, figure, server, a_key, b_key, goal in COMPARED:
            a, b = at(figures, a_key, c, figure, server), at(figures, b_key, c, figure, server)
            r = ratio(a, b) if figure != "errors" else ""
            goal = target(r, goal[0], goal[1]) if goal and goal[2] in (None, c) else ""
            rows.append((f"{label} @{c}: {NAMES[a_key]} / {NAMES[b_key]}", a, b, r, goal))
    return rows


def report(figures: dict) -> dict:
    """Print the tables for what was measured; returns the results, tables included."""
    ours, stock, kb, scaling = (figures.get(key) for key in ("ours", "stock", "kb", "scaling"))
    rows = []
    if ours and stock:
        for mine, theirs in zip(ours["load"], stock["load"], strict=True):
            c = mine["concurrency"]
            for key in ("p50_ms", "p95_ms", "p99_ms", "per_second"):
                rows.append((f"REST {key} @{c}", mine[key], theirs[key], ratio(mine[key], theirs[key])))
            rows.append((f"errors @{c}", mine["errors"], theirs["errors"], ""))
            cpu, stock_cpu = mine["cpu_ms_per_message"]["rasa"], theirs["cpu_ms_per_message"]["rasa"]
            rows.append((f"Rasa CPU ms/message @{c}", cpu, stock_cpu, ratio(cpu, stock_cpu)))
            rows.append((f"action server CPU ms/message @{c}", mine["cpu_ms_per_message"]["actions"], "-", ""))
        rows += [
            (
                "cold start s",
                ours["cold_start_s"],
                stock["cold_start_s"],
                ratio(ours["cold_start_s"], stock["cold_start_s"]),
            ),
            (
                "Rasa server peak RSS MB",
                ours["rss_mb"]["rasa"],
                stock["rss_mb"]["rasa"],
                ratio(ours["rss_mb"]["rasa"], stock["rss_mb"]["rasa"]),
            ),
            ("action server peak RSS MB", ours["rss_mb"]["actions"], "-", ""),
            ("rasa train s", ours["train_s"], stock["train_s"], ratio(ours["train_s"], stock["train_s"])),
        ]
    if kb:
        rows += [
            ("KB build, shipped document s", kb["shipped_document_s"], "-", ""),
            (
                f"KB build, 1,000 docs ({kb.get('thousand_documents_pdfs', 0)} PDF), {kb['cores']} cores s"
                " (stock: 1 process)",
                kb["thousand_documents_s"],
                kb["thousand_documents_one_process_s"],
                ratio(kb["thousand_documents_s"], kb["thousand_documents_one_process_s"]),
            ),
            ("KB rebuild, 1 of 1,000 changed s", kb["one_changed_of_thousand_s"], "-", ""),
            ("KB size, 1,000 documents MB", kb["thousand_documents_mb"], "-", ""),
        ]
    if rows:
        print(f"\n{'figure':34} {'ours':>10} {'stock':>10} {'ours/stock':>11}")
        for name, a, b, r in rows:
            print(f"{name:34} {a!s:>10} {b!s:>10} {r!s:>11}")
    vs_corpus = corpus_rows(figures) if "corpus" in figures or "floor" in figures else []
    if vs_corpus:
        print(
            "\nours on the whole test corpus (corpus) against stock, ours on the shipped document alone (shipped) "
            "and the floor bot"
        )
        print(f"{'figure: a / b':42} {'a':>8} {'b':>8} {'a/b':>6}  target")
        for name, a, b, r, goal in vs_corpus:
            print(f"{name:42} {a!s:>8} {b!s:>8} {r!s:>6}  {goal}")
    if guidance := figures.get("guidance"):
        print(
            f"\nguidance question p95 @10 {guidance['guidance_p95_ms']} ms, pay question {guidance['pay_p95_ms']} ms:"
            f" ratio {guidance['ratio']} ({target(guidance['ratio'], 2.0, False)})"
        )
    if scaling:
        print(
            f"\n{'production stack (PostgreSQL, Redis, nginx)':42} {'p95 @10':>8} {'msg/s @10':>10} "
            f"{'p95 @50':>8} {'msg/s @50':>10}"
        )
        for row in scaling:
            at10, at50 = row["load"]
            print(
                f"{row['setup']:42} {at10['p95_ms']:>8} {at10['per_second']:>10} "
                f"{at50['p95_ms']:>8} {at50['per_second']:>10}"
            )
    return {**figures, "table": rows, "corpus_table": vs_corpus}


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (lat, thr) = plt.subplots(1, 2, figsize=(11, 4))
    for name, style in (("ours", "-o"), ("stock", "--s"), ("corpus", ":^"), ("floor", "-.x")):
        runs = results.get(name, {}).get("load", [])
        if not runs:
            continue
        cs = [r["concurrency"] for r in runs]
        for key in ("p50_ms", "p95_ms", "p99_ms"):
            lat.plot(cs, [r[key] for r in runs], style, label=f"{name} {key[:3]}")
        thr.plot(cs, [r["per_second"] for r in runs], style, label=name)
    lat.set(xscale="log", xlabel="concurrent conversations", ylabel="REST round trip (ms)", title="Latency")
    thr.set(xscale="log", xlabel="concurrent conversations", ylabel="answered messages / s", title="Throughput")
    lat.legend(fontsize=7)
    thr.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


STEPS = (  # part, what is printed, measure
    ("kb", "KB build times", lambda work, figures: figures.keep("kb", kb_build_times(work))),
    ("ours", "our bot", measure_ours),
    ("corpus", "our bot with the whole test corpus", measure_corpus),
    ("guidance", "a guidance question against a pay question", measure_guidance),
    ("stock", "stock Rasa bot", measure_stock),
    ("floor", "floor bot (minimal Rasa project on our channel and tracker store)", measure_floor),
    ("scaling", "production stack with 1 and 2 Rasa processes", measure_scaling),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="make bench (see bench/run.py)")
    parser.add_argument("--only", metavar="PARTS", help=f"measure only these, comma-separated, of: {','.join(PARTS)}")
    only = parser.parse_args(argv).only
    parts = tuple(part.strip() for part in only.split(",")) if only else PARTS
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))} (the parts: {', '.join(PARTS)})")
    missing = missing_requirements(parts)
    if missing:
        print(f"make bench needs: {', '.join(missing)}.", file=sys.stderr)
        return 2
    RESULTS.mkdir(exist_ok=True)
    if {"ours", "corpus", "guidance"} & set(parts):
        cli.build_kb()
        cli.train()  # the bot's Rasa server runs the model in settings.MODELS_DIR
    name = "bench" if parts == PARTS else "bench-" + "-".join(p for p in PARTS if p in parts)
    figures = Figures(RESULTS / f"{name}.json")
    with tempfile.TemporaryDirectory(prefix="careerbot-bench-") as tmp:
        work = Path(tmp)
        print(f"Each figure is written to {figures.path} as it is measured.", flush=True)
        for part, title, measure in STEPS:
            if part in parts:
                print(f"{title} ...", flush=True)
                measure(work, figures)
    results = report(figures)
    figures.path.write_text(json.dumps(results, indent=2))
    chart(results, RESULTS / f"{name}.png")
    print(f"\nwritten: {figures.path}, {RESULTS / f'{name}.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
