"""The command line: every command has help, errors are clear and exit non-zero."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.cli import build_parser, main


def _commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--store" in out and "--json" in out


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in result.stdout and "sources" in result.stdout


def test_sources_on_an_empty_store(tmp_path, capsys):
    assert main(["sources", "--store", str(tmp_path / "s"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_remove_unknown_source_fails_clearly(tmp_path, capsys):
    assert main(["remove", "nope.txt", "--store", str(tmp_path / "s"), "--embedder", "hash"]) == 1
    assert "no stored report named 'nope.txt'" in capsys.readouterr().err


def test_ingest_only_bad_files_exits_non_zero(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    assert main(["ingest", str(bad), "--store", str(tmp_path / "s"), "--json", "--embedder", "hash"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert summary["failed"] == 1 and "empty" in summary["files"][0]["message"].lower()
