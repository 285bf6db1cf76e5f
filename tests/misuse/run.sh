#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs each misuse program of tests/misuse/ and checks its exit status and
# output against the "expect-exit:", "expect-output:" and "reject-output:"
# comments of its source file. A key may name the flavours it applies to,
# as in "expect-output (upstream): TEXT"; an unqualified key applies to
# every flavour. The flavour is the name of BIN_DIR's parent directory.
#
# usage: tests/misuse/run.sh BIN_DIR
#   BIN_DIR holds one program per tests/misuse/*.c, named after the file
#   (build/asan/<flavour>/misuse). Prints one "ok"/"not ok" line per program
#   and exits non-zero if any check failed or a program is missing.

set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 BIN_DIR" >&2
	exit 2
fi
bin_dir=$1
src_dir=$(dirname "$0")
flavour=$(basename "$(dirname "$(cd "$bin_dir" && pwd)")")

# Prints the values of KEY in FILE that apply to this flavour: unqualified
# lines, and lines whose "(a, b)" list names it.
values_for() {
	sed -n "s/^ \* $1: *//p" "$2"
	sed -n "s/^ \* $1 (\([^)]*\)): *\(.*\)/\1|\2/p" "$2" |
	while IFS='|' read -r flavours value; do
		case ", $flavours," in
		*", $flavour,"*) printf '%s\n' "$value" ;;
		esac
	done
}
# Emulated time is fast; a program still running after this many host
# seconds is stuck and counts as a failure.
timeout_secs=${MISUSE_TIMEOUT:-120}

out_file=$(mktemp)
trap 'rm -f "$out_file"' EXIT

passed=0
failed=0

for src in "$src_dir"/*.c; do
	name=$(basename "$src" .c)
	prog="$bin_dir/$name"
	problems=""

	if [ ! -x "$prog" ]; then
		echo "not ok $name: $prog not found; build it first"
		failed=$((failed + 1))
		continue
	fi

	# ASan must not turn a shim report into its own: the shim aborts on
	# purpose, and a leak report at exit is the shim's job here.
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:handle_abort=0} \
		timeout "$timeout_secs" "$prog" >"$out_file" 2>&1
	status=$?

	expected_exit=$(values_for expect-exit "$src" | tail -n 1)
	case "$expected_exit" in
	nonzero)
		[ "$status" -ne 0 ] ||
			problems="$problems; exit status 0, expected non-zero"
		;;
	"")
		problems="$problems; no expect-exit line in $src"
		;;
	*)
		[ "$status" -eq "$expected_exit" ] ||
			problems="$problems; exit status $status, expected $expected_exit"
		;;
	esac
	[ "$status" -eq 124 ] &&
		problems="$problems; timed out after ${timeout_secs}s"

	# Read the expectation lists through files so that the loops below
	# run in this shell and can update $problems.
	values_for expect-output "$src" >"$out_file.expect"
	while IFS= read -r text; do
		grep -qF -- "$text" "$out_file" ||
			problems="$problems; missing output \"$text\""
	done <"$out_file.expect"
	values_for reject-output "$src" >"$out_file.reject"
	while IFS= read -r text; do
		grep -qF -- "$text" "$out_file" &&
			problems="$problems; unexpected output \"$text\""
	done <"$out_file.reject"
	rm -f "$out_file.expect" "$out_file.reject"

	if [ -z "$problems" ]; then
		echo "ok $name"
		passed=$((passed + 1))
	else
		echo "not ok $name${problems}"
		echo "# output of $prog (exit status $status):"
		sed 's/^/#   /' "$out_file"
		failed=$((failed + 1))
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
