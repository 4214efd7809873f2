"""`make bench`: measures the bot as `make run` starts it, next to a stock Rasa 3.6 bot
(`rasa init --no-prompt`, trained in the same run), and prints a table; figures go to
results/bench.json and a chart to results/bench.png. Not part of the test suite.

What it measures: REST round trip (p50/p95/p99) and answered messages per second at 1, 10
and 50 concurrent conversations; cold start (launch to first answer); peak RSS of each server;
`rasa train` time; KB build time for the shipped document and for 1,000 generated documents;
and throughput on the production stack (PostgreSQL, Redis, nginx) with 1 and 2 Rasa processes
and with SANIC_WORKERS=2.
"""

from __future__ import annotations

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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bot import settings
from bot.launch import cli, servers
from kb import builder
from tests.support.stack import ProductionStack

RESULTS = settings.ROOT / "results"
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
OUR_PORTS, STOCK_PORT = (5505, 5555), 5605


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


def loads(url: str, conversation: list[str], pids: dict[str, int]) -> list[dict]:
    """``load`` at each concurrency, with each server's CPU time per answered message: steadier
    than throughput on a shared machine, and what the per-message work shows up in."""
    runs = []
    for concurrency in CONCURRENCY:
        before = {name: cpu_ms(pid) for name, pid in pids.items()}
        run = load(url, conversation, concurrency)
        run["cpu_ms_per_message"] = {
            name: round((cpu_ms(pid) - before[name]) / max(run["messages"], 1), 1) for name, pid in pids.items()
        }
        runs.append(run)
    return runs


def say(url: str, sender: str, message: str) -> float:
    start = time.perf_counter()
    response = requests.post(url, json={"sender": sender, "message": message}, timeout=120)
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


def load(url: str, conversation: list[str], concurrency: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def worker(_: int) -> None:
        nonlocal errors
        for _ in range(CONVERSATIONS_PER_WORKER):
            sender = f"bench-{uuid.uuid4().hex[:12]}"
            for message in conversation:
                try:
                    took = say(url, sender, message)
                    with lock:
                        latencies.append(took)
                except (requests.RequestException, RuntimeError):
                    with lock:
                        errors += 1

    say(url, "warm-up", conversation[1])
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


def measure_ours(work: Path) -> dict:
    train_s = timed([str(servers.BIN / "rasa"), "train", "--force", "--out", str(work / "models")], settings.ROOT)
    env = {
        **settings.rasa_env(),
        "TRACKER_STORE_URL": f"sqlite:///{work / 'trackers.sqlite3'}",
        "ACTION_ENDPOINT_URL": f"http://{settings.HOST}:{OUR_PORTS[1]}/webhook",
    }
    started = time.perf_counter()
    actions = servers.start_actions(OUR_PORTS[1], env, work / "actions.log")
    rasa = servers.start_rasa(OUR_PORTS[0], env, work / "rasa.log")
    url = f"http://{settings.HOST}:{OUR_PORTS[0]}/webhooks/rest/webhook"
    try:
        cold = first_answer(url, started)
        rss = {"rasa": PeakRss(rasa.process.pid), "actions": PeakRss(actions.process.pid)}
        runs = loads(url, OURS, {"rasa": rasa.process.pid, "actions": actions.process.pid})
        return {
            "train_s": train_s,
            "cold_start_s": cold,
            "load": runs,
            "rss_mb": {name: meter.stop() for name, meter in rss.items()},
        }
    finally:
        rasa.stop()
        actions.stop()


def measure_stock(work: Path) -> dict:
    project = work / "stock"
    project.mkdir()  # rasa init wants an existing folder
    train_s = timed([str(servers.BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)], work)
    started = time.perf_counter()
    rasa = subprocess.Popen(
        [str(servers.BIN / "rasa"), "run", "--interface", settings.HOST, "--port", str(STOCK_PORT)],
        cwd=project,
        env=settings.rasa_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://{settings.HOST}:{STOCK_PORT}/webhooks/rest/webhook"
    try:
        cold = first_answer(url, started)
        rss = PeakRss(rasa.pid)
        runs = loads(url, STOCK, {"rasa": rasa.pid})
        return {"train_s": train_s, "cold_start_s": cold, "load": runs, "rss_mb": {"rasa": rss.stop()}}
    finally:
        servers.stop_process(rasa, 30)


def kb_build_times(work: Path) -> dict:
    shipped = work / "kb-one"
    shipped.mkdir()
    for doc in settings.DOCUMENTS_DIR.glob("*.txt"):
        shutil.copy(doc, shipped)
    start = time.perf_counter()
    builder.build(shipped, f"sqlite:///{work / 'kb-one.sqlite3'}")
    one = time.perf_counter() - start
    many = work / "kb-many"
    many.mkdir()
    source = (settings.DOCUMENTS_DIR / "back-end-developer-careers.txt").read_text(encoding="utf-8")
    rng = random.Random(7)
    for i in range(1000):  # the real article with its figures varied, so every document is new
        varied = re.sub(r"\d[\d,]*", lambda m: f"{int(m.group().replace(',', '')) + rng.randint(1, 9):,}", source)
        (many / f"doc-{i:04d}.txt").write_text(varied, encoding="utf-8")
    start = time.perf_counter()
    builder.build(many, f"sqlite:///{work / 'kb-many.sqlite3'}")
    return {"shipped_document_s": round(one, 2), "thousand_documents_s": round(time.perf_counter() - start, 1)}


SCALING = (
    ("1 Rasa process", (5701,), "1"),
    ("2 Rasa processes", (5701, 5702), "1"),
    ("1 Rasa process, SANIC_WORKERS=2", (5701,), "2"),
)


def measure_scaling(work: Path) -> list[dict]:
    """Throughput on the production stack (PostgreSQL, Redis, nginx) with more Rasa processes."""
    rows = []
    for label, replicas, workers in SCALING:
        stack = ProductionStack(5733, 6390, 5700, replicas, 5755, work, extra_env={"SANIC_WORKERS": workers})
        try:
            stack.start()
            rows.append({"setup": label, "load": [load(stack.webhook, OURS, c) for c in (10, 50)]})
        finally:
            stack.stop()
    return rows


def ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else float("nan")


def report(ours: dict, stock: dict, kb: dict, scaling: list[dict]) -> dict:
    rows = []
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
        ("KB build, shipped document s", kb["shipped_document_s"], "-", ""),
        ("KB build, 1,000 documents s", kb["thousand_documents_s"], "-", ""),
    ]
    print(f"\n{'figure':34} {'ours':>10} {'stock':>10} {'ours/stock':>11}")
    for name, a, b, r in rows:
        print(f"{name:34} {a!s:>10} {b!s:>10} {r!s:>11}")
    print(
        f"\n{'production stack (PostgreSQL, Redis, nginx)':42} {'p95 @10':>8} {'msg/s @10':>10} {'p95 @50':>8} "
        f"{'msg/s @50':>10}"
    )
    for row in scaling:
        at10, at50 = row["load"]
        print(
            f"{row['setup']:42} {at10['p95_ms']:>8} {at10['per_second']:>10} "
            f"{at50['p95_ms']:>8} {at50['per_second']:>10}"
        )
    return {"ours": ours, "stock": stock, "kb": kb, "scaling": scaling, "table": rows}


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (lat, thr) = plt.subplots(1, 2, figsize=(11, 4))
    for name, style in (("ours", "-o"), ("stock", "--s")):
        runs = results[name]["load"]
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


def main() -> int:
    RESULTS.mkdir(exist_ok=True)
    cli.build_kb()
    with tempfile.TemporaryDirectory(prefix="careerbot-bench-") as tmp:
        work = Path(tmp)
        print("KB build times ...", flush=True)
        kb = kb_build_times(work)
        print("our bot ...", flush=True)
        ours = measure_ours(work)
        print("stock Rasa bot ...", flush=True)
        stock = measure_stock(work)
        print("production stack with 1 and 2 Rasa processes ...", flush=True)
        scaling = measure_scaling(work)
    results = report(ours, stock, kb, scaling)
    (RESULTS / "bench.json").write_text(json.dumps(results, indent=2))
    chart(results, RESULTS / "bench.png")
    print(f"\nwritten: {RESULTS / 'bench.json'}, {RESULTS / 'bench.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
