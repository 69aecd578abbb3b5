#!/usr/bin/env bash
# Builds the npm package of walletcare from bindings/wasm into
# bindings/wasm/pkg/ (targets: web ES module, Node, bundlers), optimises it
# with wasm-opt from npm's binaryen, reports the sizes and packs a tarball.
# Installs what it needs (rustup target, the pinned wasm-bindgen CLI, npm
# tools) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/tools.sh

ensure_rust_target wasm32-unknown-unknown
# The CLI must be exactly the wasm-bindgen version in Cargo.lock.
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
ensure_cargo_tool wasm-bindgen-cli "$wb_version" wasm-bindgen
tools=bindings/wasm/tools
if [ ! -x "$tools/node_modules/.bin/wasm-opt" ] || [ ! -x "$tools/node_modules/.bin/tsc" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
wasm_opt="$PWD/$tools/node_modules/.bin/wasm-opt"

cargo build --locked -p walletcare-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm=target/wasm32-unknown-unknown/wasm-release/walletcare_wasm.wasm
pkg=bindings/wasm/pkg
rm -rf "$pkg"
mkdir -p "$pkg"
for target in web nodejs bundler; do
  dir=$target
  [ "$target" = nodejs ] && dir=node
  wasm-bindgen --target "$target" --out-dir "$pkg/$dir" --out-name walletcare "$wasm"
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$pkg/$dir/walletcare_bg.wasm" -o "$pkg/$dir/walletcare_bg.wasm"
done
# CommonJS for Node: mark the folder so Node does not read it as ESM.
printf '{ "type": "commonjs" }\n' > "$pkg/node/package.json"

version=$(awk -F'"' '/^version = / {print $2; exit}' Cargo.toml)
sed "s/@VERSION@/$version/" bindings/wasm/npm/package.json > "$pkg/package.json"
cp bindings/wasm/npm/README.md "$pkg/README.md"
cp LICENSE-MIT LICENSE-APACHE "$pkg/" 2>/dev/null || true

raw=$(wc -c < "$pkg/web/walletcare_bg.wasm")
gz=$(gzip -9 -c "$pkg/web/walletcare_bg.wasm" | wc -c)
echo "walletcare_bg.wasm: $raw bytes raw, $gz bytes gzipped (gzip -9)"
echo "$raw $gz" > "$pkg/SIZE"
(cd "$pkg" && npm pack --silent --pack-destination . >/dev/null)
ls "$pkg"/*.tgz
