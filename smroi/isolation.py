"""Reading a file in a worker process, so that a file that crashes the reader cannot take
the app or the command line down with it.

The spreadsheet readers are native code (calamine in Rust, pandas' tokenizer in C): a
2 KB workbook that declares a cell at XFD1048576 makes calamine ask for 550 GB and abort
the whole process. So every file is read in a worker process of a small pool, under a
memory limit (RLIMIT_AS, set per file: the worker's own size plus 500 MB plus 16 times
the file's size, 40 times for a workbook) and a time limit (5 s plus 1 s per MB, 3 s
for a workbook). A worker that crashes, runs out of memory or of time is killed and
replaced, and the file gets one sentence that names it (InputFileError); other files
and other sessions carry on.

Workers are forked from a forkserver that has already imported smroi.ingest (pandas,
calamine), and are kept warm between files: reading a small file costs a few
milliseconds more than reading it in-process. Each read takes a worker of its own, so
Streamlit's sessions (threads) read side by side; at most MAX_IDLE wait between reads.

`SMROI_ISOLATE=0` reads in-process instead (for a debugger or a profiler).
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, TypeVar

from smroi.errors import InputFileError, SmroiError
from smroi.i18n import _

if TYPE_CHECKING:
    import pandas as pd

    from smroi.import_report import ImportReport

ISOLATE_VARIABLE = "SMROI_ISOLATE"
WORKER_NAME = "smroi-reader"
MB = 1_000_000
BASE_MEMORY_BYTES = 500 * MB  # what reading a small file may add to a warm worker
BASE_SECONDS = 5.0
# Per MB of the file, measured on 2 CPUs under load (peak virtual size, wall time): a 200 MB
# CSV adds 1.2 to 1.7 GB and reads in 5 to 19 s; a 21 MB xlsx, compressed, adds 0.6 GB and
# reads in 9 to 20 s.
TEXT_MEMORY_PER_BYTE = 16
TEXT_SECONDS_PER_MB = 1.0
WORKBOOK_MEMORY_PER_BYTE = 40
WORKBOOK_SECONDS_PER_MB = 3.0
WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # xlsx (zip), xls (OLE)
MAX_IDLE = 2
# a worker that grew more than this while reading is replaced rather than kept warm
MAX_WORKER_GROWTH_BYTES = 256 * MB
START_SECONDS = 120.0  # the first worker waits for the forkserver to import pandas
# what the forkserver (and so each worker) is started with: one thread for the maths
# libraries, two malloc arenas and pyarrow's plain allocator (its default, mimalloc,
# reserves 1 GB of address space on first use: a warm worker measured 1.4 GB instead of
# 0.35 GB), so that the virtual size RLIMIT_AS counts is what a worker uses
WORKER_ENVIRONMENT = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "MALLOC_ARENA_MAX": "2",
    "ARROW_DEFAULT_MEMORY_POOL": "system",
    "RUST_BACKTRACE": "0",
}

log = logging.getLogger(__name__)
T = TypeVar("T")


class ReaderStopped(SmroiError):
    """A worker was stopped while it ran a task: it crashed, ran out of memory or of time.

    `problem` is the sentence for the user without a file name; `cause` is "crash",
    "memory" or "time"."""

    def __init__(self, problem: str, cause: str) -> None:
        self.problem = problem
        self.cause = cause
        super().__init__(problem)


@dataclass(frozen=True)
class Limits:
    """What reading one file may use: bytes of memory beyond the warm worker's, seconds."""

    memory_bytes: int
    seconds: float


def file_limits(data: bytes) -> Limits:
    """The memory and time reading `data` may take: a base plus so much per byte, more
    for a workbook (compressed) than for a text file."""
    workbook = data.startswith(WORKBOOK_SIGNATURES)
    memory = WORKBOOK_MEMORY_PER_BYTE if workbook else TEXT_MEMORY_PER_BYTE
    seconds = WORKBOOK_SECONDS_PER_MB if workbook else TEXT_SECONDS_PER_MB
    return Limits(
        memory_bytes=BASE_MEMORY_BYTES + memory * len(data),
        seconds=BASE_SECONDS + seconds * len(data) / MB,
    )


def isolating() -> bool:
    """True unless SMROI_ISOLATE is 0 (or false, no, off): then files are read in-process."""
    return os.environ.get(ISOLATE_VARIABLE, "1").strip().lower() not in {"0", "false", "no", "off"}


def read_file_isolated(name: str, data: bytes, **options: Any) -> tuple[pd.DataFrame, ImportReport]:
    """smroi.ingest.read_file(name, data, **options) in a worker process; a crash, or too
    much memory or time, is an InputFileError naming the file."""
    return _read_isolated(name, data, _read_file, name, data, options)


def read_table_isolated(
    name: str, data: bytes, column_map: Mapping[str, str] | None = None, sheet: str | None = None
) -> pd.DataFrame:
    """smroi.readers.read_table (the file's table as it has it) in a worker process; a
    crash, or too much memory or time, is an InputFileError naming the file."""
    return _read_isolated(name, data, _read_table, name, data, dict(column_map or {}), sheet)


def _read_isolated(name: str, data: bytes, function: Callable[..., T], *args: Any) -> T:
    limits = file_limits(data)
    try:
        return run_isolated(
            function, *args, memory_bytes=limits.memory_bytes, seconds=limits.seconds
        )
    except ReaderStopped as stopped:
        raise InputFileError(name, stopped.problem) from None


def _read_file(
    name: str, data: bytes, options: dict[str, Any]
) -> tuple[pd.DataFrame, ImportReport]:
    from smroi.ingest import read_file

    return read_file(name, data, **options)


def _read_table(
    name: str, data: bytes, column_map: dict[str, str], sheet: str | None
) -> pd.DataFrame:
    from smroi.readers import read_table

    return read_table(name, data, column_map, sheet)


def run_isolated(
    function: Callable[..., T],
    *args: Any,
    memory_bytes: int = BASE_MEMORY_BYTES,
    seconds: float = BASE_SECONDS,
) -> T:
    """`function(*args)` in a worker process, allowed `memory_bytes` more than the warm
    worker has and `seconds` of wall time: its result, or the exception it raised, or
    ReaderStopped when the worker crashed or went over a limit. `function` must be
    picklable (defined at the top of a module); `bytes` arguments are sent as they are.

    With SMROI_ISOLATE=0 it is called in this process, without limits."""
    if not isolating():
        return function(*args)
    try:
        worker = _POOL.acquire()
    except (OSError, RuntimeError, ValueError) as exc:  # no processes here (a sandbox)
        log.warning("smroi could not start a reader process (%s); reading in-process", exc)
        return function(*args)
    healthy = False
    try:
        reply = worker.run(function, args, memory_bytes, time.monotonic() + seconds)
        if reply is None:
            raise ReaderStopped(
                _(
                    "reading it took longer than {seconds:,} s, so it was stopped; the file "
                    "may be damaged, or too large to read in one go.",
                    seconds=round(seconds),
                ),
                "time",
            )
        outcome, value, healthy = reply
    except (EOFError, OSError):  # the worker died: a crash, or the kernel's OOM killer
        raise worker.stopped(memory_bytes) from None
    finally:
        if healthy:
            _POOL.release(worker)
        else:
            _POOL.discard(worker)
    if outcome == "ok":
        return value  # type: ignore[no-any-return]
    if outcome == "refused":
        raise InputFileError(*value)
    if outcome == "memory":
        raise _out_of_memory(memory_bytes)
    if outcome == "crash":
        raise _crashed()
    raise value


def _out_of_memory(memory_bytes: int) -> ReaderStopped:
    return ReaderStopped(
        _(
            "reading it needed more memory than smroi allows for one file ({megabytes:,} MB), "
            "so it was stopped; the file may be damaged, or too large to read in one go.",
            megabytes=round(memory_bytes / MB),
        ),
        "memory",
    )


def _crashed() -> ReaderStopped:
    return ReaderStopped(
        _("the file reader stopped unexpectedly; the file is probably damaged."), "crash"
    )


# ---------------------------------------------------------------- the parent's side


class _Worker:
    """One worker process, the parent's end of its pipe, and the file its stderr goes to."""

    def __init__(self, context: multiprocessing.context.BaseContext) -> None:
        descriptor, path = tempfile.mkstemp(prefix="smroi-reader-", suffix=".log")
        self.stderr = descriptor
        self.connection, child = multiprocessing.Pipe()
        self.process = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, path), name=WORKER_NAME, daemon=True
        )
        try:
            self.process.start()
            if not self.connection.poll(START_SECONDS):
                raise RuntimeError("the reader process did not start")
            self.connection.recv()  # "ready": its stderr is open
        except EOFError as exc:
            self.kill()
            raise RuntimeError(
                f"the reader process ended as it started ({self.exit_code})"
            ) from exc
        except BaseException:
            self.kill()
            raise
        finally:
            child.close()
            with suppress(OSError):
                os.unlink(path)

    def run(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        memory_bytes: int,
        deadline: float,
    ) -> tuple[str, Any, bool] | None:
        """Send a task and wait for its reply until `deadline`; None when time ran out."""
        blobs = [i for i, arg in enumerate(args) if type(arg) is bytes]
        small = tuple(None if i in blobs else arg for i, arg in enumerate(args))
        self.connection.send((function, small, blobs, memory_bytes))
        for i in blobs:  # sent as they are: no pickled copy of a 200 MB file
            self.connection.send_bytes(args[i])
        if not self.connection.poll(max(0.0, deadline - time.monotonic())):
            return None
        reply: tuple[str, Any, bool] = self.connection.recv()
        return reply

    def stopped(self, memory_bytes: int) -> ReaderStopped:
        """Why the worker died, read from its exit status and the last of its stderr."""
        self.end()
        said = self.last_words()
        log.info("smroi reader %s ended (%s): %.2000s", self.process.pid, self.exit_code, said)
        out_of_memory = ("memory allocation of", "bad_alloc", "MemoryError", "out of memory")
        if self.exit_code == -signal.SIGKILL or any(text in said for text in out_of_memory):
            return _out_of_memory(memory_bytes)
        return _crashed()

    @property
    def exit_code(self) -> int | None:
        return self.process.exitcode  # type: ignore[no-any-return]

    def last_words(self) -> str:
        """The start and the end of what the worker wrote to stderr during its last task
        (a Rust abort's reason comes first, then its backtrace)."""
        try:
            end = os.fstat(self.stderr).st_size
            head = os.pread(self.stderr, min(end, 8192), 0)
            tail = os.pread(self.stderr, 8192, max(len(head), end - 8192))
        except OSError:
            return ""
        return (head + b"\n" + tail).decode("utf-8", "replace")

    def alive(self) -> bool:
        return bool(self.process.is_alive())

    def stop(self) -> None:
        """Ask the worker to end, and kill it if it does not."""
        with suppress(OSError):
            self.connection.send(None)
        self.process.join(2)
        self.kill()

    def end(self) -> None:
        """End the process now, if it has not ended (idempotent)."""
        if self.process.pid is not None and self.process.exitcode is None:
            self.process.kill()
            self.process.join(10)

    def kill(self) -> None:
        """End the process now and close its pipe and log (idempotent)."""
        self.end()
        self.connection.close()
        if self.stderr >= 0:
            os.close(self.stderr)
            self.stderr = -1


class _Pool:
    """Warm workers: one per read in progress, at most MAX_IDLE waiting between reads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._context: multiprocessing.context.BaseContext | None = None
        self._closed = False

    def acquire(self) -> _Worker:
        """An idle worker, or a new one when every worker is busy."""
        with self._lock:
            if self._closed:
                raise RuntimeError("smroi is shutting down")
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    self._busy.add(worker)
                    return worker
                worker.kill()
            context = self._context = self._context or _start_method()
        worker = _Worker(context)
        with self._lock:
            self._busy.add(worker)
        return worker

    def release(self, worker: _Worker) -> None:
        """Take a worker back after a read: kept warm, or stopped when enough are idle."""
        with self._lock:
            self._busy.discard(worker)
            if not self._closed and len(self._idle) < MAX_IDLE:
                self._idle.append(worker)
                return
        worker.stop()

    def discard(self, worker: _Worker) -> None:
        """Kill a worker that crashed, ran out of time or memory, or grew too large."""
        with self._lock:
            self._busy.discard(worker)
        worker.kill()

    def close(self) -> None:
        """Stop every worker (at interpreter exit)."""
        with self._lock:
            self._closed = True
            idle, busy = list(self._idle), list(self._busy)
            self._idle.clear()
        for worker in busy:
            worker.kill()
        for worker in idle:
            worker.stop()


def _start_method() -> multiprocessing.context.BaseContext:
    """The forkserver with smroi.ingest imported, where there is one (Linux, macOS); else
    spawn (Windows). Never fork: Streamlit's process has threads."""
    _leave_main_alone()
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["smroi.ingest"])
    from multiprocessing import forkserver

    with _environment(WORKER_ENVIRONMENT):  # the forkserver is started with it
        forkserver.ensure_running()
    return context


def _leave_main_alone() -> None:
    """Start workers without importing the parent's __main__ in them.

    multiprocessing runs the parent's main script again in each child started by the
    forkserver or spawn (as __mp_main__), so a script that calls smroi at its top, with no
    `if __name__ == "__main__"`, would read its files again in every worker. A worker needs
    only smroi: its preparation data (made by multiprocessing.spawn.get_preparation_data,
    which both start methods call) leaves the main module out for our workers' name."""
    from multiprocessing import spawn

    prepare = spawn.get_preparation_data
    if getattr(prepare, "smroi", False):
        return

    def without_main(name: str) -> dict[str, Any]:
        data: dict[str, Any] = prepare(name)
        if name == WORKER_NAME:
            data.pop("init_main_from_name", None)
            data.pop("init_main_from_path", None)
        return data

    without_main.smroi = True  # type: ignore[attr-defined]
    spawn.get_preparation_data = without_main


@contextmanager
def _environment(variables: dict[str, str]) -> Iterator[None]:
    """os.environ with `variables` added (those the user did not set) for the block."""
    added = {key: value for key, value in variables.items() if key not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)


_POOL = _Pool()
atexit.register(_POOL.close)


# ---------------------------------------------------------------- the worker's side


def _serve(connection: Connection, stderr_path: str) -> None:
    """A worker's life: run tasks until told to stop or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    descriptor = os.open(stderr_path, os.O_WRONLY)
    # what the readers print (calamine's "memory allocation failed") lands here, not on the
    # CLI's screen or in its JSON
    os.dup2(descriptor, 1)
    os.dup2(descriptor, 2)
    os.close(descriptor)
    born = _virtual_size()
    connection.send("ready")
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        function, small, blobs, memory_bytes = task
        args = list(small)
        for i in blobs:
            args[i] = connection.recv_bytes()
        os.ftruncate(2, 0)
        os.lseek(2, 0, os.SEEK_SET)
        _limit_memory(memory_bytes)
        try:
            reply: tuple[str, Any] = ("ok", function(*args))
        except BaseException as exc:  # every outcome goes back to the parent
            reply = _outcome(exc)
        finally:
            _limit_memory(None)
        del args
        healthy = reply[0] not in {"memory", "crash"} and (
            born is None or (_virtual_size() or 0) - born < MAX_WORKER_GROWTH_BYTES
        )
        try:
            connection.send((*reply, healthy))
        except _UNPICKLABLE as exc:  # a result that cannot be pickled
            connection.send(("raised", RuntimeError(f"{type(exc).__name__}: {exc}"), False))
        del reply  # not held while the worker waits


# what pickling an object that cannot be pickled raises (a lambda, a lock, a class whose
# __init__ needs arguments its args do not give back, one nested too deep)
_UNPICKLABLE = (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError)


def _outcome(exc: BaseException) -> tuple[str, Any]:
    """What a task's exception becomes for the parent: ("refused", (file, problem)) for an
    InputFileError, ("memory", None), ("crash", None) for a Rust panic, else ("raised",
    the exception, or its text when it cannot be pickled)."""
    if _caused_by_memory(exc):
        return ("memory", None)
    if isinstance(exc, InputFileError):
        return ("refused", (exc.file, exc.problem))
    if not isinstance(exc, Exception):  # pyo3's PanicException, SystemExit
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return ("crash", None)
    try:
        pickle.loads(pickle.dumps(exc))
    except _UNPICKLABLE:  # its text still reaches the parent, as a RuntimeError
        return ("raised", RuntimeError(f"{type(exc).__name__}: {exc}"))
    return ("raised", exc)


def _caused_by_memory(exc: BaseException | None) -> bool:
    """True when a MemoryError is the exception or what led to it (read_file wraps it)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, MemoryError):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _virtual_size() -> int | None:
    """This process's virtual size in bytes (what RLIMIT_AS counts), where /proc has it."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _limit_memory(memory_bytes: int | None) -> None:
    """Allow this process `memory_bytes` more than it has now (None: no limit)."""
    try:
        import resource
    except ImportError:  # Windows: the time limit still holds
        return
    size = _virtual_size()
    if size is None:
        return
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    wanted = resource.RLIM_INFINITY if memory_bytes is None else size + memory_bytes
    if hard != resource.RLIM_INFINITY:
        wanted = hard if wanted == resource.RLIM_INFINITY else min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
