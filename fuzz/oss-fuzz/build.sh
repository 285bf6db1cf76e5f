#!/bin/bash -eu
# SPDX-License-Identifier: GPL-2.0
#
# OSS-Fuzz / ClusterFuzzLite build script: compiles the emulated kernel and
# the fuzz drivers with $CC $CFLAGS, links each driver with
# $LIB_FUZZING_ENGINE, and writes into $OUT, per target, the binary,
# NAME_seed_corpus.zip (from fuzz/corpus/), NAME.dict and NAME.options.
# Targets: rcutiny, rcutree, kfree_layout_tiny, kfree_layout_tree.
#
# The source lists and the Kconfig-style autoconf.h come from configure.py,
# so this script builds what `ninja fuzzers` builds, with the engine's
# flags instead of the repository's. Run locally with, for example:
#   CC=clang CXX=clang++ CFLAGS="-O1 -g -fsanitize=address,fuzzer-no-link" \
#   CXXFLAGS="$CFLAGS" LIB_FUZZING_ENGINE=-fsanitize=fuzzer \
#   OUT=/tmp/out WORK=/tmp/work fuzz/oss-fuzz/build.sh

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/lkl-shim-fuzz-build}
cd "$ROOT"

clang_include=$($CC -print-file-name=include)
kernel_flags=(-std=gnu11 -nostdinc -isystem "$clang_include" -I"$ROOT/include"
	-D__KERNEL__ -include "$ROOT/include/linux/kconfig.h"
	-include "$ROOT/include/linux/compiler_types.h"
	-fno-strict-aliasing -fno-common -fno-delete-null-pointer-checks
	-fno-builtin-printf -DLKL_FUZZING -Wno-unused-parameter
	-Wno-gnu-variable-sized-type-not-at-end -Wno-initializer-overrides)
host_flags=(-std=gnu11 -D_GNU_SOURCE -I"$ROOT/include")

# Kernel-side sources of a flavour's library, as configure.py lists them.
kernel_sources() {
	python3 - "$1" <<'EOF'
import os, sys
import configure
flavour = sys.argv[1]
claimed = set(configure.PROGRAM_SOURCES)
for f in configure.FLAVOURS.values():
    claimed.update(f["rcu_sources"])
srcs = configure.sources("lkl-shim/*.c")
srcs += [s for s in configure.sources("kernel-src/*.c") if s not in claimed]
srcs += configure.FLAVOURS[flavour]["rcu_sources"]
print("\n".join(srcs))
EOF
}

# Compiles kernel-side $2 for flavour directory $1; prints the object.
kcc() {
	local dir=$1 src=$2 mod obj
	case $src in
	lkl-shim/*) mod=lkl ;;
	*) mod=$(basename "$src" .c) ;;
	esac
	obj=$dir/obj/$(echo "$src" | tr '/-' '__').o
	mkdir -p "$dir/obj"
	# shellcheck disable=SC2086
	$CC $CFLAGS "${kernel_flags[@]}" -I"$dir/include" \
		-DKBUILD_MODNAME="\"$mod\"" -c "$src" -o "$obj"
	echo "$obj"
}

host_objs=()
mkdir -p "$WORK/host"
for src in lkl-shim/host/*.c; do
	obj=$WORK/host/$(basename "$src" .c).o
	# shellcheck disable=SC2086
	$CC $CFLAGS "${host_flags[@]}" -c "$src" -o "$obj"
	host_objs+=("$obj")
done

# target name, driver, flavour
targets="rcutiny:rcutiny:tiny rcutree:rcutree:tree
kfree_layout_tiny:kfree_layout:tiny kfree_layout_tree:kfree_layout:tree"

for flavour in tiny tree; do
	dir=$WORK/$flavour
	mkdir -p "$dir/include/generated"
	python3 configure.py --autoconf "$flavour" \
		> "$dir/include/generated/autoconf.h"
	lib_objs=()
	for src in $(kernel_sources "$flavour") fuzz/harness.c; do
		lib_objs+=("$(kcc "$dir" "$src")")
	done
	for t in $targets; do
		IFS=: read -r name driver tflavour <<< "$t"
		[ "$tflavour" = "$flavour" ] || continue
		drv=$(kcc "$dir" "fuzz/fuzz_$driver.c")
		# shellcheck disable=SC2086
		$CXX $CXXFLAGS "$drv" "${lib_objs[@]}" "${host_objs[@]}" \
			$LIB_FUZZING_ENGINE -lpthread -o "$OUT/$name"
		rm -f "$OUT/${name}_seed_corpus.zip"
		zip -q -j "$OUT/${name}_seed_corpus.zip" fuzz/corpus/"$driver"/*
		cp "fuzz/$driver.dict" "$OUT/$name.dict"
		sed "s/^dict = .*/dict = $name.dict/" "fuzz/$driver.options" \
			> "$OUT/$name.options"
	done
done
