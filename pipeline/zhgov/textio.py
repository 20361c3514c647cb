"""Reading inputs and writing outputs safely.

Inputs: strings, files, folders (``*.txt``, recursively) and stdin. Files are decoded
strictly; a bad byte is reported with its offset. Outputs are written to a temporary
file beside the target and renamed into place, so a crash never leaves half a file.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from .errors import Errors, ZhgovError

BINARY_SNIFF = 8192


@dataclass(frozen=True)
class InputDoc:
    source: str
    text: str


def decode(data: bytes, source: str, encoding: str = "utf-8") -> str:
    """Decode bytes strictly; raise a :class:`ZhgovError` naming the byte offset."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ZhgovError(Errors.E007.format(encoding=encoding)) from None
    nul = data.find(b"\x00", 0, BINARY_SNIFF)
    if nul >= 0 and not encoding.lower().replace("_", "-").startswith("utf-16"):
        raise ZhgovError(Errors.E005.format(path=source, offset=nul))
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ZhgovError(
            Errors.E003.format(path=source, encoding=encoding, offset=err.start, reason=err.reason)
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_text_file(path: Path, encoding: str = "utf-8") -> str:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ZhgovError(Errors.E002.format(path=path)) from None
    except OSError as err:
        raise ZhgovError(f"{path}: {err.strerror}") from None
    if not data.strip():
        raise ZhgovError(Errors.E004.format(path=path))
    return decode(data, str(path), encoding)


def looks_like_path(arg: str) -> bool:
    """Whether a command-line argument that does not exist was meant as a path."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in arg) and not arg.endswith((".txt", ".jsonl")):
        return False
    return os.sep in arg or "/" in arg or Path(arg).suffix.lower() in {".txt", ".text", ".md", ".jsonl"}


def expand_inputs(args: list[str]) -> list[tuple[str, object]]:
    """Turn CLI arguments into ``("text"|"file"|"stdin"|"error", value)`` items, in order."""
    items: list[tuple[str, object]] = []
    for arg in args:
        if arg == "-":
            items.append(("stdin", "-"))
            continue
        path = Path(arg)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError):  # a long text is not a file name
            is_dir = exists = False
        if is_dir:
            files = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not files:
                items.append(("error", ZhgovError(Errors.E009.format(path=path))))
            items.extend(("file", f) for f in files)
        elif exists:
            items.append(("file", path))
        elif looks_like_path(arg):
            items.append(("error", ZhgovError(Errors.E002.format(path=arg))))
        else:
            items.append(("text", arg))
    return items


def read_inputs(items, encoding: str, stdin: IO[bytes] | None = None, on_error=None) -> Iterator[InputDoc]:
    """Yield documents lazily; report unreadable inputs through ``on_error`` and go on."""
    text_count = 0
    for kind, value in items:
        try:
            if kind == "error":
                raise value  # type: ignore[misc]
            if kind == "text":
                text_count += 1
                yield InputDoc(f"<arg:{text_count}>", value)  # type: ignore[arg-type]
            elif kind == "stdin":
                stream = stdin if stdin is not None else sys.stdin.buffer
                data = stream.read()
                if not data.strip():
                    raise ZhgovError(Errors.E004.format(path="<stdin>"))
                yield InputDoc("<stdin>", decode(data, "<stdin>", encoding))
            else:
                yield InputDoc(str(value), read_text_file(value, encoding))  # type: ignore[arg-type]
        except ZhgovError as err:
            if on_error is None:
                raise
            on_error(err)


@contextlib.contextmanager
def atomic_output(path: Path | None, *, stdout: IO[str] | None = None) -> Iterator[IO[str]]:
    """Write to ``path`` atomically, or to stdout when ``path`` is None."""
    if path is None:
        yield stdout if stdout is not None else sys.stdout
        return
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ZhgovError(Errors.E010.format(path=path, reason=f"folder {directory} does not exist"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
