"""The window's message table: a text for every code, each filled by what its callers give."""

from __future__ import annotations

import ast
import string
from collections import defaultdict
from pathlib import Path

from tr_desk.core.messages import Code, texts
from tr_desk.core.messages.en import ENGLISH
from tr_desk.core.messages.nb import NORWEGIAN

ROOT = Path(__file__).resolve().parents[3]


def callers() -> dict[str, list[set[str]]]:
    """Each code's call sites in tr_desk, by the parameters they give."""
    found: dict[str, list[set[str]]] = defaultdict(list)
    for path in (ROOT / "tr_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0]
            if (
                isinstance(first, ast.Attribute)
                and isinstance(first.value, ast.Name)
                and first.value.id == "Code"
            ):
                found[first.attr].append({k.arg for k in node.keywords if k.arg})
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def check(table: dict[Code, str]) -> None:
    assert set(table) == set(Code)  # a text for every code, no text without one
    sites = callers()
    for code in Code:
        assert sites.get(code.name), f"{code.name} is never said"
        for given in sites[code.name]:
            assert fields(table[code]) <= given, (code.name, fields(table[code]) - given)


def test_every_code_has_its_bokmaal_text_filled_by_every_caller() -> None:
    check(NORWEGIAN)
    assert all(text.strip() for text in NORWEGIAN.values())


def test_an_error_carries_its_code_and_both_texts() -> None:
    from tr_desk.core.errors import UserError

    error = UserError.of(Code.THERE_NO_DATABASE, path="/tmp/x.sqlite")
    assert error.code is Code.THERE_NO_DATABASE and error.params == {"path": "/tmp/x.sqlite"}
    assert (str(error), error.english) == texts(Code.THERE_NO_DATABASE, error.params)
    assert str(error) == "Databasen «/tmp/x.sqlite» finnes ikke."
    assert ENGLISH[Code.THERE_NO_DATABASE].format(path="/tmp/x.sqlite") == error.english
