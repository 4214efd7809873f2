"""Every environment variable is declared once in bot.settings, read nowhere else, and documented
in the README's configuration table exactly as declared."""

from __future__ import annotations

import re

import pytest

from bot import settings

pytestmark = pytest.mark.unit

README = (settings.ROOT / "README.md").read_text(encoding="utf-8")


def readme_table() -> dict[str, tuple[str, str]]:
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| ([^|]*?) \| (.+?) \|$", section, re.M)
    return {name: (re.sub(r"^`([^`]*)`$", r"\1", default), meaning) for name, default, meaning in rows}


def test_the_readme_documents_every_variable_as_declared() -> None:
    declared = {v.name: (v.default, v.meaning + (" (secret)" if v.secret else "")) for v in settings.VARIABLES}
    assert readme_table() == declared


def test_no_module_but_settings_reads_the_environment() -> None:
    readers = {
        str(path.relative_to(settings.ROOT))
        for folder in ("kb", "actions", "bot")
        for path in (settings.ROOT / folder).rglob("*.py")
        if re.search(r"os\.environ|os\.getenv", path.read_text(encoding="utf-8"))
    }
    assert readers == {"bot/settings.py"}


def test_an_undeclared_variable_cannot_be_read() -> None:
    with pytest.raises(KeyError, match="not declared"):
        settings.env("CAREERBOT_NO_SUCH_SETTING")
