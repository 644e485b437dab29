"""N sessions at once against one app server: time to the first numbers, memory per session.

    python bench/bench_sessions.py [--sessions 1 10 50] [--script app.py]
    python bench/bench_sessions.py --url http://127.0.0.1:8501 --pid 12345   # a running server

Each session is a light client, not a browser: a websocket to /_stcore/stream that speaks
Streamlit's own protocol (the protobuf BackMsg and ForwardMsg in streamlit.proto), as the
page's JavaScript does. It sends the BackMsg `rerun_script` that a page sends when it opens
(empty query string, the default page, a context with the URL, time zone and locale) and
reads ForwardMsgs until the first delta that holds a KPI card (st.metric), the first numbers
a user sees, and then until the script run has finished.

For each N a fresh server (`streamlit run app.py` on a free port) is started, opened once by
one session that is then closed (the first session of a process reads the sample data and
fills the per-process caches; its time is reported as "first ever"), then N sessions open at
once and stay open. Reported per N: the median and the slowest time to the first numbers,
the server process's resident memory (RSS, from /proc) before the N sessions and after all
their scripts have finished, (after - before) / N, the memory each open session costs, and
the RSS of its child processes (the file-reading workers and their forkserver), which do not
grow with sessions.

Target (docs/DESIGN.md): reported at N = 1, 10, 50; there is no pass/fail figure.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ClientState_pb2 import ClientState, ContextInfo  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from tests.browser import free_port  # noqa: E402


@dataclass
class Session:
    """What one light client saw."""

    first_numbers: float  # seconds from connecting to the first KPI card
    finished: float  # seconds from connecting to the end of the first script run
    socket: websockets.ClientConnection


def rerun_message(url: str) -> bytes:
    """The BackMsg a page sends when it opens: run the script of the default page."""
    message = BackMsg()
    message.rerun_script.CopyFrom(
        ClientState(
            query_string="",
            page_script_hash="",
            context_info=ContextInfo(
                timezone="UTC", timezone_offset=0, locale="en-US", url=url + "/"
            ),
        )
    )
    return message.SerializeToString()


async def open_session(url: str, timeout: float) -> Session:
    """Connect, ask for the first run and wait for the first numbers and the run's end;
    the websocket stays open (an open tab)."""
    start = time.perf_counter()
    stream = url.replace("http://", "ws://", 1) + "/_stcore/stream"
    socket = await websockets.connect(stream, subprotocols=["streamlit"], max_size=None)  # type: ignore[list-item]
    await socket.send(rerun_message(url))
    first_numbers = None
    async with asyncio.timeout(timeout):
        while True:
            data = await socket.recv()
            message = ForwardMsg()
            message.ParseFromString(data)  # type: ignore[arg-type]
            kind = message.WhichOneof("type")
            if (
                first_numbers is None
                and kind == "delta"
                and message.delta.WhichOneof("type") == "new_element"
                and message.delta.new_element.WhichOneof("type") == "metric"
            ):
                first_numbers = time.perf_counter() - start
            elif kind == "script_finished":
                if first_numbers is None:
                    raise RuntimeError("the script finished without a KPI card")
                return Session(first_numbers, time.perf_counter() - start, socket)


def rss_mb(pid: int, children: bool = False) -> float:
    """Resident memory of a process (with children: of its children, the reading workers
    and their forkserver, alone), in MB."""
    total = 0
    for member in _descendants(pid) if children else [pid]:
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return found
    for child in map(int, children):
        found += [child, *_descendants(child)]
    return found


async def settled_rss(pid: int) -> float:
    """RSS once it stops moving (a second apart within 1 MB), or after 10 s."""
    previous = rss_mb(pid)
    for _ in range(10):
        await asyncio.sleep(1)
        now = rss_mb(pid)
        if abs(now - previous) < 1:
            return now
        previous = now
    return previous


async def measure(url: str, pid: int, n: int, timeout: float) -> dict[str, float]:
    warm = await open_session(url, timeout)  # the process's first session fills its caches
    await warm.socket.close()
    before = await settled_rss(pid)
    sessions = await asyncio.gather(*(open_session(url, timeout) for _ in range(n)))
    after = await settled_rss(pid)
    times = sorted(session.first_numbers for session in sessions)
    for session in sessions:
        await session.socket.close()
    workers = rss_mb(pid, children=True)
    return {
        "n": n,
        "workers": workers,
        "first_ever": warm.first_numbers,
        "median": statistics.median(times),
        "slowest": times[-1],
        "rss_before": before,
        "rss_after": after,
        "per_session": (after - before) / n,
    }


def start_server(script: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / script),
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    env = {**os.environ, "SMROI_DATA_DIR": tempfile.mkdtemp(prefix="smroi-bench-")}
    env.pop("SMROI_DATABASE_URL", None)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise SystemExit(f"the server did not start on {url}")
        time.sleep(0.3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--script", default="app.py", help="app.py or serve.py")
    parser.add_argument("--url", help="a running server instead of a fresh one for each N")
    parser.add_argument("--pid", type=int, help="the running server's process id (for RSS)")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    if args.url and not args.pid:
        parser.error("--url needs --pid (the server's process, for its memory)")

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    where = args.url or f"{args.script}, a fresh server for each N"
    print(f"{os.cpu_count()} CPUs, load average {load} before the run; {where}")
    print(
        f"{'N':>4} {'first ever':>10} {'median':>8} {'slowest':>8} "
        f"{'RSS before':>11} {'RSS after':>10} {'per session':>12} {'workers':>8}"
    )
    for n in args.sessions:
        process = None
        if args.url:
            url, pid = args.url.rstrip("/"), args.pid
        else:
            process, url = start_server(args.script)
            pid = process.pid
        try:
            row = asyncio.run(measure(url, pid, n, args.timeout))
        finally:
            if process is not None:
                process.terminate()
                process.wait(timeout=20)
        print(
            f"{n:>4} {row['first_ever']:>9.2f}s {row['median']:>7.2f}s {row['slowest']:>7.2f}s "
            f"{row['rss_before']:>8.0f} MB {row['rss_after']:>7.0f} MB "
            f"{row['per_session']:>9.2f} MB {row['workers']:>5.0f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
