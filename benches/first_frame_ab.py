#!/usr/bin/env python3
"""Two builds' starts to the first frame, in alternating batches.

On a noisy machine the median of one batch moves by a millisecond from one
minute to the next, so two builds are compared in turns: batch 1 runs A
then B, batch 2 runs B then A, and so on. Each batch is one run of
`benches/first_frame.py`. Prints every batch's median, the median of the
batch medians and the fastest start of each build.

    python3 benches/first_frame_ab.py MAP BATCHES RUNS before=BINARY after=BINARY [--size 80x24]

For example, with the build of main copied aside first:

    cp target/release/journey /tmp/journey-main
    python3 benches/first_frame_ab.py /tmp/s1.ron 10 25 main=/tmp/journey-main new=target/release/journey
"""

import os
import re
import statistics
import subprocess
import sys


def main():
    args = sys.argv[1:]
    size = []
    if "--size" in args:
        at = args.index("--size")
        size = ["--size", args[at + 1]]
        del args[at:at + 2]
    path, batches, runs = args[0], int(args[1]), args[2]
    builds = [a.split("=", 1) for a in args[3:]]
    here = os.path.dirname(os.path.abspath(__file__))
    medians = {label: [] for label, _ in builds}
    fastest = {label: [] for label, _ in builds}
    for batch in range(batches):
        order = builds if batch % 2 == 0 else builds[::-1]
        for label, binary in order:
            out = subprocess.run(
                ["python3", os.path.join(here, "first_frame.py"), *size, binary, path, runs],
                capture_output=True, text=True, check=True).stdout
            found = re.search(r"median ([\d.]+) ms, fastest ([\d.]+)", out)
            medians[label].append(float(found.group(1)))
            fastest[label].append(float(found.group(2)))
    for label, _ in builds:
        print(f"{label}: batch medians {medians[label]}; median of them "
              f"{statistics.median(medians[label]):.2f} ms, fastest {min(fastest[label]):.2f} ms")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
