#!/bin/sh
# run.sh BUILD_DIR - throughput of annal's text stage (`make bench`).
#
# Builds bench/gen_corpus.c and bench/text_bench.c against
# BUILD_DIR/libannal.a into BUILD_DIR/bench/, generates the synthetic
# corpus there (never in the source tree), and measures:
#
#   generated    BENCH_MB MB (default 50) of synthetic news, JSON Lines
#   reuters      ../shared/data/news_reuters21578 (the <BODY> of each story)
#   bbc          ../shared/data/news_bbc (one .txt file per article)
#
# The shared corpora are read where they are; a missing one is reported as
# "skipped: not found" and does not fail the run.  What each figure means
# is in docs/performance.md.
#
# Environment: CC (default cc), BENCH_MB (50), BENCH_RUNS (5, at least 5
# for the documented medians), ANNAL_DICT (default BUILD_DIR/annal.dict),
# ANNAL_BENCH_DATA (default ../shared/data beside the repository).
# Not part of `make test`.
set -eu

BUILD=${1:-build}
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CC=${CC:-cc}
MB=${BENCH_MB:-50}
RUNS=${BENCH_RUNS:-5}
DICT=${ANNAL_DICT:-$BUILD/annal.dict}
DATA=${ANNAL_BENCH_DATA:-$ROOT/../shared/data}
OUT=$BUILD/bench
LIB=$BUILD/libannal.a

# The harness with the Makefile's flags (CPPFLAGS, CSTD, WARN) at -O2; the
# library it links is measured as `make` built it (-O3 by default).
CPPFLAGS="-Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
CFLAGS="-std=c11 -O2 -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes \
-Wredundant-decls -Wshadow -Wpointer-arith -Wvla"
LIBS="-lzstd -lcjson -lutf8proc -lz -lm -lpthread"

if [ ! -f "$LIB" ] || [ ! -f "$DICT" ]; then
    echo "bench: $LIB or $DICT is missing; run 'make BUILD=$BUILD all' first" >&2
    exit 2
fi
mkdir -p "$OUT"

echo "bench: building $OUT/gen_corpus and $OUT/text_bench"
# shellcheck disable=SC2086
$CC $CPPFLAGS $CFLAGS bench/gen_corpus.c -o "$OUT/gen_corpus"
# shellcheck disable=SC2086
$CC $CPPFLAGS $CFLAGS bench/text_bench.c -o "$OUT/text_bench" "$LIB" $LIBS

CORPUS=$OUT/generated_${MB}mb.jsonl
"$OUT/gen_corpus" -m "$MB" -f jsonl -o "$CORPUS" 2>&1

# The machine and the code measured.
echo
echo "machine:  $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)"
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) (1, 5, 15 min)"
echo "compiler: $($CC --version | head -n 1)"
echo "library:  $LIB, sha256 $(sha256sum "$LIB" | cut -c1-16), built $(date -u -r "$LIB" '+%Y-%m-%d %H:%M UTC')"
echo "sources:  sha256 $(find src include -name '*.[ch]' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16) of src/ and include/;" \
     "$(find src include -name '*.[ch]' -newer "$LIB" | wc -l) files newer than the library"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "runs:     $RUNS timed runs per mode after one warm-up; single thread"
echo

# CPU time the hypervisor gave to other guests while a corpus ran (the
# "steal" column of /proc/stat, all CPUs): when it is more than a few
# percent, the host was busy and wall-clock figures understate annal.
steal_ticks() { awk '/^cpu /{print $9 + 0, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat 2>/dev/null; }

status=0
bench() {
    before=$(steal_ticks)
    "$OUT/text_bench" --dict "$DICT" --runs "$RUNS" "$@" || status=1
    after=$(steal_ticks)
    if [ -n "$before" ] && [ -n "$after" ]; then
        echo "$before $after" | awk '{ d = $4 - $2; if (d > 0) printf "  host steal %.1f%% of CPU time during this corpus\n", 100 * ($3 - $1) / d }'
    fi
    echo
}

# Building the snapshot from the data files (median of 3).
if [ -d data/en ] && [ -r /usr/share/iso-codes/json/iso_3166-1.json ]; then
    for i in 1 2 3; do
        s0=$(date +%s.%N)
        "$BUILD/annal" dict build --data data/en --cameo data/cameo/events.txt \
            --output "$OUT/bench.dict" 2>/dev/null || status=1
        echo "$(date +%s.%N) $s0" | awk '{ printf "%.3f\n", $1 - $2 }'
    done | sort -n | sed -n 2p | awk '{ printf "== dict build: median %.2f s of 3 runs (WordNet + data/en + CAMEO + iso-codes)\n\n", $1 }'
    rm -f "$OUT/bench.dict"
fi

bench --label "generated: $MB MB synthetic news (JSON Lines)" "$CORPUS"

REUTERS=$DATA/news_reuters21578/reuters21578-xml
if [ -d "$REUTERS" ] && ls "$REUTERS"/reut2-*.xml >/dev/null 2>&1; then
    bench --label "reuters: Reuters-21578 story bodies" --reuters "$REUTERS"
else
    echo "== reuters: skipped: not found ($REUTERS)"
    echo
fi

BBC=$DATA/news_bbc/bbc
if [ -d "$BBC" ]; then
    bench --label "bbc: BBC News 2004-2005 articles (.txt files)" "$BBC"
else
    echo "== bbc: skipped: not found ($BBC)"
    echo
fi

exit $status
