#!/bin/bash -eu
# SPDX-License-Identifier: GPL-2.0
# ClusterFuzzLite entry point: the OSS-Fuzz build script of the repository.
exec "$SRC/lkl-shim/fuzz/oss-fuzz/build.sh"
