#!/usr/bin/env bash
# Builds one libFuzzer harness of Fuzz/ and runs it (issue 14; see docs/reliability.md#fuzzing).
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]     e.g. scripts/fuzz.sh csv 600
#   scripts/fuzz.sh TARGET repro FILE…                          runs the harness once on each FILE (a crash input)
#   scripts/fuzz.sh --list                                      the targets
#
# TARGET is a name from Fuzz/Package.swift without its `fuzz-` prefix. The build (release with -enable-testing, so
# the harnesses can `@testable import` the internal tokenizers and parsers; -sanitize=fuzzer,address; libyaml
# instrumented too) goes to .build-fuzz-release (.build-fuzz with FUZZ_BUILD=debug). New corpus entries go to .fuzz/corpus/TARGET (gitignored; the committed seeds in
# Fuzz/corpus/TARGET are read, never written), crash / leak / timeout inputs to .fuzz/artifacts/TARGET, the log to
# .fuzz/logs/TARGET.log. Runs under `nice -n 10` (the machine is shared). The exit status is libFuzzer's: 0 when
# the time ran out with nothing found.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(text-page html csv xml-feed json price quantity-gtin config)
if [[ "${1:-}" == "--list" ]]; then printf '%s\n' "${targets[@]}"; exit 0; fi
if [[ $# -lt 2 ]]; then echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…] | TARGET repro FILE… | --list" >&2; exit 2; fi
target=$1; shift
[[ " ${targets[*]} " == *" $target "* ]] || { echo "unknown target '$target' (scripts/fuzz.sh --list)" >&2; exit 2; }

# Per-format dictionary and input size: markup and feeds need room for a few items; value parsers get short text.
case $target in
    text-page) dict=text; max_len=16384 ;;
    html) dict=html; max_len=32768 ;;
    csv) dict=csv; max_len=16384 ;;
    xml-feed) dict=xml; max_len=32768 ;;
    json) dict=json; max_len=16384 ;;
    price) dict=price; max_len=256 ;;
    quantity-gtin) dict=quantity-gtin; max_len=256 ;;
    config) dict=yaml; max_len=4096 ;;
esac

# Release by default (5-10× the executions per second of debug); `-enable-testing` keeps `@testable import`
# working. FUZZ_BUILD=debug builds faster and gives better stack traces.
# (ld.gold warns once per ASan helper symbol that it cannot export it: harmless, filtered out.)
configuration=${FUZZ_BUILD:-release}
scratch=.build-fuzz; [[ $configuration == release ]] && scratch=.build-fuzz-release
nice -n 10 swift build -c "$configuration" --package-path Fuzz --scratch-path "$scratch" \
    --product "fuzz-$target" -Xswiftc -enable-testing -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "Cannot export local symbol" >&2 || true
[[ ${PIPESTATUS[0]} -eq 0 ]] || { echo "build failed" >&2; exit 1; }
binary=$scratch/$configuration/fuzz-$target

mkdir -p ".fuzz/corpus/$target" ".fuzz/artifacts/$target" .fuzz/logs
common=(-max_len="$max_len" -timeout=30 -rss_limit_mb=2048 -malloc_limit_mb=2048 -dict="Fuzz/dict/$dict.dict"
    -artifact_prefix=".fuzz/artifacts/$target/" -print_final_stats=1)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/.ci/lsan.supp:print_suppressions=0}
# Swift's own crash handler reads other threads' memory, which ASan reports instead of the real crash.
export SWIFT_BACKTRACE=enable=no

if [[ "$1" == "repro" ]]; then
    shift
    exec nice -n 10 "$binary" "${common[@]}" -runs=1 "$@"
fi
seconds=$1; shift
nice -n 10 "$binary" "${common[@]}" -max_total_time="$seconds" "$@" \
    ".fuzz/corpus/$target" "Fuzz/corpus/$target" 2>&1 | tee ".fuzz/logs/$target.log"
exit "${PIPESTATUS[0]}"
