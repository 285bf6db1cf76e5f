/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/linkage.h>. There is no assembly and no
 * system-call entry, so the calling-convention markers are empty.
 */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <linux/compiler_types.h>

#define asmlinkage

#endif /* _LINUX_LINKAGE_H */
