"""Every command's --help describes every argument and shows examples that run on the bundled corpora/."""
from __future__ import annotations

import argparse
import os
import shlex

import pytest

from policytext.cli import build_parser, main, parse_args

from .conftest import CORPORA


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _examples(name: str, p: argparse.ArgumentParser) -> list[list[str]]:
    lines = [ln.strip() for ln in (p.epilog or "").splitlines()]
    return [shlex.split(ln)[1:] for ln in lines if ln.startswith(f"policytext {name} ")]


def test_every_command_documents_every_argument_and_has_an_example():
    commands = _commands()
    assert {"convert", "segment", "info", "extract", "reuse", "keywords", "compare", "kwic", "trend"} <= set(commands)
    for name, p in commands.items():
        assert p.description, name
        assert _examples(name, p), f"{name}: no example in its --help"
        undocumented = [a.dest for a in p._actions if a.help is None]
        assert not undocumented, f"{name}: arguments without help: {undocumented}"
        assert "examples:" in p.format_help(), name


def test_every_example_parses_and_names_files_of_the_clone():
    for name, p in _commands().items():
        for argv in _examples(name, p):
            args = parse_args(argv)
            assert args.func.__name__ == f"cmd_{name}", argv
            named = [a for a in argv if a.startswith("corpora")]
            assert named and all((CORPORA.parent / a).exists() for a in named), argv


# running them all takes a minute or more (segmenting, comparing, extracting the sample): opt-in
SLOW = {"compare", "convert", "extract", "keywords", "segment"}


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_example_runs_on_the_bundled_corpora(name, tmp_path, monkeypatch, capsys):
    """Run each example as written, from a folder holding the clone's corpora/ (outputs land in tmp).

    The slow ones run with POLICYTEXT_EXAMPLES=1 in the environment."""
    if name in SLOW and not os.environ.get("POLICYTEXT_EXAMPLES"):
        pytest.skip(f"the {name} examples run with POLICYTEXT_EXAMPLES=1 (slow)")
    (tmp_path / "corpora").symlink_to(CORPORA, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for argv in _examples(name, _commands()[name]):
        assert main(argv) == 0, argv
        out = capsys.readouterr().out
        written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()] if (tmp_path / "out").exists() else []
        assert out.strip() or written, f"{argv}: no output"
