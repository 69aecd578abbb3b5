#!/usr/bin/env bash
# Tests the npm package of walletcare end to end:
#
#  0. checks that the generated TypeScript declarations
#     (bindings/wasm/types/walletcare-types.d.ts) match the Rust types
#     (scripts/ts-types.sh --check), so a stale file fails before the build;
#  1. builds it (scripts/wasm-build.sh; skip with WALLETCARE_WASM_SKIP_BUILD=1
#     when bindings/wasm/pkg is fresh);
#  2. installs the packed tarball into a fresh temporary folder and there:
#     type-checks a typed usage file with `tsc --noEmit --strict` against
#     the installed declarations, and runs the shared JS suite and the
#     shared vectors (tests/vectors/vectors.json) with `node --test`;
#  3. runs the same suite in headless Chromium against the web build of the
#     installed package, served by `python3 -m http.server`;
#  4. drives the widget (examples/web-widget) in Chromium: messages in three
#     languages, the refund form, a phone-sized screen, screenshots;
#  5. builds a tiny app from the tarball with Vite (build and dev server),
#     webpack, esbuild and Rollup and runs each in Chromium; checks Node
#     CommonJS and ES modules, TypeScript (node16, nodenext, bundler),
#     @arethetypeswrong/cli and the Web Worker example
#     (bindings/wasm/tests/bundlers/run.mjs; the pinned tools are installed
#     with `npm ci` once and reused while package-lock.json is unchanged);
#  6. prints the figures: module sizes, the first triage after require in
#     Node, triage throughput in Node, one message per call.
#
# Each .wasm is built once (scripts/wasm-build.sh) and every step uses the
# same packed tarball.
#
# Installs what it needs (Debian's chromium, the pinned npm tools) when
# missing. Prints the test counts, the screenshot folder and the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/tools.sh
repo=$PWD
tools=$repo/bindings/wasm/tools
tests=$repo/bindings/wasm/tests
pkg=$repo/bindings/wasm/pkg

started=$SECONDS
last=$SECONDS
timings=()
# step NAME: starts a step and records how long the previous one took.
step() {
  if [ -n "${current:-}" ]; then timings+=("$((SECONDS - last)) s  $current"); fi
  current=$*
  last=$SECONDS
  printf '\n==> %s\n' "$*"
}

step "generated TypeScript declarations are up to date"
# scripts/test.sh sets WALLETCARE_TS_CHECKED=1: its `cargo test --workspace`
# already ran the same check (walletcare-api's unit test
# checked_in_declarations_are_current) without a build of its own.
if [ "${WALLETCARE_TS_CHECKED:-0}" = 1 ]; then
  echo "checked by the workspace's tests (walletcare-api: checked_in_declarations_are_current)"
elif ! scripts/ts-types.sh --check; then
  echo "error: bindings/wasm/types/walletcare-types.d.ts is stale: run scripts/ts-types.sh and commit it" >&2
  exit 1
fi

step "tools: node, npm tools (npm ci), Debian's chromium"
ensure_npm_tools
# The tests drive /usr/bin/chromium (CHROMIUM overrides it).
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  ensure_apt chromium /usr/bin/chromium
fi
# A Chinese font, so the screenshots show the Chinese text (the checks read
# the DOM, so they pass without it). WenQuanYi Micro Hei is 4 MB.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  ensure_apt fonts-wqy-microhei /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
fi
node --version
"$CHROMIUM" --version 2>/dev/null || true

if [ "${WALLETCARE_WASM_SKIP_BUILD:-0}" != 1 ] || ! ls "$pkg"/walletcare-*.tgz >/dev/null 2>&1; then
  step "build the package"
  scripts/wasm-build.sh
fi
vectors=$repo/tests/vectors/vectors.json
[ -f "$vectors" ] || { echo "missing $vectors" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/walletcare-wasm-test.XXXXXX")
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The shared scripts, bundled into one file for Node and the browser.
scripts_bundle=$work/scripts.json
node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1], files = {};
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  files[name] = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
}
fs.writeFileSync(process.argv[2], JSON.stringify({ schema: 1, files }));
' "$repo/tests/vectors/scripts" "$scripts_bundle"

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
# serve DIR: serves DIR on 127.0.0.1 and sets $url to its base URL. It runs
# in this shell (not in $(...)), so the cleanup trap knows the server's pid.
serve() {
  local dir=$1 port
  port=$(free_port)
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >"$work/http-$port.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 50); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then
      url="http://127.0.0.1:$port"
      return 0
    fi
    sleep 0.1
  done
  echo "the server on port $port did not start" >&2
  return 1
}

step "install the tarball into a fresh folder"
app=$work/app
mkdir -p "$app"
tarball=$(ls "$pkg"/walletcare-*.tgz)
(cd "$app" \
  && printf '{ "name": "walletcare-consumer", "private": true, "type": "module" }\n' > package.json \
  && npm install --no-audit --no-fund --loglevel=error "$tarball")
mkdir -p "$app/tests"
cp -r "$tests/suite" "$tests/node" "$app/tests/"
cp "$tests/types.ts" "$app/tests/"

step "tsc --noEmit --strict against the installed declarations"
cat > "$app/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "target": "ES2022",
    "module": "node16",
    "moduleResolution": "node16",
    "lib": ["ES2022", "DOM", "ESNext.Disposable"],
    "types": [],
    "skipLibCheck": false
  },
  "files": ["tests/types.ts"]
}
EOF
(cd "$app" && "$tools/node_modules/.bin/tsc" -p tsconfig.json)
echo "types.ts type-checks"

step "node --test (the installed package, the shared vectors)"
(cd "$app" && WALLETCARE_VECTORS=$vectors WALLETCARE_SCRIPTS=$scripts_bundle node --test --test-reporter=spec tests/node/ 2>&1 | tee "$work/node.log" | grep -E '^(not ok|# (tests|pass|fail))|^✖|^ℹ (tests|pass|fail)' || true)
node_summary=$(grep -E '^ℹ (tests|pass|fail) ' "$work/node.log" | tr '\n' ' ')
if ! grep -qE '^ℹ fail 0$' "$work/node.log"; then
  cat "$work/node.log"
  echo "node tests failed" >&2
  exit 1
fi
echo "node: $node_summary"

step "the same suite in headless Chromium (web build)"
site=$work/site
mkdir -p "$site/walletcare"
cp -r "$app/node_modules/walletcare/web" "$site/walletcare/"
cp -r "$tests/suite" "$site/"
cp "$tests/browser/index.html" "$tests/browser/run.mjs" "$site/"
cp "$vectors" "$site/vectors.json"
cp "$scripts_bundle" "$site/scripts.json"
serve "$site"
base=$url
node "$tests/browser/run-browser.mjs" "$base/index.html" "$tools/node_modules/playwright-core" | tee "$work/browser.log"

step "the widget in Chromium"
shots=${WALLETCARE_SCREENSHOTS:-$repo/target/widget-screenshots}
mkdir -p "$shots"
serve "$repo/examples/web-widget"
widget=$url
node "$tests/widget.e2e.mjs" "$widget/" "$tools/node_modules/playwright-core" "$shots" | tee "$work/widget.log"

step "bundlers, Node, TypeScript, attw, the worker example (from the tarball)"
bundlers=$tests/bundlers
lock_sum=$(sha256sum "$bundlers/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$bundlers/node_modules/.walletcare-lock" 2>/dev/null)" != "$lock_sum" ]; then
  (cd "$bundlers" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$bundlers/node_modules/.walletcare-lock"
fi
node "$bundlers/run.mjs" "$tarball" "$work/bundlers" "$tools/node_modules/.bin/tsc" "$tools/node_modules/playwright-core" | tee "$work/bundlers.log"

step "figures: sizes, first triage after require, triage throughput in Node"
(cd "$app" && cp "$tests/bench-triage.mjs" . && node bench-triage.mjs) | tee "$work/figures.log"

step "summary"
timings+=("$((SECONDS - last)) s  summary")
echo "node:    $node_summary"
grep -E '^browser' "$work/browser.log"
grep -E '^widget' "$work/widget.log"
grep -E '^(bundlers|figure)' "$work/bundlers.log"
echo "screenshots: $shots"
cat "$pkg/SIZE"
echo "time per step:"
printf '  %s\n' "${timings[@]}"
echo "scripts/wasm-test.sh took $((SECONDS - started)) s"
