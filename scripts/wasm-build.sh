#!/usr/bin/env bash
# Builds the npm package of walletcare from bindings/wasm into
# bindings/wasm/pkg/ (targets: web ES module, Node (CommonJS), bundlers),
# optimises it with wasm-opt from npm's binaryen, reports the sizes, packs a
# tarball and copies the web build next to the widget
# (examples/web-widget/pkg/). Installs what it needs (rustup target, the
# pinned wasm-bindgen CLI, the pinned npm tools) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/tools.sh

ensure_rust_target wasm32-unknown-unknown
# The CLI must be exactly the wasm-bindgen version in Cargo.lock.
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
ensure_cargo_tool wasm-bindgen-cli "$wb_version" wasm-bindgen
tools=bindings/wasm/tools
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ] || [ ! -x "$tools/node_modules/.bin/tsc" ] \
  || [ ! -d "$tools/node_modules/playwright-core" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
wasm_opt="$PWD/$tools/node_modules/.bin/wasm-opt"

# Keep only the time zones a wallet in Indonesia, China, Singapore and
# Malaysia needs (and a few common ones for custom calendars and tests):
# chrono-tz's full database is about 850 KB of the module otherwise. Only
# this wasm build sees the variable; native builds keep every zone. The list
# is documented in bindings/wasm/README.md.
export CHRONO_TZ_TIMEZONE_FILTER='^(UTC|Etc/.*|Asia/(Jakarta|Pontianak|Makassar|Jayapura|Shanghai|Hong_Kong|Macau|Taipei|Singapore|Kuala_Lumpur|Kuching|Manila|Bangkok|Ho_Chi_Minh|Tokyo|Seoul|Kolkata|Dubai|Riyadh)|Australia/(Sydney|Perth)|Europe/(London|Amsterdam|Berlin|Paris)|America/(New_York|Los_Angeles|Santiago|Sao_Paulo)|Pacific/(Auckland|Kiritimati))$'

t0=$SECONDS
cargo build --locked -p walletcare-wasm --target wasm32-unknown-unknown --profile wasm-release
echo "cargo build (wasm32, wasm-release): $((SECONDS - t0)) s"
wasm=target/wasm32-unknown-unknown/wasm-release/walletcare_wasm.wasm
pkg=bindings/wasm/pkg
rm -rf "$pkg"
mkdir -p "$pkg"
for target in web nodejs bundler; do
  dir=$target
  [ "$target" = nodejs ] && dir=node
  wasm-bindgen --target "$target" --out-dir "$pkg/$dir" --out-name walletcare "$wasm"
done
optimise() {
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$1" -o "$1"
}
# wasm-bindgen writes the same module for the three targets (only the JS
# glue differs), so optimise it once (wasm-opt takes minutes) and copy it.
t0=$SECONDS
if cmp -s "$pkg/web/walletcare_bg.wasm" "$pkg/node/walletcare_bg.wasm" \
  && cmp -s "$pkg/web/walletcare_bg.wasm" "$pkg/bundler/walletcare_bg.wasm"; then
  optimise "$pkg/web/walletcare_bg.wasm"
  cp "$pkg/web/walletcare_bg.wasm" "$pkg/node/walletcare_bg.wasm"
  cp "$pkg/web/walletcare_bg.wasm" "$pkg/bundler/walletcare_bg.wasm"
else
  for dir in web node bundler; do optimise "$pkg/$dir/walletcare_bg.wasm"; done
fi
echo "wasm-opt -Oz: $((SECONDS - t0)) s"

# Misuse of a handle is reported by wasm-bindgen's glue with a plain Error:
# an argument that is not an instance of the class (\`expected instance of
# Calendar\`), or a freed or busy handle (\`null pointer passed to rust\`,
# thrown through __wbindgen_throw). Make those WalletcareErrors with code
# general.invalid_argument (status 102) like every other bad argument. Each
# pattern must occur exactly once per glue file, so a wasm-bindgen upgrade
# that changes the glue fails here instead of silently.
for glue in "$pkg/web/walletcare.js" "$pkg/node/walletcare.js" "$pkg/bundler/walletcare_bg.js"; do
  for pattern in 'throw new Error(`expected instance of ${klass.name}`);' \
    'throw new Error(getStringFromWasm0(arg0, arg1));'; do
    count=$(grep -cF -- "$pattern" "$glue" || true)
    if [ "$count" != 1 ]; then
      echo "$glue: expected one \`$pattern\`, found $count (wasm-bindgen glue changed?)" >&2
      exit 1
    fi
  done
  sed -i \
    -e 's/throw new Error(`expected instance of ${klass.name}`);/throw Object.assign(new Error(`expected an instance of ${klass.name}`), { name: "WalletcareError", code: "general.invalid_argument", status: 102 });/' \
    -e 's/throw new Error(getStringFromWasm0(arg0, arg1));/throw Object.assign(new Error(getStringFromWasm0(arg0, arg1)), { name: "WalletcareError", code: "general.invalid_argument", status: 102 });/' \
    "$glue"
done

# CommonJS for Node: mark the folder so Node does not read it as ESM, and
# turn the inline JS snippet (written as an ES module by wasm-bindgen) into
# CommonJS, so `require("walletcare")` works on every Node version.
printf '{ "type": "commonjs" }\n' > "$pkg/node/package.json"
snippets=$(find "$pkg/node/snippets" -name '*.js')
[ -n "$snippets" ] || { echo "no JS snippet found in $pkg/node/snippets" >&2; exit 1; }
for snippet in $snippets; do
  sed -i -E 's/^export function ([A-Za-z0-9_]+)/exports.\1 = \1;\nfunction \1/' "$snippet"
  if grep -q '^export ' "$snippet"; then
    echo "could not convert $snippet to CommonJS" >&2
    exit 1
  fi
done

version=$(awk -F'"' '/^version = / {print $2; exit}' Cargo.toml)
sed "s/@VERSION@/$version/" bindings/wasm/npm/package.json > "$pkg/package.json"
cp bindings/wasm/README.md "$pkg/README.md"
for licence in LICENSE-MIT LICENSE-APACHE; do
  [ -f "$licence" ] && cp "$licence" "$pkg/"
done

raw=$(wc -c < "$pkg/web/walletcare_bg.wasm")
gz=$(gzip -9 -c "$pkg/web/walletcare_bg.wasm" | wc -c)
echo "walletcare_bg.wasm: $raw bytes raw, $gz bytes gzipped (gzip -9)"
printf '%s bytes raw, %s bytes gzipped (gzip -9): walletcare_bg.wasm %s\n' "$raw" "$gz" "$version" > "$pkg/SIZE"
(cd "$pkg" && npm pack --silent --pack-destination . >/dev/null)
ls "$pkg"/*.tgz

# The widget loads the web build from a copy next to it.
widget_pkg=examples/web-widget/pkg
rm -rf "$widget_pkg"
mkdir -p "$widget_pkg"
cp -r "$pkg/web/." "$widget_pkg/"
