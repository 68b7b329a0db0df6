#!/bin/sh
# fuzz/run.sh - build annal's libFuzzer targets and run each for a while.
#
#   sh fuzz/run.sh [SECONDS] [TARGET...]
#
#   SECONDS   how long each target runs (default 60)
#   TARGET    pipeline, jsonl, snapshot (default: all three)
#
# Environment:
#   FUZZ_BUILD  build directory (default build/fuzz); the corpus grows in
#               FUZZ_BUILD/corpus/TARGET and is reused by the next run
#   CC          a clang with libFuzzer (default clang)
#   FUZZ_JOBS   targets run at once (default 1)
#   FUZZ_CFLAGS extra compiler flags, e.g. -fno-sanitize=pointer-overflow to
#               fuzz on past a known, reported sanitizer finding
#
# Targets (all built with -fsanitize=fuzzer,address,undefined and
# -fno-sanitize-recover=all, so any sanitizer report stops the run):
#
#   pipeline   fuzz_pipeline.c   annal_doc_process(ANNAL_STAGE_ALL ...) on
#                                arbitrary bytes, then every dump
#   jsonl      fuzz_jsonl.c      annal_reader on an arbitrary file (JSON
#                                Lines, text, gzip, zstd), then the pipeline
#   snapshot   fuzz_snapshot.c   annal_snapshot_parse + annal_lexicon_load on
#                                arbitrary bytes, then the accepted ones used
#
# Seeds: the example inputs of test/spec/*.md, the files in examples/, a
# few built-in texts and JSON lines, and for the snapshot a small real
# snapshot built from a handful of WordNet lines.  Crashes are saved as
# FUZZ_BUILD/artifacts/TARGET-crash-*; reproduce one with
#
#   ANNAL_DICT=FUZZ_BUILD/plain/annal.dict FUZZ_BUILD/fuzz_TARGET FILE
#
# Exit status: 0 no target found a problem (or libFuzzer is not
# installed), 1 a target found one, 2 the build failed.
set -u

cd "$(dirname "$0")/.." || exit 2
SECS=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-pipeline jsonl snapshot}
FB=${FUZZ_BUILD:-build/fuzz}
CC=${CC:-clang}
JOBS=${FUZZ_JOBS:-1}
WORDNET=${WORDNET:-/usr/share/wordnet}

case $SECS in
    '' | *[!0-9]*) echo "usage: sh fuzz/run.sh [SECONDS] [pipeline|jsonl|snapshot...]" >&2; exit 2 ;;
esac
for t in $TARGETS; do
    case $t in
        pipeline | jsonl | snapshot) ;;
        *) echo "fuzz: unknown target $t (pipeline, jsonl, snapshot)" >&2; exit 2 ;;
    esac
done

mkdir -p "$FB" || exit 2

# ---- is libFuzzer there? -------------------------------------------------
probe=$FB/probe.c
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$probe"
if ! command -v "$CC" >/dev/null 2>&1 ||
   ! "$CC" -fsanitize=fuzzer,address,undefined "$probe" -o "$FB/probe" 2>"$FB/probe.err"; then
    echo "fuzz: $CC cannot build libFuzzer targets (clang with the libFuzzer runtime is needed)."
    echo "fuzz: on Debian 12 install it with:  apt-get install clang libfuzzer-14-dev libclang-rt-14-dev"
    echo "fuzz: skipped."
    exit 0
fi

# ---- build ---------------------------------------------------------------
# A plain annal (for the dictionary and the seed snapshot), then the
# library with coverage and sanitizers, then the three targets.
echo "fuzz: building annal and its dictionary in $FB/plain"
if ! make -s BUILD="$FB/plain" all >"$FB/make.log" 2>&1; then
    cat "$FB/make.log" >&2
    echo "fuzz: make failed" >&2
    exit 2
fi
DICT=$FB/plain/annal.dict

FLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all ${FUZZ_CFLAGS:-}"
CPPF="-Iinclude -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE"
LIBS="-lzstd -lcjson -lutf8proc -lz -lm -lpthread"
OBJ=$FB/obj
stamp=$FB/lib.stamp
newer=""
[ -f "$stamp" ] && newer=$(find src include fuzz -newer "$stamp" -type f | head -n 1)
if [ ! -f "$stamp" ] || [ -n "$newer" ] || [ "$(cat "$stamp")" != "$FLAGS" ]; then
    echo "fuzz: compiling the library with $FLAGS"
    rm -rf "$OBJ"
    mkdir -p "$OBJ"
    for f in src/core/*.c src/read/*.c src/text/*.c src/lex/*.c src/dict/*.c \
             src/extract/*.c src/pipeline/*.c; do
        o=$OBJ/$(echo "$f" | tr '/' '_' | sed 's/\.c$/.o/')
        # shellcheck disable=SC2086
        if ! $CC $CPPF $FLAGS -w -c "$f" -o "$o"; then
            echo "fuzz: compiling $f failed" >&2
            exit 2
        fi
    done
    for t in pipeline jsonl snapshot; do
        # shellcheck disable=SC2086
        if ! $CC $CPPF $FLAGS -Wall -Wextra -fsanitize=fuzzer fuzz/fuzz_$t.c "$OBJ"/*.o $LIBS \
                -o "$FB/fuzz_$t"; then
            echo "fuzz: linking fuzz_$t failed" >&2
            exit 2
        fi
    done
    echo "$FLAGS" > "$stamp"
fi

# ---- seeds ---------------------------------------------------------------
SEEDS=$FB/seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS/pipeline" "$SEEDS/jsonl" "$SEEDS/snapshot" "$FB/texts"

# Texts: the inputs of the spec examples, the bundled examples, built-ins.
n=0
for md in test/spec/*.md; do
    [ -f "$md" ] || continue
    awk -v dir="$FB/texts" -v base="$(basename "$md" .md)" '
        /^````````````````````````````````+ example/ { inx = 1; k++; f = sprintf("%s/spec-%s-%03d.txt", dir, base, k); printf "" > f; next }
        inx && /^\.$/ { inx = 0; close(f); next }
        inx { print >> f }
    ' "$md"
done
for f in examples/*; do
    [ -f "$f" ] && cp "$f" "$FB/texts/example-$(basename "$f")"
done
t=$FB/texts
printf 'date 2020-04-02 By Reuters\nBy Jane Doe\n\nThe town fell on April 2, 1993. About 30 people were killed yesterday.\n' > "$t/builtin-1.txt"
printf '\342\200\234He said \342\200\230no\342\200\231,\342\200\235 Mr. Jones said. More than 1,500 villagers fled 10 to 20 km in the 1990s.\n' > "$t/builtin-2.txt"
printf 'Gen. Lee and the U.S. army left on Tuesday, two days ago; dozens were wounded between 5 and 7 p.m. in mid-March 2016.\n\nNext para: twenty-seven of them, 5.93 mln dollars, 3%%.\n' > "$t/builtin-3.txt"
printf 'caf\303\251 cafe\314\201 \357\274\241\357\274\242 \331\243\331\244 \342\200\213x\302\255y \342\200\256z \360\237\230\200 bad \300\257 \355\240\200 end\r\nCR\rline\n' > "$t/builtin-4.txt"
printf 'On 2016-04-02 at 10:30, @user posted #tag http://example.com/a?b=c (see e-mail a@b.org) -- the 27th anniversary of the 1990s war.\n' > "$t/builtin-5.txt"

for f in "$t"/*; do
    n=$((n + 1))
    # pipeline: the same text with a few option bytes
    for opt in 0 10 33 72; do
        # shellcheck disable=SC2059
        { printf "\\$(printf '%03o' "$opt")"; cat "$f"; } > "$SEEDS/pipeline/$n-$opt"
    done
    # jsonl: the text as one JSON Lines document, and as a text file
    if command -v jq >/dev/null 2>&1; then
        { printf '\000'; jq -cRs '{id: "seed", text: ., published: "2020-04-02"}' < "$f"; } > "$SEEDS/jsonl/$n-jsonl"
    fi
    { printf '\002'; cat "$f"; } > "$SEEDS/jsonl/$n-text"
done
j=$SEEDS/jsonl
printf '\000{"id":"a","text":"The town fell on April 2, 1993."}\n{"id":"b","text": broken\n\n{"text":"About 30 people died.","date":"2020-04-02","source":"R","title":"T","url":"u","author":"A"}\n{"id":7,"text":"x\\u0000y \\ud83d\\ude00"}\n[1]\n{"text":1}\n' > "$j/mixed"
printf '\044{"id":"small","text":"The town fell. Two days ago. About 30 fled."}\n' > "$j/small-limits"
printf '{"text":"The town fell on April 2, 1993."}\n' > "$FB/gz.jsonl"
if command -v gzip >/dev/null 2>&1; then
    { printf '\000'; gzip -c "$FB/gz.jsonl"; } > "$j/gzip"
    { printf '\002'; gzip -c "$t/builtin-1.txt"; } > "$j/gzip-text"
fi
if command -v zstd >/dev/null 2>&1; then
    { printf '\000'; zstd -q -c "$FB/gz.jsonl"; } > "$j/zstd"
fi

# snapshot: a small real one from a few WordNet lines and data/en.
mw=$FB/miniwordnet
mkdir -p "$mw"
words='^(town|army|fall|flee|kill|people|soldier|mouse|occupy|village|villager|force|week|day|shell|fire|border|talk|police|rebel|say|wound|run|calm|next|about|more|last|early|late) '
for p in noun verb adj adv; do
    grep -E "$words" "$WORDNET/index.$p" > "$mw/index.$p" 2>/dev/null || : > "$mw/index.$p"
    grep -E '^(fell|fled|mice|ran|said|better|best|worse) ' "$WORDNET/$p.exc" > "$mw/$p.exc" 2>/dev/null || : > "$mw/$p.exc"
done
if ! "$FB/plain/annal" dict build --wordnet "$mw" --data data/en --output "$SEEDS/snapshot/mini.dict" >/dev/null 2>&1; then
    echo "fuzz: could not build the small seed snapshot; seeding with the full one" >&2
    cp "$DICT" "$SEEDS/snapshot/full.dict"
fi

# ---- run -----------------------------------------------------------------
mkdir -p "$FB/artifacts"
status=0
run_one() {
    tgt=$1
    corpus=$FB/corpus/$tgt
    mkdir -p "$corpus"
    case $tgt in
        pipeline) extra="-max_len=16384 -dict=fuzz/pipeline.dict" ;;
        jsonl) extra="-max_len=70000 -dict=fuzz/jsonl.dict" ;;
        snapshot) extra="" ;;
    esac
    echo "fuzz: $tgt for ${SECS}s (log: $FB/$tgt.log)"
    # shellcheck disable=SC2086
    ANNAL_DICT=$DICT "$FB/fuzz_$tgt" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$FB/artifacts/$tgt-" $extra \
        "$corpus" "$SEEDS/$tgt" >"$FB/$tgt.log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$FB/$tgt.log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$FB/$tgt.log" | tail -n 1)
    if [ $rc -eq 0 ]; then
        echo "fuzz: $tgt: ok, ${execs:-?} runs, $cov, corpus $(ls "$corpus" | wc -l) files"
    else
        echo "fuzz: $tgt: FAILED (exit $rc); see $FB/$tgt.log and $FB/artifacts/"
        grep -E 'ERROR: |FUZZ CHECK FAILED|runtime error|SUMMARY' "$FB/$tgt.log" | head -n 5
    fi
    return $rc
}

if [ "$JOBS" -gt 1 ]; then
    pids=""
    for tgt in $TARGETS; do
        run_one "$tgt" &
        pids="$pids $!"
    done
    for p in $pids; do
        wait "$p" || status=1
    done
else
    for tgt in $TARGETS; do
        run_one "$tgt" || status=1
    done
fi
[ $status -eq 0 ] && echo "fuzz: no problems found" || echo "fuzz: problems found"
exit $status
