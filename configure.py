#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Generate build.ninja for lkl-shim.

The ninja manual recommends generating build files from a small program and
keeping the options in it; this is that program. build.ninja is committed and
regenerates itself when this file changes, so `ninja` alone works in a fresh
clone. Run `python3 configure.py` after adding or removing a source file.

Options are kept here, not on the command line, so every checkout builds the
same thing. The Kconfig-style settings of each flavour are in FLAVOURS.
"""

import glob
import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))

# Kconfig-style options per flavour. A value of True becomes "#define X 1";
# anything else is written as it is.
COMMON_CONFIG = {
    "CONFIG_64BIT": True,
    "CONFIG_HZ": 1000,
    "CONFIG_PREEMPT_NONE": True,
    "CONFIG_PREEMPT_COUNT": True,
    "CONFIG_DEBUG_ATOMIC_SLEEP": True,
    "CONFIG_RCU_STALL_COMMON": True,
    "CONFIG_LKL_SHIM": True,
}

FLAVOURS = {
    "tiny": {
        "config": {
            "CONFIG_TINY_RCU": True,
            "CONFIG_NR_CPUS": 1,
        },
        "rcu_sources": ["kernel-src/rcutiny.c"],
        "test_dirs": ["tiny"],
    },
    "tree": {
        "config": {
            "CONFIG_TREE_RCU": True,
            "CONFIG_SMP": True,
            "CONFIG_NR_CPUS": 4096,
            "CONFIG_RCU_FANOUT": 64,
            "CONFIG_RCU_FANOUT_LEAF": 16,
        },
        "rcu_sources": ["kernel-src/rcutree.c"],
        "test_dirs": ["tree"],
    },
}

# --- The "upstream" flavour: Linux 6.1 sources as unmodified inputs --------
# scripts/extract-kernel-src copies kernel/rcu/tiny.c, kernel/rcu/rcu.h,
# lib/list-test.c and tools/testing/kunit/ from Debian's linux-source-6.1
# tarball (or from $KERNEL_SRC) into build/kernel-src-6.1/. Nothing from
# upstream is kept in the repository. The flavour is left out of `all` until
# it builds: `ninja upstream` builds it.
KERNEL_SRC_DIR = "build/kernel-src-6.1"
KERNEL_SRC_STAMP = f"{KERNEL_SRC_DIR}/extract.stamp"
KERNEL_SRC_TARBALL = "/usr/src/linux-source-6.1.tar.xz"
# Extracted files that build edges read, declared as outputs of the
# extraction edge so that ninja runs the script before compiling them.
KERNEL_SRC_OUTPUTS = [f"{KERNEL_SRC_DIR}/{p}" for p in (
    "kernel/rcu/tiny.c",
    "kernel/rcu/rcu.h",
    "lib/list-test.c",
    "tools/testing/kunit/kunit.py",
)]

FLAVOURS["upstream"] = {
    "config": {
        "CONFIG_TINY_RCU": True,
        "CONFIG_NR_CPUS": 1,
        # 6.1's own double call_rcu() check goes through debug objects.
        "CONFIG_DEBUG_OBJECTS": True,
        "CONFIG_DEBUG_OBJECTS_RCU_HEAD": True,
    },
    # upstream-tiny-glue.c (built once it exists) defines the hooks the shim
    # calls that 6.1's tiny.c lacks; listing it here keeps it out of the
    # other flavours.
    "rcu_sources": [f"{KERNEL_SRC_DIR}/kernel/rcu/tiny.c",
                    "kernel-src/upstream-tiny-glue.c"],
    "test_dirs": [],
    # Upstream KUnit suites linked into this flavour's kunit-tests.
    "upstream_tests": [f"{KERNEL_SRC_DIR}/lib/list-test.c"],
    "in_all": False,
}


def is_extracted(src):
    return src.startswith(KERNEL_SRC_DIR + "/")


def write_kernel_src(w):
    """Write the edge that extracts the upstream sources.

    restat lets the script leave an up-to-date extraction alone without
    making everything built from it stale.
    """
    w.line("rule extract_kernel_src")
    w.var("command", "python3 scripts/extract-kernel-src", 1)
    w.var("description", "EXTRACT " + KERNEL_SRC_DIR, 1)
    w.var("restat", "1", 1)
    w.line()
    implicit = []
    if os.path.exists(KERNEL_SRC_TARBALL):
        implicit.append(KERNEL_SRC_TARBALL)
    w.build([KERNEL_SRC_STAMP] + KERNEL_SRC_OUTPUTS, "extract_kernel_src",
            ["scripts/extract-kernel-src"], implicit=implicit)
    w.line()
# --- end of the "upstream" flavour -------------------------------------------

# Programs linked against each flavour's library: name -> sources.
PROGRAMS = {
    "rcutorture": ["kernel-src/rcutorture.c", "lkl-shim/bin/rcutorture-main.c"],
    "kfree-bench": ["bench/kfree_rcu_bench.c"],
}
PROGRAM_SOURCES = {s for srcs in PROGRAMS.values() for s in srcs}

# Build variants: each gets its own directory under build/ and its own flags.
# Only the default variant is part of `ninja all`; the others build with
# `ninja VARIANT`.
VARIANTS = {
    "asan": "-fsanitize=address,undefined -fno-sanitize-recover=undefined"
            " -fno-omit-frame-pointer",
    "tsan": "-fsanitize=thread -fno-omit-frame-pointer",
    "fuzz": "-fsanitize=fuzzer-no-link,address,undefined"
            " -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
            " -DLKL_FUZZING",
    "cov": "-fprofile-instr-generate -fcoverage-mapping",
    # For benchmarks: optimized, no sanitizers (bench/run).
    "release": "-O2 -fno-omit-frame-pointer",
}
DEFAULT_VARIANT = "asan"

WARNINGS = ("-Wall -Wextra -Wno-unused-parameter -Wno-sign-compare"
            " -Wno-missing-field-initializers -Wno-pointer-arith"
            " -Wno-gnu-variable-sized-type-not-at-end"
            " -Wno-initializer-overrides -Werror=implicit-function-declaration"
            " -Werror=incompatible-pointer-types -Werror=return-type")

# -fno-strict-aliasing and -fno-delete-null-pointer-checks match Kbuild.
KERNEL_CFLAGS = ("-std=gnu11 -nostdinc -isystem $clang_include -I$root/include"
                 " -D__KERNEL__"
                 " -include $root/include/linux/kconfig.h"
                 " -include $root/include/linux/compiler_types.h"
                 " -fno-strict-aliasing -fno-common"
                 " -fno-delete-null-pointer-checks -fno-builtin-printf")

HOST_CFLAGS = "-std=gnu11 -D_GNU_SOURCE -I$root/include"


def rel(path):
    return os.path.relpath(path, ROOT)


def sources(pattern):
    return sorted(rel(p) for p in glob.glob(os.path.join(ROOT, pattern)))


def obj(out_dir, src):
    base = os.path.splitext(src)[0].replace("/", "_").replace("-", "_")
    return f"{out_dir}/obj/{base}.o"


class Writer:
    def __init__(self):
        self.lines = []
        # Bound on every build statement, because ninja reads a top-level
        # variable's last value for all statements.
        self.edge_vars = {}

    def line(self, text=""):
        self.lines.append(text)

    def var(self, name, value, indent=0):
        self.line("  " * indent + f"{name} = {value}")

    def rule(self, name, command, description, depfile=None, pool=None,
             generator=False):
        self.line(f"rule {name}")
        self.var("command", command, 1)
        self.var("description", description, 1)
        if depfile:
            self.var("depfile", depfile, 1)
            self.var("deps", "gcc", 1)
        if pool:
            self.var("pool", pool, 1)
        if generator:
            self.var("generator", "1", 1)
        self.line()

    def build(self, outputs, rule, inputs=(), implicit=(), order_only=(),
              variables=None):
        outs = " ".join(outputs if isinstance(outputs, list) else [outputs])
        text = f"build {outs}: {rule}"
        if inputs:
            text += " " + " ".join(inputs)
        if implicit:
            text += " | " + " ".join(implicit)
        if order_only:
            text += " || " + " ".join(order_only)
        self.line(text)
        merged = dict(self.edge_vars)
        merged.update(variables or {})
        for key, value in merged.items():
            self.var(key, value, 1)

    def text(self):
        return "\n".join(self.lines) + "\n"


def autoconf(flavour):
    config = dict(COMMON_CONFIG)
    config.update(FLAVOURS[flavour]["config"])
    out = ["/* Generated by configure.py: flavour %s. */" % flavour]
    for key in sorted(config):
        value = config[key]
        out.append(f"#define {key} {1 if value is True else value}")
    return "\n".join(out) + "\n"


def write_flavour(w, variant, flavour, shim_host_lib):
    fdir = f"build/{variant}/{flavour}"
    fvars = {"flavour_dir": fdir}
    conf = f"{fdir}/include/generated/autoconf.h"
    w.build(conf, "autoconf", ["configure.py"],
            variables={"flavour": flavour})

    def kcc(src):
        # Module parameters of the machine itself are "lkl.NAME".
        if src.startswith("lkl-shim/"):
            name = "lkl"
        else:
            name = os.path.splitext(os.path.basename(src))[0]
        o = obj(fdir, src)
        w.build(o, "kcc", [src], order_only=[conf],
                variables=dict(fvars, modname=name))
        return o

    # The library: the kernel-side shim, the flavour's RCU and the shared
    # kernel-src files (every kernel-src/*.c that no flavour claims).
    claimed = set()
    for f in FLAVOURS.values():
        claimed.update(f["rcu_sources"])
    claimed.update(PROGRAM_SOURCES)
    shared_kernel = [s for s in sources("kernel-src/*.c") if s not in claimed]
    rcu = [s for s in FLAVOURS[flavour]["rcu_sources"]
           if is_extracted(s) or os.path.exists(os.path.join(ROOT, s))]
    kernel_objs = [kcc(s) for s in sources("lkl-shim/*.c") + shared_kernel + rcu]
    lib = f"{fdir}/liblkl-rcu{flavour}.a"
    w.build(lib, "ar", kernel_objs + [shim_host_lib])

    # The KUnit runner library and the test binary built from tests/*.c.
    outputs = [lib]
    kunit_objs = [kcc(s) for s in sources("lkl-shim/kunit/*.c")]
    if kunit_objs:
        kunit_lib = f"{fdir}/liblkl-kunit.a"
        w.build(kunit_lib, "ar", kunit_objs)
        # tests/*.c run on every flavour; tests/<flavour>/*.c on one only
        # (FLAVOURS[...]["test_dirs"] lists which subdirectories apply).
        test_srcs = sources("tests/*.c")
        for d in FLAVOURS[flavour].get("test_dirs", []):
            test_srcs += sources(f"tests/{d}/*.c")
        test_srcs += FLAVOURS[flavour].get("upstream_tests", [])
        test_objs = [kcc(s) for s in test_srcs]
        if test_objs:
            exe = f"{fdir}/kunit-tests"
            w.build(exe, "link", test_objs + [kunit_lib, lib])
            outputs.append(exe)
        # The runner's own self-test: suites that fail and skip on purpose,
        # checked by tests/kunit-selftest/run.sh.
        selftest_objs = [kcc(s) for s in sources("tests/kunit-selftest/*.c")]
        if selftest_objs:
            exe = f"{fdir}/kunit-selftest"
            w.build(exe, "link", selftest_objs + [kunit_lib, lib])
            outputs.append(exe)

    # Misuse programs: one per tests/misuse/*.c (each has its own main()),
    # checked by tests/misuse/run.sh.
    for src in sources("tests/misuse/*.c"):
        name = os.path.splitext(os.path.basename(src))[0]
        exe = f"{fdir}/misuse/{name}"
        w.build(exe, "link", [kcc(src), lib])
        outputs.append(exe)

    # Programs: each is its kernel-src module plus a main under lkl-shim/bin.
    for prog, srcs in PROGRAMS.items():
        present = [s for s in srcs if os.path.exists(os.path.join(ROOT, s))]
        if len(present) != len(srcs):
            continue
        exe = f"{fdir}/{prog}"
        w.build(exe, "link", [kcc(s) for s in present] + [lib])
        outputs.append(exe)
    w.line()
    return outputs


def pkgconfig(flavour):
    """Return the text of lkl-rcuFLAVOUR.pc, for kernel-style outside code.

    Paths are relative to the .pc file, so the build tree can move.
    """
    import subprocess
    clang_include = subprocess.run(
        ["clang", "-print-file-name=include"], capture_output=True,
        text=True, check=True).stdout.strip()
    flags = VARIANTS[DEFAULT_VARIANT]
    lib_dir = f"${{pcfiledir}}/../{DEFAULT_VARIANT}/{flavour}"
    return "\n".join([
        "root=${pcfiledir}/../..",
        f"libdir={lib_dir}",
        "",
        f"Name: lkl-rcu{flavour}",
        f"Description: lkl-shim emulated kernel with {flavour} RCU"
        f" ({DEFAULT_VARIANT} build)",
        "Version: 0.1",
        "Cflags: -std=gnu11 -nostdinc -isystem " + clang_include +
        " -I${root}/include -I${libdir}/include -D__KERNEL__"
        " -include ${root}/include/linux/kconfig.h"
        " -include ${root}/include/linux/compiler_types.h"
        " -fno-strict-aliasing -fno-common -fno-delete-null-pointer-checks "
        + flags,
        "Libs: -L${libdir} -llkl-rcu" + flavour + " -lpthread " + flags,
    ]) + "\n"


def pkgconfig_kunit(flavour):
    """Return lkl-kunit-FLAVOUR.pc: the KUnit runner and its main()."""
    return "\n".join([
        f"libdir=${{pcfiledir}}/../{DEFAULT_VARIANT}/{flavour}",
        "",
        f"Name: lkl-kunit-{flavour}",
        "Description: KUnit runner with main() for lkl-shim",
        "Version: 0.1",
        f"Requires: lkl-rcu{flavour}",
        "Libs: -Wl,--whole-archive -L${libdir} -llkl-kunit"
        " -Wl,--no-whole-archive",
    ]) + "\n"


def write_pkgconfig(w):
    w.rule("pkgconfig", "python3 configure.py --pkgconfig $name > $out",
           "PKGCONFIG $out")
    outs = []
    # Every flavour gets its files; a flavour outside `all` (upstream)
    # needs `ninja FLAVOUR` before its libraries exist.
    for flavour in FLAVOURS:
        for name in (f"lkl-rcu{flavour}", f"lkl-kunit-{flavour}"):
            out = f"build/pkgconfig/{name}.pc"
            w.build(out, "pkgconfig", ["configure.py"],
                    variables={"name": name})
            outs.append(out)
    return outs


def write_run_targets(w):
    """`ninja torture` runs the main job; `ninja test` runs every test."""
    vdir = f"build/{DEFAULT_VARIANT}"
    w.rule("run", "$command_line", "RUN $description_text", pool="console")
    w.build("torture", "run", implicit=[f"{vdir}/tiny/rcutorture"],
            variables={"command_line": f"{vdir}/tiny/rcutorture",
                       "description_text": "rcutorture (tiny)"})
    extra = [f for f in FLAVOURS if not FLAVOURS[f].get("in_all", True)]
    w.build("test", "run", implicit=["all", "tsan"] + extra,
            variables={"command_line": "scripts/test-all",
                       "description_text": "scripts/test-all"})


# --- Fuzz drivers and planted-bug mutants (fuzz/, tests/mutants/) -----------
# Each fuzz driver is one LLVMFuzzerTestOneInput per file, linked with
# fuzz/harness.c against one flavour's library. In the "fuzz" variant it is
# linked with -fsanitize=fuzzer into build/fuzz/<flavour>/fuzz-<name>; the
# "asan", "fuzz" and "cov" variants also link repro-<name>, the same driver
# with fuzz/reproducer.c's main() instead of libFuzzer. `ninja fuzzers`
# builds the fuzz and asan ones, `ninja fuzz-cov` the coverage reproducers.
FUZZ_DRIVERS = {
    "rcutiny": {"src": "fuzz/fuzz_rcutiny.c", "flavours": ["tiny", "upstream"]},
    "rcutree": {"src": "fuzz/fuzz_rcutree.c", "flavours": ["tree"]},
    "kfree_layout": {"src": "fuzz/fuzz_kfree_layout.c",
                     "flavours": ["tiny", "tree", "upstream"]},
}
FUZZ_HARNESS = "fuzz/harness.c"
FUZZ_REPRO_MAIN = "fuzz/reproducer.c"
FUZZ_VARIANTS = ("asan", "fuzz", "cov")

# A mutant is tests/mutants/NAME.patch, a planted bug in kernel-src/. Its
# first line is "Flavour: tiny" or "Flavour: tree". tests/mutants/apply
# copies kernel-src/ to build/mutants/NAME/kernel-src/ and applies the
# patch; the copy's flavour sources and update.c are compiled in the fuzz
# variant and linked with that flavour's shim objects into
# build/fuzz/mutants/NAME/ (fuzzers, reproducers and kunit-tests).
MUTANT_DIR = "tests/mutants"
MUTANT_KERNEL_SRCS = {"tiny": ["kernel-src/update.c", "kernel-src/rcutiny.c"],
                      "tree": ["kernel-src/update.c", "kernel-src/rcutree.c"]}


def fuzz_present():
    return os.path.exists(os.path.join(ROOT, FUZZ_HARNESS))


def mutants():
    """Return {name: flavour} for every tests/mutants/*.patch."""
    found = {}
    for path in sources(f"{MUTANT_DIR}/*.patch"):
        with open(os.path.join(ROOT, path)) as f:
            first = f.readline().strip()
        if first.startswith("Flavour:"):
            name = os.path.splitext(os.path.basename(path))[0]
            found[name] = first.split(":", 1)[1].strip()
    return found


def write_fuzz_links(w, out_dir, flavour, kcc, lib, variant):
    """Link the fuzzers and reproducers of one flavour library."""
    outputs = []
    harness = kcc(FUZZ_HARNESS)
    repro_main = obj(f"build/{variant}", FUZZ_REPRO_MAIN)
    for name, d in FUZZ_DRIVERS.items():
        if flavour not in d["flavours"]:
            continue
        if not os.path.exists(os.path.join(ROOT, d["src"])):
            continue
        drv = kcc(d["src"])
        exe = f"{out_dir}/repro-{name}"
        w.build(exe, "link", [drv, harness, repro_main, lib])
        outputs.append(exe)
        if variant == "fuzz":
            exe = f"{out_dir}/fuzz-{name}"
            w.build(exe, "link", [drv, harness, lib],
                    variables={"libs": "-fsanitize=fuzzer"})
            outputs.append(exe)
    return outputs


def flavour_kcc(w, fdir, obj_dir, src_map=None):
    """Return a kcc(src) that compiles into obj_dir with fdir's config."""
    conf = f"{fdir}/include/generated/autoconf.h"

    def kcc(src):
        real = (src_map or {}).get(src, src)
        name = os.path.splitext(os.path.basename(src))[0]
        o = obj(obj_dir, src)
        if o not in kcc.done:
            w.build(o, "kcc", [real], order_only=[conf],
                    variables={"flavour_dir": fdir, "modname": name})
            kcc.done.add(o)
        return o
    kcc.done = set()
    return kcc


def write_fuzz_variant(w, variant):
    """Fuzz targets and mutants of one variant; returns (fuzz, mutant) outputs."""
    if variant not in FUZZ_VARIANTS or not fuzz_present():
        return [], []
    vdir = f"build/{variant}"
    # Without -Iinclude: libc's headers would find the kernel's linux/*.h.
    w.build(obj(vdir, FUZZ_REPRO_MAIN), "hcc", [FUZZ_REPRO_MAIN],
            variables={"host_cflags": "-std=gnu11 -D_GNU_SOURCE"})
    outputs, mutant_outputs = [], []
    driver_kcc = {}
    for flavour in ("tiny", "tree", "upstream"):
        if flavour not in FLAVOURS:
            continue
        fdir = f"{vdir}/{flavour}"
        kcc = driver_kcc[flavour] = flavour_kcc(w, fdir, f"{fdir}/fuzz")
        outputs += write_fuzz_links(w, fdir, flavour, kcc,
                                    f"{fdir}/liblkl-rcu{flavour}.a", variant)
    if variant != "fuzz":
        return outputs, []

    # Mutants: patched kernel-src objects plus the flavour's shim objects.
    w.rule("mutant_src", f"python3 {MUTANT_DIR}/apply $name",
           "MUTANT $name")
    for name, flavour in mutants().items():
        fdir = f"{vdir}/{flavour}"
        mdir = f"{vdir}/mutants/{name}"
        srcs = MUTANT_KERNEL_SRCS[flavour]
        copies = {s: f"build/mutants/{name}/{s}" for s in srcs}
        w.build(list(copies.values()), "mutant_src",
                [f"{MUTANT_DIR}/{name}.patch", f"{MUTANT_DIR}/apply"] + srcs,
                variables={"name": name})
        kcc = flavour_kcc(w, fdir, mdir, copies)
        shim = [obj(fdir, s) for s in sources("lkl-shim/*.c")]
        lib = f"{mdir}/liblkl-rcu{flavour}.a"
        w.build(lib, "ar", shim + [kcc(s) for s in srcs] +
                [f"{vdir}/liblkl-host.a"])
        # The drivers themselves are the flavour's, only the library differs.
        mutant_outputs += write_fuzz_links(w, mdir, flavour,
                                           driver_kcc[flavour], lib, variant)
        test_srcs = sources("tests/*.c")
        for d in FLAVOURS[flavour].get("test_dirs", []):
            test_srcs += sources(f"tests/{d}/*.c")
        tests = [obj(fdir, s) for s in test_srcs]
        exe = f"{mdir}/kunit-tests"
        w.build(exe, "link", tests + [f"{fdir}/liblkl-kunit.a", lib])
        mutant_outputs.append(exe)
    return outputs, mutant_outputs
# --- end of fuzz drivers and mutants ------------------------------------------


def generate():
    w = Writer()
    w.line("# Generated by configure.py; edit that file, not this one.")
    w.var("ninja_required_version", "1.10")
    w.var("builddir", "build")
    w.var("root", ".")
    w.var("cc", "clang")
    w.var("clang_include", "$$(clang -print-file-name=include)")
    w.var("warnings", WARNINGS)
    w.var("kernel_cflags", KERNEL_CFLAGS)
    w.var("host_cflags", HOST_CFLAGS)
    w.line()
    w.rule("configure", "python3 configure.py", "CONFIGURE build.ninja",
           generator=True)
    w.rule("autoconf", "python3 configure.py --autoconf $flavour > $out",
           "AUTOCONF $flavour")
    # -O1 -g come before the variant's flags, so a variant may override them.
    w.rule("kcc", "$cc -MMD -MF $out.d -I$flavour_dir/include $kernel_cflags"
           " $warnings -O1 -g $variant_cflags"
           " -DKBUILD_MODNAME='\"$modname\"' -c $in -o $out",
           "CC $out", depfile="$out.d")
    w.rule("hcc", "$cc -MMD -MF $out.d $host_cflags $warnings -O1 -g"
           " $variant_cflags -c $in -o $out", "HOSTCC $out", depfile="$out.d")
    w.rule("ar", "rm -f $out && ar crsT $out $in", "AR $out")
    w.rule("link", "$cc $variant_cflags -o $out $in $libs -lpthread",
           "LINK $out")
    w.line()
    w.build("build.ninja", "configure", ["configure.py"])
    w.line()
    if any(is_extracted(src) for f in FLAVOURS.values()
           for src in f["rcu_sources"] + f.get("upstream_tests", [])):
        write_kernel_src(w)

    all_targets = []
    held_back = {}
    variant_targets = {}
    fuzz_targets, mutant_targets = {}, []
    for variant, vflags in VARIANTS.items():
        w.edge_vars = {"variant_cflags": vflags}
        vdir = f"build/{variant}"
        host_objs = []
        for src in sources("lkl-shim/host/*.c"):
            o = obj(vdir, src)
            w.build(o, "hcc", [src])
            host_objs.append(o)
        host_lib = f"{vdir}/liblkl-host.a"
        w.build(host_lib, "ar", host_objs)
        for flavour in FLAVOURS:
            outputs = write_flavour(w, variant, flavour, host_lib)
            if not FLAVOURS[flavour].get("in_all", True):
                # Held back from `all` and from the variant targets alike.
                if variant == DEFAULT_VARIANT:
                    held_back.setdefault(flavour, []).extend(outputs)
            elif variant != DEFAULT_VARIANT:
                variant_targets.setdefault(variant, []).extend(outputs)
            else:
                all_targets.extend(outputs)
        fuzz_outs, mutant_outs = write_fuzz_variant(w, variant)
        fuzz_targets.setdefault(variant, []).extend(fuzz_outs)
        mutant_targets.extend(mutant_outs)
    w.edge_vars = {}
    w.line()
    for variant, outputs in variant_targets.items():
        w.build(variant, "phony", outputs)
    all_targets.extend(write_pkgconfig(w))
    write_run_targets(w)
    # Flavours left out of `all` get a phony target named after them.
    for flavour, outputs in held_back.items():
        w.build(flavour, "phony", outputs)
    # The upstream flavour is held back from `all`, so from `fuzzers` too.
    fuzz_all = fuzz_targets.get("fuzz", []) + fuzz_targets.get("asan", [])
    w.build("fuzzers", "phony",
            [t for t in fuzz_all if "/upstream/" not in t])
    w.build("fuzzers-upstream", "phony",
            [t for t in fuzz_all if "/upstream/" in t])
    w.build("fuzz-cov", "phony",
            [t for t in fuzz_targets.get("cov", []) if "/upstream/" not in t])
    w.build("mutants", "phony", mutant_targets)
    w.build("all", "phony", all_targets)
    w.line("default all")
    return w.text()


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--autoconf":
        sys.stdout.write(autoconf(sys.argv[2]))
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--pkgconfig":
        name = sys.argv[2]
        if name.startswith("lkl-kunit-"):
            sys.stdout.write(pkgconfig_kunit(name[len("lkl-kunit-"):]))
        else:
            sys.stdout.write(pkgconfig(name[len("lkl-rcu"):]))
        return
    if len(sys.argv) != 1:
        sys.exit("usage: configure.py [--autoconf FLAVOUR]")
    with open(os.path.join(ROOT, "build.ninja"), "w") as f:
        f.write(generate())


if __name__ == "__main__":
    main()
