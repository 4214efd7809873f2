"""The one-way layering, checked from the imports themselves: each folder imports only the layers
below it (kb ← actions ← bot), and inside bot/ the code Rasa loads never imports the launchers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot import settings

pytestmark = pytest.mark.unit

FORBIDDEN = {
    "kb": ("actions", "bot", "tests", "bench"),
    "actions": ("bot", "tests", "bench"),
    "bot": ("tests", "bench"),
    "bot/plugins": ("bot.launch", "actions"),
    "bot/settings.py": ("kb", "actions", "bot", "tests", "bench"),
}


def imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("folder", FORBIDDEN)
def test_no_folder_imports_a_layer_above_it(folder: str) -> None:
    offending = {
        f"{path.relative_to(settings.ROOT)} imports {name}"
        for path in ([settings.ROOT / folder] if folder.endswith(".py") else (settings.ROOT / folder).rglob("*.py"))
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[folder])
    }
    assert not offending
