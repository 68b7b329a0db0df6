#!/bin/sh
# eval/actors.sh - actor coding against the PLOVER gold-standard records.
#
#   sh eval/actors.sh [BUILD] [TSV]
#
# TSV: ../shared/data/plover_gsr/derived_PLOVER_GSR_with_CAMEO.tsv (322
# sentences with hand-coded source and target actors).  Each sentence
# becomes one JSON Lines document; `annal dump actors --json` codes it; the
# gold actors of the sentence are compared with the mentions annal found in
# it.  Codes on both sides are reduced to country + first role part:
#
#   gold "SRBCVLalb" -> SRBCVL (ethnic and religion suffixes dropped),
#   gold "ISR***" -> ISR, gold "IGOMIL" -> IGOMIL,
#   annal "IGOUNO" -> IGO (an organisation's own code is not a role),
#   annal "IGOUNOREFHCR" -> IGOREF (its first role part),
#   annal "AZEGOVMIL" -> AZEGOV,
#   annal "IGOPKO" -> IGOMIL (the codebook's peacekeepers; the gold codes
#   them by sector, military).
#
# Scores, over all gold actors:
#   country  some mention in the sentence has the gold actor's first part
#            (country, or IGO/NGO/IMG...)
#   code     some mention has the gold actor's reduced code exactly
#   (and, for information, the share where some mention's code equals the
#   gold or extends it with a role: gold ISR, annal ISRMIL)
# plus, over annal's mentions, the share that match a gold actor (the gold
# marks only the actors of the coded event, so this is not a precision).
# Misses go to BUILD/eval/actors-misses.tsv.  Exits 0; prints a skip note
# when the reference data is absent.
set -eu

BUILD=${1:-build}
TSV=${2:-../shared/data/plover_gsr/derived_PLOVER_GSR_with_CAMEO.tsv}

if [ ! -r "$TSV" ]; then
    echo "eval-actors: $TSV not found: skipped"
    exit 0
fi
OUT=$BUILD/eval
mkdir -p "$OUT"

# the sentences as JSON Lines
awk -F'\t' '!/^#/ && $1 != "id" && NF >= 10 { print $1 "\t" $10 }' "$TSV" |
    jq -Rc 'split("\t") | {id: .[0], text: .[1]}' > "$OUT/gsr.jsonl"

: > "$OUT/actors-misses.tsv"
"$BUILD/annal" dump actors --json "$OUT/gsr.jsonl" |
    jq -r '[.doc_id, .code, .text] | @tsv' > "$OUT/gsr-actors.tsv"

awk -F'\t' -v misses="$OUT/actors-misses.tsv" '
function reduce_gold(c,    base) {
    sub(/\*+$/, "", c)
    base = c
    gsub(/[a-z].*$/, "", base)          # ethnic, religion suffixes
    return substr(base, 1, 6)
}
function is_role(p) { return index(" COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD PTY NGO IGO PKO ", " " p " ") > 0 }
function reduce_ours(c,    i) {
    if (is_role(substr(c, 1, 3)) && substr(c, 1, 3) != "IGO" && substr(c, 1, 3) != "NGO")
        return substr(c, 1, 3)            # a role alone
    for (i = 4; i + 2 <= length(c); i += 3)
        if (is_role(substr(c, i, 3)))
            return substr(c, 1, 3) (substr(c, i, 3) == "PKO" ? "MIL" : substr(c, i, 3))
    return substr(c, 1, 3)
}
FNR == NR {                               # annal mentions
    n = ++nm[$1]; mcode[$1, n] = reduce_ours($2); mtext[$1, n] = $3
    next
}
/^#/ || $1 == "id" || NF < 10 { next }
{
    id = $1; ndocs++
    split($7 ";" $8, gold, ";")
    for (k in gold) {
        g = gold[k]
        if (g == "" || g ~ /^TEXT:/) continue
        g = reduce_gold(g)
        if (g == "") continue
        total++
        cfound = 0; found = 0; pfound = 0
        for (i = 1; i <= nm[id]; i++) {
            if (substr(mcode[id, i], 1, 3) == substr(g, 1, 3)) cfound = 1
            if (mcode[id, i] == g) found = 1
            if (substr(mcode[id, i], 1, length(g)) == g) pfound = 1
        }
        country += cfound; code += found; compat += pfound
        if (!found) {
            list = ""
            for (i = 1; i <= nm[id]; i++) list = list (i > 1 ? "," : "") mcode[id, i]
            printf "%s\t%s\t%s\t%s\t%s\n", id, g, cfound ? "country" : "none", list, $10 > misses
        }
    }
    for (i = 1; i <= nm[id]; i++) {
        mentions++
        for (k in gold) if (gold[k] != "" && reduce_gold(gold[k]) == mcode[id, i]) { matched++; break }
    }
}
END {
    printf "eval-actors: %d sentences, %d gold actors, %d annal mentions\n", ndocs, total, mentions
    printf "  country  %.3f  (%d/%d)\n", total ? country / total : 0, country, total
    printf "  code     %.3f  (%d/%d)\n", total ? code / total : 0, code, total
    printf "  code, or more specific than the gold (gold ISR, annal ISRMIL)  %.3f  (%d/%d)\n", total ? compat / total : 0, compat, total
    printf "  mentions matching a gold actor  %.3f  (%d/%d)\n", mentions ? matched / mentions : 0, matched, mentions
    printf "  misses: %s\n", misses
}' "$OUT/gsr-actors.tsv" "$TSV"
