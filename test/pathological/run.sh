#!/bin/sh
set -u
echo "pathological: 0 passed, 0 failed"
