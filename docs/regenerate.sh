#!/bin/sh
# Regenerates the example pictures and page in docs/ from an example map:
# the journey canvas as PNG and SVG (no external program needed), the
# Markdown page and the Mermaid flowchart. Usage: docs/regenerate.sh [MAP]
# Without MAP it uses maps/camera.ron, or the test fixture of the same name
# where the examples are not there.
set -eu
cd "$(dirname "$0")/.."
map="${1:-maps/camera.ron}"
[ -f "$map" ] || map=tests/fixtures/camera.ron
cargo build --quiet
./target/debug/journey render "$map" --output docs/example.png
./target/debug/journey render "$map" --output docs/example.svg
./target/debug/journey export "$map" --format markdown --output docs/example.md
./target/debug/journey export "$map" --format mermaid --output docs/example.mmd
echo "docs/ regenerated from $map"
