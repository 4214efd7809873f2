"""The trained Rasa model: data validates, NLU scores well on held-out text, test stories pass."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bot import settings
from bot.launch import servers

pytestmark = pytest.mark.e2e

HELD_OUT = settings.ROOT / "tests" / "data" / "nlu_heldout.yml"
STORIES = settings.ROOT / "tests" / "stories" / "test_stories.yml"


def rasa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(servers.BIN / "rasa"), *args],
        cwd=settings.ROOT,
        env=settings.rasa_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def model(trained_bot: Path) -> Path:
    """The bot's model, as `make train` trains it."""
    return trained_bot / "career-bot.tar.gz"


def test_training_data_validates() -> None:
    result = rasa("data", "validate", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_held_out_examples_are_not_training_examples() -> None:
    import yaml

    def examples(path: Path) -> set[str]:
        import re

        data = yaml.safe_load(path.read_text())["nlu"]
        lines = [
            ln[2:] for item in data if "intent" in item for ln in item["examples"].splitlines() if ln.startswith("- ")
        ]
        return {re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", ln).strip().lower() for ln in lines}

    assert not examples(HELD_OUT) & examples(settings.ROOT / "data" / "nlu.yml")


def test_intents_on_held_out_text(model: Path, tmp_path: Path) -> None:
    result = rasa("test", "nlu", "--nlu", str(HELD_OUT), "--model", str(model), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((tmp_path / "intent_report.json").read_text())
    weighted = report["weighted avg"]["f1-score"]
    weak = {
        k: round(v["f1-score"], 2)
        for k, v in report.items()
        if isinstance(v, dict)
        and "f1-score" in v
        and v["f1-score"] < 0.8
        and k not in ("macro avg", "weighted avg", "micro avg")
    }
    print(f"held-out intent F1 (weighted): {weighted:.3f}; weakest: {weak}")
    assert weighted >= 0.90, f"intent F1 {weighted:.3f} < 0.90; weak intents: {weak}"


def test_multi_turn_stories(model: Path, tmp_path: Path) -> None:
    result = rasa("test", "core", "--stories", str(STORIES), "--model", str(model), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr[-3000:]
    failed = (tmp_path / "failed_test_stories.yml").read_text()
    assert "None of the test stories failed" in failed, failed
