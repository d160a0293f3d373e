"""Fuzz `tr-desk load` with malformed meeting files; count tracebacks and partial writes.

    python benchmarks/fuzz_meeting_file.py [--n 2000] [--seed 1]

Each input is a demo meeting file (show --json) mutated at random: keys dropped, renamed or
given values of other types, hostile text (lone surrogates, control characters, 1 MiB
strings), huge or negative numbers, deep nesting, truncated or flipped bytes, duplicated and
contradictory attendance, odd dates and times, attachment paths outside the folder. A
*traceback* is any exception escaping the command line; a *partial write* is a refused file
that changed the database, or an accepted one that cannot be read back.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import io
import json
import random
import sqlite3
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tr_desk.cli import main  # noqa: E402

HOSTILE = [
    "\ud800", "\udfff", "\x1b[2J", "\x00", "a\nb", "\u202e", "x" * (1 << 20), "", "   ",
    "２０２２-０９-１６", "20220916", "2022-09-16\n", "2022-02-30", "25:00", "0830", "8:30",
    "KF 99/22", "KF 1/21", "../../etc/passwd", "/dev/zero", "Ánde Čilaš", "<b>&amp;",
]  # fmt: skip
NUMBERS = [-1, 0, 1, 10**30, 2**63, 1.5, float("inf"), 10**200]


def digest(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        h = hashlib.sha256()
        for line in conn.iterdump():
            h.update(line.encode("utf-8", "surrogatepass"))
        return h.hexdigest()
    finally:
        conn.close()


def paths(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if len(prefix) > 8:  # inside a nesting bomb of an earlier mutation
        return out
    if isinstance(obj, dict):
        for key, value in obj.items():
            out += paths(value, (*prefix, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            out += paths(value, (*prefix, i))
    return out


def get(obj: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        obj = obj[key]
    return obj


def mutate(base: dict[str, Any], rng: random.Random) -> bytes:
    data = copy.deepcopy(base)
    for _ in range(rng.randint(1, 4)):
        if not isinstance(data, dict):
            break
        where = rng.choice(paths(data)[1:] or [("body",)])
        parent, key = get(data, where[:-1]), where[-1]
        if not isinstance(parent, dict | list):
            continue
        choice = rng.random()
        if choice < 0.2 and isinstance(parent, dict):
            del parent[key]
        elif choice < 0.3 and isinstance(parent, dict):
            parent[rng.choice([*HOSTILE[:7], "colour", "Status"])] = parent.pop(key)
        elif choice < 0.55:
            parent[key] = rng.choice(HOSTILE)
        elif choice < 0.7:
            parent[key] = rng.choice([*NUMBERS, None, True, [], {}])
        elif choice < 0.8 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))  # duplicated line or case
        elif choice < 0.88:
            nested: Any = "x"
            for _ in range(rng.choice([5, 50, 2000])):
                nested = [nested]
            parent[key] = nested
        else:
            lines = data.get("attendance")
            line = rng.choice(lines) if isinstance(lines, list) and lines else {}
            if isinstance(line, dict):
                line["substitute_for"] = line.get("name")
                line["from_case"], line["to_case"] = "KF 43/22", "KF 32/22"
    try:
        text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    except (ValueError, RecursionError):
        text = "[" * 5000
    raw = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        raw = raw[: rng.randint(0, len(raw))]
    if rng.random() < 0.05:
        pos = rng.randrange(len(raw) or 1)
        raw = raw[:pos] + bytes([rng.randrange(256)]) + raw[pos + 1 :]
    if rng.random() < 0.03:
        raw = b"\xef\xbb\xbf" + raw
    return raw


def run(args: list[str]) -> tuple[int | None, str, str | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    except SystemExit as exc:
        return int(exc.code or 0), err.getvalue(), None
    except BaseException:
        return None, err.getvalue(), traceback.format_exc()
    return code, err.getvalue(), None


def fuzz(n: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="tr-fuzz-"))
    db = folder / "fuzz.sqlite"
    run(["--db", str(db), "demo"])
    bases = []
    for meeting in ("KF 2022-09-16", "KF 2022-12-02", "TR 2022-12-16"):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            main(["--db", str(db), "show", meeting, "--json"])
        bases.append(json.loads(out.getvalue()))
    stats = {"inputs": 0, "accepted": 0, "refused": 0, "tracebacks": 0, "partial_writes": 0,
             "long_error_lines": 0}  # fmt: skip
    examples: list[str] = []
    before = digest(db)
    for i in range(n):
        path = folder / f"m{i}.json"
        try:
            raw = mutate(rng.choice(bases), rng)
        except RecursionError:  # the fuzzer's own copy of a nesting bomb
            raw = b"[" * 5000
        path.write_bytes(raw)
        code, err, trace = run(["--db", str(db), "load", str(path)])
        stats["inputs"] += 1
        if trace is not None:
            stats["tracebacks"] += 1
            if len(examples) < 5:
                examples.append(trace.splitlines()[-1])
            before = digest(db)
            continue
        if any(len(line) > 400 or "\x1b" in line for line in err.splitlines()):
            stats["long_error_lines"] += 1
        after = digest(db)
        if code == 0:
            stats["accepted"] += 1
            data = json.loads(path.read_bytes().decode("utf-8-sig", "surrogatepass"))
            shown, _, trace = run(["--db", str(db), "show", f"{data['body']} {data['date']}"])
            if shown != 0 or trace is not None:
                stats["partial_writes"] += 1
        else:
            stats["refused"] += 1
            if after != before:
                stats["partial_writes"] += 1
        before = after
        path.unlink()
    conn = sqlite3.connect(db)
    stats["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    stats["examples"] = examples
    return stats


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    print(json.dumps(fuzz(options.n, options.seed), indent=1))
