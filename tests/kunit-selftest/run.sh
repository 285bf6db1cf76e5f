#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs kunit-selftest, whose suites fail, skip and leak on purpose, and
# checks that the runner reports exactly that. The KTAP output, without
# timestamps, WARN reports and backtraces, must equal expected.ktap. The
# exit status must be 1. kunit.py, when given, must count the same results.
#
# usage: tests/kunit-selftest/run.sh KUNIT_SELFTEST [KUNIT_PY]

set -u

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: $0 KUNIT_SELFTEST [KUNIT_PY]" >&2
	exit 2
fi
prog=$1
kunit_py=${2:-}
src_dir=$(dirname "$0")
expected="$src_dir/expected.ktap"

raw=$(mktemp)
ktap=$(mktemp)
trap 'rm -f "$raw" "$ktap"' EXIT

if [ ! -x "$prog" ]; then
	echo "not ok kunit-selftest: $prog not found; build it first"
	exit 1
fi

ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} timeout 120 "$prog" >"$raw" 2>&1
status=$?
failed=0

# Keep the KTAP stream and the summary: drop the console timestamp, WARN
# reports (from "cut here" to "end trace"), backtrace frames and the
# shutdown messages that follow the summary line. Pointers (16 hex digits,
# as %px prints them) vary between builds, so they become <pointer>, and
# symbolized source paths lose the checkout's directory.
root=$(cd "$src_dir/../.." && pwd)
sed -E 's/^\[ *[0-9]+\.[0-9]+\] //; s/\b[0-9a-f]{16}\b/<pointer>/g' "$raw" |
	sed "s|$root/||g" |
	sed -e '/^------------\[ cut here \]------------$/,/^---\[ end trace/d' |
	grep -vE '^ *#[0-9]+ 0x' |
	sed -n '/^KTAP version 1$/,/^[0-9]* passed, [0-9]* failed/p' >"$ktap"

if [ "$status" -ne 1 ]; then
	echo "not ok kunit-selftest: exit status $status, expected 1"
	failed=1
fi
if ! diff -u "$expected" "$ktap"; then
	echo "not ok kunit-selftest: KTAP output differs from $expected (diff above)"
	failed=1
fi
if [ -n "$kunit_py" ]; then
	summary=$(python3 "$kunit_py" parse "$raw" 2>&1 | grep 'Testing complete')
	case "$summary" in
	*"Ran 16 tests: passed: 6, failed: 8, skipped: 2"*)
		;;
	*)
		echo "not ok kunit-selftest: kunit.py parse reported: ${summary:-nothing}"
		failed=1
		;;
	esac
fi

if [ "$failed" -ne 0 ]; then
	echo "# full output of $prog:"
	sed 's/^/#   /' "$raw"
	exit 1
fi
echo "ok kunit-selftest"
