#!/usr/bin/env bash
# Opens the help-centre widget (examples/web-widget) on http://127.0.0.1:PORT/
# (default 8000). Builds the web package first when the widget has no copy of
# it yet (scripts/wasm-build.sh; pass --build to rebuild anyway).
set -euo pipefail
cd "$(dirname "$0")/.."
port=8000
build=0
for arg in "$@"; do
  case $arg in
    --build) build=1 ;;
    [0-9]*) port=$arg ;;
    *) echo "usage: $0 [--build] [PORT]" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ] || [ ! -f examples/web-widget/pkg/walletcare_core.wasm ]; then
  scripts/wasm-build.sh
fi
echo "walletcare widget: http://127.0.0.1:$port/ (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory examples/web-widget
