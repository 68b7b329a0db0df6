#!/bin/sh
# profile.sh BUILD_DIR [generated|reuters|bbc ...] - where the text stage
# spends its time, counted by valgrind's callgrind on a small input.
#
# Run bench/run.sh BUILD_DIR first (it builds BUILD_DIR/bench/text_bench).
# Only annal_doc_process() is counted (--toggle-collect), over a warm-up
# pass and one run of the "text" mode (TOKENS|NUMBERS|DATES; set
# PROFILE_LEX=1 to add LEX).  Prints, per corpus, instructions per input
# byte, the stages' inclusive shares and the top functions by their own
# instructions.  Callgrind counts instructions, not cycles: cache misses
# and branch mispredictions are not in these shares.
#
# Environment: PROFILE_DOCS (documents per corpus, default 500),
# PROFILE_TOP (functions listed, default 20), ANNAL_DICT, ANNAL_BENCH_DATA.
set -eu

BUILD=${1:-build}
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$BUILD/bench
DICT=${ANNAL_DICT:-$BUILD/annal.dict}
DATA=${ANNAL_BENCH_DATA:-$ROOT/../shared/data}
DOCS=${PROFILE_DOCS:-500}
TOP=${PROFILE_TOP:-20}
LEXOPT=--no-lex
[ "${PROFILE_LEX:-0}" = 1 ] && LEXOPT=--no-text

if [ ! -x "$OUT/text_bench" ] || [ ! -x "$OUT/gen_corpus" ]; then
    echo "profile: run 'sh bench/run.sh $BUILD' first" >&2
    exit 2
fi
command -v valgrind >/dev/null 2>&1 || { echo "profile: valgrind not installed" >&2; exit 2; }

corpora=${*:-generated reuters bbc}

profile() {   # name, text_bench input arguments...
    name=$1
    shift
    cg=$OUT/callgrind.$name.out
    log=$OUT/profile.$name.log
    valgrind --tool=callgrind --callgrind-out-file="$cg" --toggle-collect=annal_doc_process \
        "$OUT/text_bench" --dict "$DICT" --runs 1 --no-disk "$LEXOPT" --max-docs "$DOCS" \
        --label "$name" "$@" >"$log" 2>&1
    mb=$(sed -n 's/.*counts: *docs [0-9]* *MB \([0-9.]*\).*/\1/p' "$log" | head -n 1)
    callgrind_annotate "$cg" >"$cg.self" 2>/dev/null
    callgrind_annotate --inclusive=yes "$cg" >"$cg.incl" 2>/dev/null
    total=$(sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' "$cg.self" | tr -d ,)
    echo "== $name: first $DOCS documents, $mb MB, counted twice (warm-up + 1 run)"
    awk -v t="$total" -v mb="$mb" \
        'BEGIN { printf "  %.0f instructions per input byte (%s instructions)\n", t / (2 * mb * 1e6), t }'
    echo "  stages (inclusive):"
    for f in annal_parse_header annal_normalize annal_tokenize annal_split_sentences \
             annal_doc_lex annal_tview_fill annal_find_dates annal_find_numbers; do
        grep -E "^ *[0-9,]+ \([ 0-9.]+%\)  [^=].*[:/]$f( |$)" "$cg.incl" | head -n 1 |
            sed -e 's/ \[.*\]$//' -e 's|/[^ ]*/||' -e 's/^/    /'
    done
    echo "  top $TOP functions (self):"
    awk '/file:function/ { on = 1; getline; next } on && /^--/ { exit } on' "$cg.self" |
        grep -E '^ *[0-9,]+ \(' | head -n "$TOP" |
        sed -e 's/ \[.*\]$//' -e "s|$ROOT/||" -e 's|  \./[^ ]*/|  |' -e 's/^/    /'
    echo
}

for c in $corpora; do
    case $c in
    generated)
        "$OUT/gen_corpus" -m 2 -o "$OUT/profile_2mb.jsonl" 2>/dev/null
        profile generated "$OUT/profile_2mb.jsonl" ;;
    reuters)
        d=$DATA/news_reuters21578/reuters21578-xml
        if [ -d "$d" ]; then profile reuters --reuters "$d"; else echo "== reuters: skipped: not found"; fi ;;
    bbc)
        d=$DATA/news_bbc/bbc
        if [ -d "$d" ]; then profile bbc "$d"; else echo "== bbc: skipped: not found"; fi ;;
    *)
        echo "profile: unknown corpus $c (generated, reuters, bbc)" >&2
        exit 2 ;;
    esac
done
