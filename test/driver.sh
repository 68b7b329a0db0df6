# test/driver.sh - the loop shared by test/cli/run.sh and
# test/pathological/run.sh (sourced, POSIX sh).
#
#   drv_run SUITE PREFIX KNOWN_PREFIX "NAMES" "KNOWN_NAMES" ONLY RUN_KNOWN
#
# runs the function PREFIX<name> for every name (those in ONLY when it is
# set; names match with '_' or '-'), counting a test as failed when it set
# $why.  Known failures (reported bugs not fixed yet) run as
# KNOWN_PREFIX<name> only when RUN_KNOWN is 1 and never fail the suite;
# $known_<name> says what is wrong.  A function drv_after, when the
# suite defines one, runs after each test.  Prints "SUITE: N passed, M
# failed (K known failures, reported)" and returns 1 if any test failed.
#
# Tests share the shell's one namespace: the driver's variables start
# with drv_, and it uses the suite's counters pass, fail and known.
#
#   drv_check_run RC CMD ERRFILE
#
# notes (through the suite's note_fail) a run of annal that hung (timeout's
# 124; the suite's $TMO seconds), crashed (a signal), exited with the
# sanitizers' status 86, or printed a sanitizer report.

drv_check_run() {
    if [ "$1" -eq 124 ]; then
        note_fail "HANG: no result after ${TMO}s: $2"
    elif [ "$1" -ge 128 ]; then
        note_fail "CRASH: killed by signal $(($1 - 128)): $2"
    elif [ "$1" -eq 86 ]; then
        note_fail "SANITIZER exit status: $2"
    fi
    if grep -q -E 'Sanitizer|runtime error:' "$3"; then
        note_fail "SANITIZER REPORT: $(grep -m 3 -E 'ERROR|runtime error|SUMMARY' "$3" | tr '\n' ' ')"
    fi
}

drv_selected() {   # name, the ONLY list
    [ -z "$2" ] && return 0
    for drv_o in $2; do
        [ "$drv_o" = "$1" ] || [ "$drv_o" = "$(echo "$1" | tr _ -)" ] && return 0
    done
    return 1
}

drv_run() {
    drv_suite=$1 drv_prefix=$2 drv_kprefix=$3 drv_names=$4 drv_known=$5
    drv_only=$6 drv_runknown=$7
    for drv_t in $drv_names; do
        drv_selected "$drv_t" "$drv_only" || continue
        why=""
        "$drv_prefix$drv_t"
        drv_name=$(echo "$drv_t" | tr _ -)
        if [ -z "$why" ]; then
            pass=$((pass + 1))
            echo "  ok    $drv_name"
        else
            fail=$((fail + 1))
            echo "  FAIL  $drv_name$why"
        fi
        command -v drv_after >/dev/null 2>&1 && drv_after
    done
    for drv_t in $drv_known; do
        drv_selected "$drv_t" "$drv_only" || continue
        drv_name=$(echo "$drv_t" | tr _ -)
        eval "drv_msg=\$known_$drv_t"
        if [ "$drv_runknown" = 1 ]; then
            why=""
            "$drv_kprefix$drv_t"
            if [ -z "$why" ]; then
                echo "  FIXED? $drv_name: the known failure passes in this build; once it passes in the sanitizer build too, move it out of KNOWN"
                pass=$((pass + 1))
            else
                echo "  KNOWN FAILURE (reported): $drv_name: $drv_msg$why"
                known=$((known + 1))
            fi
        else
            echo "  KNOWN FAILURE (reported): $drv_name: $drv_msg (skipped)"
            known=$((known + 1))
        fi
    done
    echo "$drv_suite: $pass passed, $fail failed ($known known failures, reported)"
    [ "$fail" -eq 0 ]
}
