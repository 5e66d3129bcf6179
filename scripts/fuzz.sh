#!/usr/bin/env bash
# Builds one libFuzzer harness of Fuzz/ and runs it (issue 14; see docs/reliability.md#fuzzing).
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]     e.g. scripts/fuzz.sh csv 600
#   scripts/fuzz.sh TARGET repro FILE…                          runs the harness once on each FILE (a crash input)
#   scripts/fuzz.sh TARGET seeds                                gathers the seeds and lists them (no build)
#   scripts/fuzz.sh --list                                      the targets
#
# TARGET is a name from Fuzz/Package.swift without its `fuzz-` prefix. The build (release with -enable-testing, so
# the harnesses can `@testable import` the internal tokenizers and parsers; -sanitize=fuzzer,address; libyaml
# instrumented too) goes to .build-fuzz-release (.build-fuzz with FUZZ_BUILD=debug). Seeds are the samples and golden
# inputs of the target's format, gathered from the tree into .fuzz/seeds/TARGET on every run (so they are never
# committed twice), and the hand-made seeds in Fuzz/corpus/TARGET (test-table strings); both are read, never written.
# New corpus entries go to .fuzz/corpus/TARGET (gitignored), crash / leak / timeout inputs to .fuzz/artifacts/TARGET, the log to
# .fuzz/logs/TARGET.log. Runs under `nice -n 10` (the machine is shared). The exit status is libFuzzer's: 0 when
# the time ran out with nothing found.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(text-page html csv xml-feed json price quantity-gtin config xlsx)
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
    xlsx) dict=xml; max_len=16384 ;;
esac

# The samples and golden files of the target's format: each file copied under a name made of its path.
gather_seeds() {
    local seeds=".fuzz/seeds/$target"
    rm -rf "$seeds"; mkdir -p "$seeds"
    local -a sources=()
    case $target in
        text-page) sources=(Samples/text Samples/service-plans Samples/invalid/text); names=(-name '*.txt') ;;
        html) sources=(Samples/html Samples/invalid/html); names=(-name '*.html') ;;
        csv) sources=(Samples/feeds Samples/invalid/csv); names=(-name '*.csv' -o -name '*.tsv') ;;
        xml-feed) sources=(Samples/feeds); names=(-name '*.xml') ;;
        json) sources=(Samples/feeds); names=(-name '*.json' -o -name '*.jsonl') ;;
        config) sources=(Samples/invalid); names=(-name '*.yml' -o -name '*.yaml') ;;
        *) return 0 ;; # the value parsers' seeds are all hand-made
    esac
    # Golden cases' inputs and expected outputs (Katalog's own JSON, CSV and XML reports are inputs worth mutating).
    sources+=(Tests/KatalogPipelineTests/Golden Tests/KatalogPipelineTests/Validate/Golden)
    find "${sources[@]}" -type f \( "${names[@]}" \) | sort |
        while read -r file; do cp "$file" "$seeds/${file//\//_}"; done
}
gather_seeds
if [[ "$1" == "seeds" ]]; then find ".fuzz/seeds/$target" $([[ -d Fuzz/corpus/$target ]] && echo "Fuzz/corpus/$target") -type f | sort; exit 0; fi

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
# The first folder receives new entries; the others are only read.
corpora=(".fuzz/corpus/$target" ".fuzz/seeds/$target")
[[ -d "Fuzz/corpus/$target" ]] && corpora+=("Fuzz/corpus/$target")
nice -n 10 "$binary" "${common[@]}" -max_total_time="$seconds" "$@" \
    "${corpora[@]}" 2>&1 | tee ".fuzz/logs/$target.log"
exit "${PIPESTATUS[0]}"
