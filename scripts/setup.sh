#!/bin/sh
# setup.sh - install what annal needs on Debian 12, once.
#
# Idempotent: packages already installed are left alone and apt is not
# touched when nothing is missing.  Runs apt-get directly as root, through
# sudo otherwise.  Called by `make run` and `make test`; safe to run by hand.
set -eu

PKGS="gcc make clang pkg-config re2c zlib1g-dev libzstd-dev libcjson-dev
      libutf8proc-dev wordnet-base iso-codes zstd gzip jq valgrind"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "setup: these Debian packages are missing and I am not root:$missing" >&2
    echo "setup: install them with apt-get, then run make again" >&2
    exit 1
fi

echo "setup: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
n=0
until $SUDO apt-get update -qq; do
    n=$((n + 1)); [ $n -ge 3 ] && exit 1; sleep 5
done
n=0
# shellcheck disable=SC2086
until $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null; do
    n=$((n + 1)); [ $n -ge 3 ] && exit 1; sleep 5
done
