/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/stringify.h>: __stringify() expands its
 * argument's macros before turning it into a string.
 */
#ifndef _LINUX_STRINGIFY_H
#define _LINUX_STRINGIFY_H

#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#endif /* _LINUX_STRINGIFY_H */
