#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Compiles each tests/compile-fail/*.c with the kernel-side flags of
# configure.py, in the configuration of FLAVOUR at -O1, and checks the
# outcome.
# Files named ok-*.c must compile. Every other file must fail, and the
# compiler output must contain the text of its "// expect-error:" line.
# Exits 0 if every file behaves as expected.
#
# Usage: tests/compile-fail/run.sh [FLAVOUR]   (default: tiny)
set -u

dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$dir/../.." && pwd)
flavour=${1:-tiny}
cc=${CC:-clang}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/include/generated"
if ! (cd "$root" && python3 configure.py --autoconf "$flavour") \
		> "$work/include/generated/autoconf.h"; then
	echo "compile-fail: configure.py --autoconf $flavour failed" >&2
	exit 2
fi

# The kcc rule's flags, taken from configure.py so they cannot drift. The
# flavour's generated headers come first, as in the kcc rule.
flags=$(cd "$root" && python3 -c '
import configure
print("-I$flavour_dir/include", configure.KERNEL_CFLAGS, configure.WARNINGS)') ||
	exit 2
flags=$(printf '%s' "$flags" |
	sed -e "s|\$clang_include|$($cc -print-file-name=include)|g" \
	    -e "s|\$root|$root|g" -e "s|\$flavour_dir|$work|g")

pass=0
fail=0
for src in "$dir"/*.c; do
	name=$(basename "$src")
	log="$work/$name.log"
	# shellcheck disable=SC2086 # $flags is a list of options
	$cc $flags -O1 -DKBUILD_MODNAME='"compile_fail"' -c "$src" \
		-o "$work/$name.o" > "$log" 2>&1
	status=$?
	case $name in
	ok-*)
		if [ $status -eq 0 ]; then
			echo "ok   $name: compiles"
			pass=$((pass + 1))
		else
			echo "FAIL $name: positive control does not compile:"
			sed 's/^/    /' "$log"
			fail=$((fail + 1))
		fi
		continue
		;;
	esac

	expect=$(sed -n 's|^// expect-error: ||p' "$src")
	if [ -z "$expect" ]; then
		echo "FAIL $name: no '// expect-error:' line"
		fail=$((fail + 1))
	elif [ $status -eq 0 ]; then
		echo "FAIL $name: compiled, but must fail with: $expect"
		fail=$((fail + 1))
	elif ! grep -qF -- "$expect" "$log"; then
		echo "FAIL $name: failed without the expected message: $expect"
		sed 's/^/    /' "$log"
		fail=$((fail + 1))
	else
		echo "ok   $name: rejected with: $expect"
		pass=$((pass + 1))
	fi
done

echo "compile-fail: $pass passed, $fail failed"
[ $fail -eq 0 ]
