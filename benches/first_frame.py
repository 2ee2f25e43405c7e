#!/usr/bin/env python3
"""Start of the real binary to its first frame, through a pty.

Runs `journey FILE` in a 200x50 pseudo-terminal (or the size given with
`--size COLSxROWS`), times from just before the
fork to the first read that holds the map's title (the first frame), then
quits it with `q`. Prints the median, the fastest and the slowest of N runs
and the load average. HOME and XDG folders point into a temporary folder, so
the recent-files list and the lock are written where they harm nothing.

    python3 benches/first_frame.py target/release/journey /tmp/s1.ron [N]
    python3 benches/first_frame.py --size 80x24 target/release/journey /tmp/s1.ron [N]
    python3 benches/first_frame.py --memory target/release/journey /tmp/s3.ron

With `--memory`: after the first frame, five edits (`t`, kind toggles), a
pause for the recovery write, then the peak memory (VmHWM) of the editor.

Make the map with `cargo run --release --example generate -- s1 /tmp/s1.ron`.
"""

import fcntl
import os
import select
import statistics
import struct
import sys
import tempfile
import termios
import time


SIZE = (200, 50)


def spawn(binary, path, env):
    """Starts `binary path` on a new pty of SIZE as its controlling terminal.

    posix_spawn (vfork and exec) instead of pty.fork: forking the Python
    process itself costs about 2 ms, which would hide most of a 3 ms goal.
    The child becomes a session leader (setsid) and then opens the pty's
    slave side as fd 0, which makes it its controlling terminal.
    """
    master, slave = os.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    name = os.ttyname(slave)
    os.close(slave)
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, name, os.O_RDWR, 0),
        (os.POSIX_SPAWN_DUP2, 0, 1),
        (os.POSIX_SPAWN_DUP2, 0, 2),
        (os.POSIX_SPAWN_CLOSE, master),
    ]
    pid = os.posix_spawn(binary, [binary, path], env, file_actions=actions, setsid=True)
    return pid, master


def one_run(binary, path, marker, home, memory=False):
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
               XDG_STATE_HOME=home, XDG_CACHE_HOME=home, TERM="xterm-256color")
    start = time.perf_counter()
    pid, fd = spawn(binary, path, env)
    seen = b""
    first = None
    deadline = start + 10
    while time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        # Some terminals' queries come first; the frame holds the title.
        if marker in seen:
            first = time.perf_counter() - start
            break
    if memory:
        for _ in range(5):
            os.write(fd, b"t")
            time.sleep(0.3)
            drain(fd, 0.2)
        drain(fd, 3)
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            status = dict(line.split(":", 1) for line in f if ":" in line)
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)
        return status["VmHWM"].strip()
    os.write(fd, b"q")
    # Drain until it exits.
    while True:
        try:
            ready, _, _ = select.select([fd], [], [], 2)
            if not ready or not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return first


def drain(fd, seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def main():
    global SIZE
    if sys.argv[1] == "--size":
        cols, rows = sys.argv[2].split("x")
        SIZE = (int(cols), int(rows))
        del sys.argv[1:3]
    memory = sys.argv[1] == "--memory"
    if memory:
        sys.argv.pop(1)
    binary, path = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    with open(path, encoding="utf-8") as f:
        text = f.read()
    title = text.split('title: "', 1)[1].split('"', 1)[0]
    marker = title.split(":")[0].encode()
    if memory:
        with tempfile.TemporaryDirectory() as home:
            peak = one_run(binary, path, marker, home, memory=True)
        size = os.path.getsize(path)
        print(f"peak memory after load and 5 edits: {peak} for a file of {size / 1e6:.1f} MB")
        return
    times = []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(runs):
            t = one_run(binary, path, marker, home)
            if t is not None:
                times.append(t * 1000)
    if not times:
        sys.exit("no first frame seen")
    print(f"start to first frame at {SIZE[0]}x{SIZE[1]}, {len(times)} runs: median {statistics.median(times):.2f} ms, "
          f"fastest {min(times):.2f} ms, slowest {max(times):.2f} ms; "
          f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
