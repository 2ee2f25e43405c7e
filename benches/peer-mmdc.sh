#!/usr/bin/env bash
# journey render beside Mermaid's own renderer (mmdc), time and peak memory,
# side by side in one run, on the example maps.
#
#   benches/peer-mmdc.sh [MAP.ron ...]      (default: maps/camera.ron maps/logistics.ron)
#
# It sets mmdc up once in target/peer-mmdc from npm, with Debian's chromium
# in place of the browser puppeteer would download:
#   apt-get install -y chromium nodejs npm time
# Each figure is the median of RUNS runs (default 5) of one whole process;
# memory is the peak resident size of the largest single process (for mmdc,
# node or one of its chromium processes).
set -euo pipefail

cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=target/peer-mmdc
mkdir -p "$work"

for tool in chromium npm /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "needs $tool (see the comment at the top)" >&2; exit 2; }
done
if [ ! -x "$work/node_modules/.bin/mmdc" ]; then
    echo "setting up mmdc in $work (npm, once)" >&2
    (cd "$work" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent --no-audit --no-fund @mermaid-js/mermaid-cli >/dev/null)
fi
printf '{"executablePath":"%s","args":["--no-sandbox","--disable-gpu"]}\n' "$(command -v chromium)" >"$work/puppeteer.json"
cargo build --release --quiet
journey=target/release/journey
mmdc="$work/node_modules/.bin/mmdc"

# Runs a command RUNS times; prints "median-ms peak-MiB".
measure() {
    local times=() mems=()
    for _ in $(seq "$runs"); do
        local out
        /usr/bin/time -o "$work/time.txt" -f '%e %M' "$@" >/dev/null 2>&1
        out=$(tail -1 "$work/time.txt")
        times+=("$(echo "$out" | awk '{printf "%d", $1 * 1000}')")
        mems+=("$(echo "$out" | awk '{printf "%.1f", $2 / 1024}')")
    done
    local t m
    t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    m=$(printf '%s\n' "${mems[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
    echo "$t $m"
}

maps=("$@")
[ ${#maps[@]} -eq 0 ] && maps=(maps/camera.ron maps/logistics.ron)
printf '%-22s %-34s %10s %10s\n' map renderer "ms" "peak MiB"
for map in "${maps[@]}"; do
    name=$(basename "$map" .ron)
    "$journey" export "$map" --format mermaid --output "$work/$name.mmd"
    row() { printf '%-22s %-34s %10s %10s\n' "$name" "$1" $2; }
    row "journey render (canvas svg)" "$(measure "$journey" render "$map" --output "$work/$name.svg")"
    row "journey render (canvas png)" "$(measure "$journey" render "$map" --output "$work/$name.png")"
    if command -v dot >/dev/null 2>&1; then
        row "journey render --style graph" "$(measure "$journey" render "$map" --style graph --output "$work/$name-graph.svg")"
    fi
    row "mmdc (flowchart svg)" "$(measure "$mmdc" -q -p "$work/puppeteer.json" -i "$work/$name.mmd" -o "$work/$name-mmdc.svg")"
done
echo "median of $runs runs each; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
