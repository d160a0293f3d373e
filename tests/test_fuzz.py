"""A seeded subset of the fuzz harness (``benchmarks/fuzz.py``): hostile import files, search
queries and meeting files, each in a worker under a time and memory limit. The full run is
``python benchmarks/fuzz.py`` (2,000 inputs per parser)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import fuzz

COUNTS = {"import": 80, "meeting": 70, "search": 60}


@pytest.mark.parametrize("kind", list(COUNTS))
def test_hostile_inputs_give_no_traceback_hang_or_partial_write(kind: str) -> None:
    options = types.SimpleNamespace(timeout=20.0, memory_mb=500, history=None, years=3)
    stats = fuzz.fuzz(kind, COUNTS[kind], seed=11, options=options)
    assert stats["inputs"] == COUNTS[kind]
    bad = {k: stats[k] for k in ("tracebacks", "hangs", "died", "over_memory", "partial_writes",
                                 "accepted_but_broken", "long_error_lines", "slow")}  # fmt: skip
    assert set(bad.values()) == {0}, (bad, stats["examples"])
    assert stats["refused"] > 0 and (kind == "search" or stats["accepted"] > 0)
