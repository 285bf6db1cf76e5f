/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/build_bug.h>: assertions checked at
 * compile time. BUILD_BUG_ON() accepts any condition the compiler can fold
 * (not only integer constant expressions), as in the kernel, and works in
 * any function context; the message appears in the compiler's error.
 */
#ifndef _LINUX_BUILD_BUG_H
#define _LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/*
 * Zero if e is false; a compile error (negative bit-field width) if e is
 * true. Usable in expressions and in static initializers.
 */
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))

#define BUILD_BUG_ON_INVALID(e) ((void)(sizeof((__force long)(e))))

/* Fails the build with msg if cond is true. */
#define BUILD_BUG_ON_MSG(cond, msg) compiletime_assert(!(cond), msg)

#define BUILD_BUG_ON(condition) \
	BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)

#define BUILD_BUG_ON_NOT_POWER_OF_2(n) \
	BUILD_BUG_ON((n) == 0 || (((n) & ((n) - 1)) != 0))

/* Fails the build if this line is reachable after optimization. */
#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")

/* static_assert(expr) with the message optional, as in C2x. */
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#endif /* _LINUX_BUILD_BUG_H */
