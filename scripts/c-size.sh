#!/usr/bin/env bash
# The size a phone app pays for walletcare: builds the C library with the
# `mobile` profile (Cargo.toml: LTO, one codegen unit, opt-level "z",
# unwinding kept, stripped) and links examples/c/support_desk.c against the
# static library with --gc-sections, stripped, next to a C hello world linked
# the same way. Prints the sizes in bytes; the budget for
# support_desk is 1.5 MB (1,500,000 bytes).
#
#   scripts/c-size.sh            # host target (what CI's machine is)
#   PROFILE=release scripts/c-size.sh   # the same link with another profile
#
# Like the npm package, it compiles in only the time zones a wallet in
# Indonesia, China, Singapore and Malaysia needs and a few common ones (the
# CHRONO_TZ_TIMEZONE_FILTER of scripts/wasm-build.sh): all of chrono-tz's
# zones add about 1.5 MB of tables and relocations. ALL_ZONES=1 keeps every
# zone. The ELF link packs relative relocations (-z pack-relative-relocs,
# what Android's --pack-dyn-relocs=relr does; iOS's chained fixups are
# compact already).
#
# Not part of scripts/test.sh: the mobile profile is a separate LTO build of
# the whole library (minutes on two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${PROFILE:-mobile}
if [ "${ALL_ZONES:-0}" != 1 ]; then
  CHRONO_TZ_TIMEZONE_FILTER=$(sed -n "s/^export CHRONO_TZ_TIMEZONE_FILTER='\(.*\)'$/\1/p" scripts/wasm-build.sh)
  if [ -z "$CHRONO_TZ_TIMEZONE_FILTER" ]; then
    echo "error: no CHRONO_TZ_TIMEZONE_FILTER line in scripts/wasm-build.sh (or run with ALL_ZONES=1)" >&2
    exit 1
  fi
  export CHRONO_TZ_TIMEZONE_FILTER
  echo "time zones: $CHRONO_TZ_TIMEZONE_FILTER"
fi
cargo build --profile "$profile" --locked -p walletcare-ffi
lib=target/$profile/libwalletcare_ffi.a
out=target/c-size
mkdir -p "$out"
native_libs="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"
ldflags=(-Wl,--gc-sections -Wl,-z,pack-relative-relocs -s)
# shellcheck disable=SC2086
cc -std=c11 -Os -ffunction-sections -fdata-sections -Ibindings/c/include examples/c/support_desk.c \
  "$lib" $native_libs "${ldflags[@]}" -o "$out/support_desk"
printf '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n' >"$out/hello.c"
cc -std=c11 -Os "$out/hello.c" "${ldflags[@]}" -o "$out/hello"
"$out/support_desk" >/dev/null
printf '%-44s %10s bytes\n' "libwalletcare_ffi.a ($profile)" "$(stat -c %s "$lib")"
printf '%-44s %10s bytes\n' "support_desk ($profile, --gc-sections, -s)" "$(stat -c %s "$out/support_desk")"
printf '%-44s %10s bytes\n' "hello world (--gc-sections, -s)" "$(stat -c %s "$out/hello")"
