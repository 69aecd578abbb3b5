#!/usr/bin/env bash
# Builds the npm package of walletcare from bindings/wasm into
# bindings/wasm/pkg/ and packs it (bindings/wasm/pkg/walletcare-<v>.tgz).
#
# Two WebAssembly modules, each compiled, bound and optimised once and
# shared by every build of the package (bindings/wasm/README.md):
#   web/walletcare_core.wasm    money, accounts, cards, transactions,
#                               calendars, refunds, tickets (crate feature `core`)
#   web/walletcare_triage.wasm  triage, classify, redact checks (feature `triage`)
# and JS for two hosts over each (`walletcare/core`, `walletcare/triage`, and
# `walletcare`, which is both): web/ (ES modules, `await init()` fetches the
# .wasm beside them by `new URL(..., import.meta.url)`) and node/ (CommonJS
# that loads synchronously from ../web/, with .mjs wrappers for `import`).
# bindings/wasm/npm/assemble.mjs writes the entry points, declarations and
# package.json.
#
# Optimised modules are cached by the hash of wasm-bindgen's output in
# target/walletcare-npm/, so a rebuild without a Rust change skips wasm-opt
# (minutes). Copies the web build next to the widget (examples/web-widget/).
# Installs what it needs (rustup target, the pinned wasm-bindgen CLI, the
# pinned npm tools) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/tools.sh

ensure_rust_target wasm32-unknown-unknown
# The CLI must be exactly the wasm-bindgen version in Cargo.lock.
ensure_wasm_bindgen_cli
ensure_npm_tools
tools=bindings/wasm/tools
wasm_opt="$PWD/$tools/node_modules/.bin/wasm-opt"

# Keep only the time zones a wallet in Indonesia, China, Singapore and
# Malaysia needs (and a few common ones for custom calendars and tests):
# chrono-tz's full database is about 850 KB of the module otherwise. Only
# this wasm build sees the variable; native builds keep every zone. The list
# is documented in bindings/wasm/README.md.
export CHRONO_TZ_TIMEZONE_FILTER='^(UTC|Etc/.*|Asia/(Jakarta|Pontianak|Makassar|Jayapura|Shanghai|Hong_Kong|Macau|Taipei|Singapore|Kuala_Lumpur|Kuching|Manila|Bangkok|Ho_Chi_Minh|Tokyo|Seoul|Kolkata|Dubai|Riyadh)|Australia/(Sydney|Perth)|Europe/(London|Amsterdam|Berlin|Paris)|America/(New_York|Los_Angeles|Santiago|Sao_Paulo)|Pacific/(Auckland|Kiritimati))$'

work=target/walletcare-npm
mkdir -p "$work/cache"
pkg=bindings/wasm/pkg
rm -rf "$pkg" "$work/bound"
mkdir -p "$pkg/web" "$pkg/node"

for part in core triage; do
  t0=$SECONDS
  cargo build --locked -p walletcare-wasm --no-default-features --features "$part" \
    --target wasm32-unknown-unknown --profile wasm-release
  echo "cargo build ($part, wasm32, wasm-release): $((SECONDS - t0)) s"
  cp target/wasm32-unknown-unknown/wasm-release/walletcare_wasm.wasm "$work/$part.wasm"
  for target in web nodejs; do
    dir=$target
    [ "$target" = nodejs ] && dir=node
    wasm-bindgen --target "$target" --out-dir "$work/bound/$dir" --out-name "$part" "$work/$part.wasm"
  done
  # wasm-bindgen writes the same module for both targets; only the glue differs.
  cmp -s "$work/bound/web/${part}_bg.wasm" "$work/bound/node/${part}_bg.wasm" \
    || { echo "wasm-bindgen wrote different $part modules for web and node" >&2; exit 1; }
done

# wasm-opt -Oz, once per module, both at once, cached by input hash.
# Names, debug info and the producers section are dropped (-Oz keeps no
# name section unless asked; --strip-* drops the rest).
optimise() {
  local part=$1 in=$work/bound/web/${1}_bg.wasm hash
  hash=$(sha256sum "$in" | cut -c1-32)
  local cached=$work/cache/$part-$hash.wasm
  if [ ! -f "$cached" ]; then
    "$wasm_opt" -Oz --strip-debug --strip-producers \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$in" -o "$cached.tmp"
    mv "$cached.tmp" "$cached"
  fi
  cp "$cached" "$pkg/web/walletcare_$part.wasm"
}
t0=$SECONDS
optimise core &
core_pid=$!
optimise triage
wait "$core_pid"
echo "wasm-opt -Oz: $((SECONDS - t0)) s"

# Misuse of a handle is reported by wasm-bindgen's glue with a plain Error:
# an argument that is not an instance of the class (\`expected instance of
# Calendar\`), or a freed or busy handle (\`null pointer passed to rust\`,
# thrown through __wbindgen_throw). Make those WalletcareErrors with code
# general.invalid_argument (status 102) like every other bad argument. Each
# pattern must occur at most once per glue file and at least once in the
# core glue, so a wasm-bindgen upgrade that changes the glue fails here
# instead of silently.
for glue in "$work"/bound/{web,node}/{core,triage}.js; do
  for pattern in 'throw new Error(`expected instance of ${klass.name}`);' \
    'throw new Error(getStringFromWasm0(arg0, arg1));'; do
    count=$(grep -cF -- "$pattern" "$glue" || true)
    case "$glue:$count" in
      */core.js:1 | */triage.js:0 | */triage.js:1) ;;
      *)
        echo "$glue: unexpected count $count of \`$pattern\` (wasm-bindgen glue changed?)" >&2
        exit 1
        ;;
    esac
  done
  sed -i \
    -e 's/throw new Error(`expected instance of ${klass.name}`);/throw Object.assign(new Error(`expected an instance of ${klass.name}`), { name: "WalletcareError", code: "general.invalid_argument", status: 102 });/' \
    -e 's/throw new Error(getStringFromWasm0(arg0, arg1));/throw Object.assign(new Error(getStringFromWasm0(arg0, arg1)), { name: "WalletcareError", code: "general.invalid_argument", status: 102 });/' \
    "$glue"
done

# CommonJS for Node: turn the inline JS snippet (written as an ES module by
# wasm-bindgen) into CommonJS, so `require("walletcare")` works on every
# Node version.
snippets=$(find "$work/bound/node/snippets" -name '*.js')
[ -n "$snippets" ] || { echo "no JS snippet found in $work/bound/node/snippets" >&2; exit 1; }
for snippet in $snippets; do
  sed -i -E 's/^export function ([A-Za-z0-9_]+)/exports.\1 = \1;\nfunction \1/' "$snippet"
  if grep -q '^export ' "$snippet"; then
    echo "could not convert $snippet to CommonJS" >&2
    exit 1
  fi
done

version=$(awk -F'"' '/^version = / {print $2; exit}' Cargo.toml)
node bindings/wasm/npm/assemble.mjs "$work/bound" "$pkg" "$version"
cp bindings/wasm/README.md "$pkg/README.md"
for licence in LICENSE-MIT LICENSE-APACHE; do
  cp "$licence" "$pkg/"
done

: > "$pkg/SIZE"
for part in core triage; do
  file=$pkg/web/walletcare_$part.wasm
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  echo "walletcare_$part.wasm: $raw bytes raw, $gz bytes gzipped (gzip -9)"
  printf '%s bytes raw, %s bytes gzipped (gzip -9): walletcare_%s.wasm %s\n' "$raw" "$gz" "$part" "$version" >> "$pkg/SIZE"
done
(cd "$pkg" && npm pack --silent --pack-destination . >/dev/null)
ls "$pkg"/*.tgz

# The widget loads the web build from a copy next to it.
rm -rf examples/web-widget/pkg
mkdir -p examples/web-widget/pkg
cp -r "$pkg/web/." examples/web-widget/pkg/
