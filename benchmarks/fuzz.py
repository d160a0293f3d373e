"""Fuzz the parsers with hostile input, each input in a worker process under a time and memory
limit: the import (mutated Word files, LibreOffice's too when it is installed, TR Desk's own
PDFs, text, and hand-made hostile constructions), the search (queries), and `load` (meeting
files, mutated by their structure).

    python benchmarks/fuzz.py [--kind import|search|meeting|all] [--n 2000] [--seed 1]
                              [--history PATH]

Per parser: inputs; tracebacks (an exception escaping the command line or the search); hangs
(an input over ``--timeout`` seconds: the worker is killed and started again); inputs over
``--memory-mb`` (the worker's peak resident size rose past it) and the peak; partial writes
(a refused input that changed the database or left a file; an accepted one whose meetings
cannot be shown); accepted-but-broken (an accepted input whose meeting cannot be printed,
or shown and loaded back the same); slow (a query over 50 ms at its best of three). The
suite runs a seeded subset (``tests/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import io
import json
import os
import random
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
KINDS = ("import", "search", "meeting")
SLOW_QUERY_S = 0.05

# -- the worker: one process runs the inputs one at a time ------------------------------------


def run_cli(args: list[str]) -> tuple[int | None, str, str, str | None]:
    from tr_desk.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue(), None
    except BaseException:
        return None, out.getvalue(), err.getvalue(), traceback.format_exc(limit=-3)
    return code, out.getvalue(), err.getvalue(), None


def digest(folder: Path) -> str:
    """The database's content (its SQL dump) and the names of the files beside it."""
    h = hashlib.sha256()
    conn = sqlite3.connect(folder / "db.sqlite")
    try:
        for line in conn.iterdump():
            h.update(line.encode("utf-8", "surrogatepass"))
    finally:
        conn.close()
    for path in sorted(folder.rglob("*")):
        sqlite_own = path.name.endswith((".lock", "-wal", "-shm", "-journal"))
        if path.is_file() and not sqlite_own and "sikkerhetskopier" not in path.parts:
            h.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def reset(template: Path, folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(template, folder)


class Worker:
    def __init__(self, kind: str, template: Path, history: Path | None) -> None:
        self.kind, self.template = kind, template
        self.folder = Path(tempfile.mkdtemp(prefix="tr-fuzz-work-")) / "db"
        self.clean = digest(template) if kind != "search" else ""
        self.store: Any = None
        if kind == "search":
            from tr_desk.storage.store import Store

            assert history is not None
            self.store = Store.open(history, check_later=True)

    def one(self, given: str) -> dict[str, Any]:
        start = time.perf_counter()
        result: dict[str, Any] = getattr(self, "_" + self.kind)(given)
        result["seconds"] = round(time.perf_counter() - start, 4)
        result["peak_mb"] = peak_mb()
        return result

    def _import(self, path: str) -> dict[str, Any]:
        reset(self.template, self.folder)
        db = str(self.folder / "db.sqlite")
        code, out, err, trace = run_cli(["--db", db, "import", path])
        result = {"code": code, "trace": trace, "long_lines": _long_lines(err)}
        if trace is not None:
            return result
        if code == 1:
            result["partial"] = digest(self.folder) != self.clean
            return result
        broken = []
        for line in out.splitlines():
            if line.startswith(("created ", "updated ")):
                prefix, day = line.split()[1:3]
                broken += self._prints(db, f"{prefix} {day}")
        result["broken"] = broken
        return result

    def _prints(self, db: str, key: str) -> list[str]:
        """What fails for a meeting that was accepted: show, the notice, the minutes."""
        broken = []
        code, out, err, trace = run_cli(["--db", db, "show", key, "--json"])
        if code != 0 or trace:
            return [f"show {key}: {trace or err}"]
        target = str(self.folder / "ut.pdf")
        documents = ["innkalling"]
        if json.loads(out).get("status") in ("held", "approved"):
            documents.append("protokoll")
        for document in documents:
            code, _, err, trace = run_cli(["--db", db, "pdf", document, key, "-o", target])
            if trace or (code != 0 and "error" not in err):
                broken.append(f"pdf {document} {key}: {trace or err}")
        return broken

    def _meeting(self, path: str) -> dict[str, Any]:
        reset(self.template, self.folder)
        db = str(self.folder / "db.sqlite")
        code, _, err, trace = run_cli(["--db", db, "load", path])
        result = {"code": code, "trace": trace, "long_lines": _long_lines(err)}
        if trace is not None:
            return result
        if code != 0:
            result["partial"] = digest(self.folder) != self.clean
            return result
        data = json.loads(Path(path).read_bytes().decode("utf-8-sig", "surrogatepass"))
        key = f"{str(data['body']).upper()} {data['date']}"
        broken = self._prints(db, key)
        if not broken:  # what show wrote, load reads, and the same meeting comes back
            _, first, _, _ = run_cli(["--db", db, "show", key, "--json"])
            again = self.folder / "igjen.json"
            again.write_text(first, encoding="utf-8")
            code, _, err, trace = run_cli(["--db", db, "load", str(again)])
            _, second, _, _ = run_cli(["--db", db, "show", key, "--json"])
            if trace or code != 0:
                broken.append(f"load of show's output: {trace or err}")
            elif _without_uid(first) != _without_uid(second):
                broken.append("show → load → show differs")
        result["broken"] = broken
        return result

    def _search(self, query: str) -> dict[str, Any]:
        from tr_desk.core.errors import UserError
        from tr_desk.storage.search import search

        def timed() -> float:
            start = time.perf_counter()
            hits = search(self.store, query)
            for hit in hits[:20]:
                hit.snippet.marked()  # the window shows them
            return time.perf_counter() - start

        try:
            seconds = timed()
            # The machine is noisy (a garbage collection, another process): a query is slow
            # when it is slow every time, so the best of three is what counts.
            for _ in range(2):
                if seconds <= SLOW_QUERY_S:
                    break
                seconds = min(seconds, timed())
        except UserError:
            return {"code": 1, "trace": None, "long_lines": False}
        except BaseException:
            return {"code": None, "trace": traceback.format_exc(limit=-3)}
        return {"code": 0, "trace": None, "slow": len(query) <= 200 and seconds > SLOW_QUERY_S}


def peak_mb() -> int:
    """This process's peak resident size: the kernel's high-water mark of its own memory
    (``ru_maxrss`` would carry the parent's over from before the worker was started)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _without_uid(text: str) -> Any:
    data = json.loads(text)
    data.pop("uid", None)
    return data


def _long_lines(err: str) -> bool:
    return any(len(line) > 600 or "\x1b" in line for line in err.splitlines())


def serve(kind: str, template: Path, history: Path | None, memory_mb: int) -> None:
    import resource

    limit = (memory_mb + 1500) * 2**20  # address space: a runaway allocation fails here
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    worker = Worker(kind, template, history)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        given = json.loads(line)
        try:
            result = worker.one(given)
        except BaseException:
            result = {"code": None, "trace": "harness: " + traceback.format_exc(limit=-3)}
        print(json.dumps(result), flush=True)


# -- the parent: inputs made, sent, and counted ----------------------------------------------


class Pool:
    """One worker process, started again after a hang or a crash."""

    def __init__(self, kind: str, template: Path, history: Path | None, options: Any) -> None:
        self.args = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            kind,
            "--template",
            str(template),
            "--memory-mb",
            str(options.memory_mb),
        ]
        if history is not None:
            self.args += ["--history", str(history)]
        self.timeout = options.timeout
        self.process: subprocess.Popen[str] | None = None

    def start(self) -> None:
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        self.process = subprocess.Popen(
            self.args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self._read(120)

    def _read(self, timeout: float) -> dict[str, Any] | None:
        assert self.process is not None and self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        if not ready:
            return None
        line = self.process.stdout.readline()
        return json.loads(line) if line else {"code": None, "trace": "the worker died"}

    def send(self, given: str) -> dict[str, Any]:
        if self.process is None or self.process.poll() is not None:
            self.start()
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(json.dumps(given) + "\n")
        self.process.stdin.flush()
        result = self._read(self.timeout)
        if result is None or result.get("trace") == "the worker died":
            self.stop()
            return {"hang": result is None, "died": result is not None, "code": None}
        return result

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                with contextlib.suppress(OSError):
                    if stream is not None:
                        stream.close()
            self.process = None


def fuzz(kind: str, n: int, seed: int, options: Any) -> dict[str, Any]:
    rng = random.Random(f"{kind}-{seed}")
    work = Path(tempfile.mkdtemp(prefix=f"tr-fuzz-{kind}-"))
    try:
        template, history, inputs = _prepare(kind, work, rng, n, options)
        pool = Pool(kind, template, history, options)
        stats: dict[str, Any] = {
            "inputs": 0,
            "accepted": 0,
            "refused": 0,
            "tracebacks": 0,
            "hangs": 0,
            "died": 0,
            "over_memory": 0,
            "peak_mb": 0,
            "partial_writes": 0,
            "accepted_but_broken": 0,
            "long_error_lines": 0,
            "slow": 0,
            "slowest_s": 0.0,
        }
        examples: list[str] = []
        for given in inputs:
            result = pool.send(given)
            stats["inputs"] += 1
            what = given if kind == "search" else Path(given).name
            if result.get("hang") or result.get("died"):
                stats["hangs" if result.get("hang") else "died"] += 1
                examples.append(f"{'hang' if result.get('hang') else 'died'}: {what[:80]!r}")
                continue
            stats["peak_mb"] = max(stats["peak_mb"], result.get("peak_mb", 0))
            stats["slowest_s"] = max(stats["slowest_s"], result.get("seconds", 0.0))
            if result.get("peak_mb", 0) > options.memory_mb:
                stats["over_memory"] += 1
                examples.append(f"over {options.memory_mb} MB: {what[:80]!r}")
                pool.stop()  # the next input starts from a fresh worker's memory
            if result.get("trace"):
                stats["tracebacks"] += 1
                examples.append(f"traceback: {what[:80]!r}: {result['trace'].strip()[-300:]}")
                continue
            stats["accepted" if result.get("code") in (0, 3) else "refused"] += 1
            for key, name in (
                ("partial", "partial_writes"),
                ("broken", "accepted_but_broken"),
                ("long_lines", "long_error_lines"),
                ("slow", "slow"),
            ):
                if result.get(key):
                    stats[name] += 1
                    examples.append(f"{name}: {what[:80]!r}: {str(result[key])[-300:]}")
        pool.stop()
        stats["examples"] = examples[:12]
        return stats
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _prepare(
    kind: str, work: Path, rng: random.Random, n: int, options: Any
) -> tuple[Path, Path | None, list[str]]:
    """The database each input starts from, the history a query runs on, and the inputs."""
    template = work / "template"
    template.mkdir()
    db = template / "db.sqlite"
    if kind == "meeting":
        run_cli(["--db", str(db), "demo"])
    else:
        from tr_desk.storage.store import Store

        Store.open(db).close()
    for extra in template.glob("db.sqlite-*"):
        extra.unlink()
    if kind == "search":
        return template, _history(work, options), [_query(rng) for _ in range(n)]
    folder = work / "inputs"
    folder.mkdir()
    if kind == "meeting":
        return template, None, _meeting_files(db, folder, rng, n)
    return template, None, _import_files(folder, rng, n)


def _history(work: Path, options: Any) -> Path:
    path = work / "history.sqlite"
    if options.history:
        shutil.copyfile(options.history, path)
        from tr_desk.storage.store import Store

        Store.open(path).close()  # upgraded once, here
        return path
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from history import build_history

    build_history(path, years=options.years).close()
    return path


# -- search queries --------------------------------------------------------------------------

WORDS = [
    "og",
    "i",
    "til",
    "av",
    "for",
    "saken",
    "ble",
    "vedtak",
    "forslag",
    "energi",
    "budsjett_2023",
    "næringsliv",
    "Trondheim",
    "Geitmyra",
    "klimasats",
    "møteplan",
    "regionrådet",
    "årsmelding",
    "KF",
    "TR",
    "AU",
    "2022",
    "høring",
    "samferdsel",
]
ODD = [
    '"',
    "*",
    "-",
    "_",
    "(",
    ")",
    "NEAR",
    "AND",
    "OR",
    "NOT",
    "^",
    ":",
    "'",
    "\\",
    "\x00",
    "\ud800",
    "\u202e",
    "ß",
    "İ",
    "ﬁ",
    "²",
    "٢",
    "😀",
    "\t",
    "\n",
    "{",
    "}",
    "+",
    "/",
    "%",
    "KF 46/22",
    "KF 01/99",
    "AU 1000/22",
    "kf46/22",
    "sak 12/2022",
    "TR 99/00",
]


def _query(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.choice([1, 2, 3, 5, 10, 40, 80])):
        r = rng.random()
        word = rng.choice(WORDS)
        if r < 0.15:
            word = f'"{word} {rng.choice(WORDS)}"'
        elif r < 0.3:
            word = word[: rng.randint(1, len(word))] + "*"
        elif r < 0.45:
            word = "-" + word
        elif r < 0.7:
            word = rng.choice(ODD) + word + rng.choice(ODD)
        parts.append(word)
    query = (" " if rng.random() < 0.8 else "").join(parts)
    if rng.random() < 0.05:
        query = query * rng.choice([2, 50, 500])
    return query


# -- meeting files ---------------------------------------------------------------------------

HOSTILE = [
    "\ud800",
    "\udfff",
    "\x1b[2J",
    "\x00",
    "a\nb",
    "\u202e",
    "x" * (1 << 20),
    "",
    "   ",
    "２０２２-０９-１６",
    "20220916",
    "2022-09-16\n",
    "2022-02-30",
    "25:00",
    "0830",
    "8:30",
    "KF 99/22",
    "KF 1/21",
    "KF 01/99",
    "KF 1000/22",
    "../../etc/passwd",
    "/dev/zero",
    "Ánde Čilaš",
    "<b>&amp;",
    "²⁰²²",
    "| " * 400,
    "**" * 300,
    "-" * 5000,
    "x " * 40_000,
]
NUMBERS = [-1, 0, 1, 10**30, 2**63, 1.5, float("inf"), 10**200, 999, 1000]


def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if len(prefix) > 8:
        return out
    if isinstance(obj, dict):
        for key, value in obj.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj[:50]):
            out += _paths(value, (*prefix, i))
    return out


def _get(obj: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        obj = obj[key]
    return obj


def mutate_meeting(base: dict[str, Any], rng: random.Random) -> bytes:
    data = copy.deepcopy(base)
    if rng.random() < 0.1:  # another year, century and numbering: what show writes, load reads
        year = rng.choice([1925, 1999, 2000, 2099])
        data["date"] = f"{year}{data['date'][4:]}"
        for i, case in enumerate(data.get("cases", [])):
            if case.get("number"):
                case["number"] = (
                    f"{data['body']} {rng.choice([i + 1, 999, 1000 + i])}/{year % 100:02d}"
                )
    for _ in range(rng.randint(1, 4)):
        where = rng.choice(_paths(data)[1:] or [("body",)])
        parent, key = _get(data, where[:-1]), where[-1]
        if not isinstance(parent, dict | list):
            continue
        choice = rng.random()
        if choice < 0.15 and isinstance(parent, dict):
            del parent[key]
        elif choice < 0.25 and isinstance(parent, dict):
            parent[rng.choice([*HOSTILE[:7], "colour", "Status"])] = parent.pop(key)
        elif choice < 0.5:
            parent[key] = rng.choice(HOSTILE)
        elif choice < 0.62:
            parent[key] = rng.choice([*NUMBERS, None, True, [], {}])
        elif choice < 0.72 and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif choice < 0.8:  # a huge array (of one shared value: the input stays ≤ ~30 MB)
            size = len(json.dumps(parent[key], default=str)) + 2
            count = min(rng.choice([10, 1001, 20_000]), max(2, 30_000_000 // size))
            parent[key] = [parent[key]] * count
        elif choice < 0.88:
            nested: Any = "x"
            for _ in range(rng.choice([5, 50, 2000])):
                nested = [nested]
            parent[key] = nested
        else:
            data["invited"] = [f"Person {i}" for i in range(rng.choice([5, 900, 8000]))]
    try:
        text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    except (ValueError, RecursionError):
        text = "[" * 5000
    raw = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.08:
        raw = raw[: rng.randint(0, len(raw))]
    if rng.random() < 0.05:
        pos = rng.randrange(len(raw) or 1)
        raw = raw[:pos] + bytes([rng.randrange(256)]) + raw[pos + 1 :]
    return raw


def _meeting_files(db: Path, folder: Path, rng: random.Random, n: int) -> list[str]:
    bases = []
    for key in ("KF 2022-09-16", "KF 2022-12-02", "TR 2022-12-16", "AU 2022-11-25"):
        code, out, _, _ = run_cli(["--db", str(db), "show", key, "--json"])
        if code == 0:
            bases.append(json.loads(out))
    inputs = []
    for i in range(n):
        path = folder / f"m{i}.json"
        try:
            path.write_bytes(mutate_meeting(rng.choice(bases), rng))
        except RecursionError:
            path.write_bytes(b"[" * 5000)
        inputs.append(str(path))
    return inputs


# -- import files ----------------------------------------------------------------------------


def _bases(folder: Path) -> dict[str, list[bytes]]:
    """Documents to mutate: TR Desk's own PDFs of the demo, their text, the text as a Word
    file (python-docx) and as LibreOffice writes it (when installed)."""
    from docx import Document

    demo = folder / "demo.sqlite"
    run_cli(["--db", str(demo), "demo"])
    pdfs, texts = [], []
    for document, key in (
        ("innkalling", "KF 2022-12-02"),
        ("protokoll", "KF 2022-09-16"),
        ("moteplan", "2022"),
    ):
        target = folder / f"{document}.pdf"
        run_cli(["--db", str(demo), "pdf", document, key, "-o", str(target)])
        pdfs.append(target.read_bytes())
        from pypdf import PdfReader

        texts.append("\n".join(p.extract_text() for p in PdfReader(target).pages).encode())
    words = []
    for i, text in enumerate(texts):
        document = Document()
        for line in text.decode().splitlines():
            paragraph = document.add_paragraph()
            run = paragraph.add_run(line)
            run.bold = line.isupper()
        table = document.add_table(rows=2, cols=3)
        table.cell(0, 0).merge(table.cell(0, 2))
        path = folder / f"word{i}.docx"
        document.save(str(path))
        words.append(path.read_bytes())
        office = shutil.which("soffice")
        if office:
            plain = folder / f"lo{i}.txt"
            plain.write_bytes(text)
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                subprocess.run(
                    [
                        office,
                        "--headless",
                        "--convert-to",
                        "docx",
                        "--outdir",
                        str(folder),
                        str(plain),
                    ],
                    capture_output=True,
                    timeout=120,
                )
            made = folder / f"lo{i}.docx"
            if made.exists():
                words.append(made.read_bytes())
    return {"pdf": pdfs, "txt": texts, "docx": words}


def _rezip(data: bytes, change: Any) -> bytes:
    """A Word file with its parts changed by ``change(name, bytes) -> bytes``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return out.getvalue()


def _xml(rng: random.Random) -> Any:
    def change(name: str, data: bytes) -> bytes:
        if name != "word/document.xml":
            return data
        r = rng.random()
        w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        if r < 0.15:
            return data.replace(
                b"<w:tc>", b'<w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>', 3
            )
        if r < 0.3:
            return data.replace(
                b"<w:body>", b"<w:body>" + b"<w:sdt><w:sdtContent>" * rng.choice([100, 300, 5000])
            )
        if r < 0.4:
            return (
                b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "'
                + b"a" * 1000
                + b'"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                + data.split(b"?>", 1)[-1]
            ).replace(b"</w:t>", b"&b;&b;&b;</w:t>", 50)
        if r < 0.55:
            return data[: rng.randint(0, len(data))]
        if r < 0.65:
            return data.replace(
                b"</w:body>",
                b"<w:p><w:r><w:t>"
                + b"<" * rng.choice([1000, 100_000])
                + b"</w:t></w:r></w:p></w:body>",
            )
        if r < 0.75:
            para = b"<w:p><w:r><w:t>Sak 01/23 x</w:t></w:r></w:p>"
            return data.replace(b"</w:body>", para * rng.choice([100, 20_000]) + b"</w:body>")
        if r < 0.85:
            return data.replace(b"w:t>", b"w:t >", rng.randint(1, 20))
        if r < 0.92:
            return f"<w:document {w.decode()}><w:body>".encode() + b"<w:tbl><w:tr>" * 300
        return bytes(rng.randrange(256) for _ in range(200))

    return change


def mutate_import(bases: dict[str, list[bytes]], rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["docx", "docx", "pdf", "txt", "special"])
    if kind == "special":
        return _special(rng)
    data = rng.choice(bases[kind])
    r = rng.random()
    if kind == "docx" and r < 0.5:
        return ".docx", _rezip(data, _xml(rng))
    if kind == "txt" and r < 0.5:
        lines = data.decode().splitlines()
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(lines) or 1)
            lines.insert(
                i,
                rng.choice(
                    [
                        "<" * 20_000,
                        "x" * 1_000_000,
                        "\x00\x1b[2J",
                        "Sak 9999/99",
                        "REFERAT 31.02.2027",
                        "KF 01/99 Godkjenning",
                        "| a " * 5000,
                        "**" * 10_000,
                        "Dato: 32.13.2022",
                        "# " * 2000,
                    ]
                ),
            )
        raw = "\n".join(lines).encode("utf-8", "surrogatepass")
        return ".txt", raw if rng.random() < 0.9 else raw.decode().encode("utf-16")
    raw = bytearray(data)
    for _ in range(rng.choice([1, 3, 30])):
        pos = rng.randrange(len(raw))
        raw[pos] = rng.randrange(256)
    if rng.random() < 0.3:
        raw = raw[: rng.randint(0, len(raw))]
    return f".{kind}", bytes(raw)


def _special(rng: random.Random) -> tuple[str, bytes]:
    """Hand-made hostile constructions: bombs, encryption, loops, emptiness."""
    r = rng.random()
    if r < 0.2:  # a zip bomb: one part of zeros
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("word/document.xml", b"<w:document/>")
            with package.open("word/media/bomb.bin", "w") as part:
                for _ in range(rng.choice([10, 300])):
                    part.write(bytes(2**20))
        return ".docx", out.getvalue()
    if r < 0.35:  # an encrypted PDF, with or without a password
        from pypdf import PdfWriter

        from tr_desk.documents.page import render_document

        writer = PdfWriter(clone_from=io.BytesIO(render_document("REFERAT KOMMUNEDIREKTØRFORUM")))
        writer.encrypt(
            user_password=rng.choice(["", "hemmelig"]),
            owner_password="x",
            algorithm=rng.choice(["RC4-128", "AES-128", "AES-256"]),
        )
        out = io.BytesIO()
        writer.write(out)
        return ".pdf", out.getvalue()
    if r < 0.5:  # a page tree that points at itself
        return ".pdf", (
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
            b"/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
        )
    if r < 0.6:
        return ".pdf", b"%PDF-1.4\n" + bytes(rng.choice([1000, 2_000_000]))
    if r < 0.7:  # a stream that says it is huge
        return ".pdf", (
            b"%PDF-1.4\n1 0 obj<</Length 99999999999>>stream\nx\nendstream endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF"
        )
    if r < 0.8:
        return rng.choice([".docx", ".pdf", ".txt", ".md", ".doc"]), b""
    if r < 0.9:  # many parts
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            for i in range(rng.choice([100, 6000])):
                package.writestr(f"word/p{i}.xml", b"")
        return ".docx", out.getvalue()
    return ".doc", b"\xd0\xcf\x11\xe0" + bytes(rng.randrange(256) for _ in range(500))


def _import_files(folder: Path, rng: random.Random, n: int) -> list[str]:
    bases = _bases(folder)
    inputs = []
    for i in range(n):
        suffix, data = mutate_import(bases, rng)
        name = f"f{i}{suffix}".encode()
        if rng.random() < 0.05:
            name = b"m\xf8te" + name  # a name from another system: not UTF-8
        path = folder / os.fsdecode(name)
        path.write_bytes(data)
        inputs.append(os.fsdecode(bytes(path)))
    for special in ("fifo.txt", "zero.pdf"):
        path = folder / special
        if special == "fifo.txt":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")
        inputs.insert(rng.randrange(len(inputs) + 1), str(path))
    return inputs[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=[*KINDS, "all"], default="all")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--memory-mb", type=int, default=500)
    parser.add_argument("--history", type=Path, help="a history database for the queries")
    parser.add_argument("--years", type=int, default=25, help="years of history to build")
    parser.add_argument("--worker", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--template", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        serve(options.worker, options.template, options.history, options.memory_mb)
        return
    kinds = KINDS if options.kind == "all" else (options.kind,)
    report = {kind: fuzz(kind, options.n, options.seed, options) for kind in kinds}
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
