#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Builds tests/external/example_test.c as outside code would, with nothing
# but the pkg-config files under build/pkgconfig, runs it and checks that
# its one KUnit case passes.
#
# usage: tests/external/run.sh [FLAVOUR]   (default: tiny)
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
flavour=${1:-tiny}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export PKG_CONFIG_PATH="$root/build/pkgconfig"
if ! cflags=$(pkg-config --cflags "lkl-rcu$flavour") ||
   ! libs=$(pkg-config --libs "lkl-kunit-$flavour"); then
	echo "external: pkg-config lkl-rcu$flavour failed; build first (ninja)" >&2
	exit 2
fi
# shellcheck disable=SC2086
clang $cflags -DKBUILD_MODNAME='"example_test"' \
	-c "$root/tests/external/example_test.c" -o "$work/example_test.o" ||
	exit 1
# shellcheck disable=SC2086
clang "$work/example_test.o" $libs -o "$work/example_test" || exit 1
"$work/example_test" > "$work/log" 2>&1
status=$?
if [ "$status" -ne 0 ] || ! grep -q '^1 passed, 0 failed' "$work/log"; then
	echo "external: example_test exited with $status:" >&2
	tail -n 30 "$work/log" >&2
	exit 1
fi
echo "external: example_test built with pkg-config lkl-kunit-$flavour: 1 passed, 0 failed"
