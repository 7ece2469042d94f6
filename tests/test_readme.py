"""README's Quick start holds exactly two commands, and CI runs the second."""
from __future__ import annotations

import re

from .conftest import ROOT


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", section, re.S).group(1)
    return [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]


def test_quick_start_has_two_commands():
    cmds = quick_start_commands()
    assert len(cmds) == 2
    assert "policytext extract corpora" in cmds[0]
    assert "pytest" in cmds[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def test_readme_example_is_what_comes_out():
    from policytext import extract, read

    doc = read(ROOT / "corpora" / "seed-county-cadre-speech.txt")
    ind = extract(doc).indicators[0].to_dict()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"'span': [{ind['span'][0]}, {ind['span'][1]}]" in text
    assert f"'text': '{ind['text']}'" in text


def test_readme_python_blocks_run(monkeypatch):
    """Every ```python block that is not a doctest runs as written, from the repository root."""
    import pytest

    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if ">>>" not in b]
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
