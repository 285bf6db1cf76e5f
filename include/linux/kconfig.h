/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/kconfig.h>, force-included into every
 * kernel-side file: pulls in the flavour's generated autoconf.h and defines
 * IS_ENABLED() and friends. The shim has no loadable modules, so no option
 * is ever =m (CONFIG_FOO_MODULE is never defined) and IS_MODULE() is 0.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#include <generated/autoconf.h>

#define __LITTLE_ENDIAN 1234
#define __BIG_ENDIAN 4321
#define __BYTE_ORDER __LITTLE_ENDIAN

/*
 * How __is_defined(CONFIG_FOO) works without a preprocessor "defined" inside
 * a macro body: if CONFIG_FOO expands to 1, pasting it after
 * __LKL_ARG_PLACEHOLDER_ forms __LKL_ARG_PLACEHOLDER_1, which expands to
 * "0," and pushes a 1 into the second argument slot of __lkl_take_second().
 * Any other expansion pastes into an unknown token, the slot holds 0.
 */
#define __LKL_ARG_PLACEHOLDER_1 0,
#define __lkl_take_second(ignored, val, ...) val
#define __lkl_select(arg1_or_junk) __lkl_take_second(arg1_or_junk 1, 0, 0)
#define __lkl_paste_placeholder(val) __lkl_select(__LKL_ARG_PLACEHOLDER_##val)
#define ___is_defined(val) __lkl_paste_placeholder(val)
#define __is_defined(x) ___is_defined(x)

#define __or(x, y) (x || y)

/* 1 if option is set to 'y', else 0. */
#define IS_BUILTIN(option) __is_defined(option)

/* 1 if option is set to 'm', else 0. */
#define IS_MODULE(option) __is_defined(option##_MODULE)

/* 1 if code under "option" can be referenced from here. */
#define IS_REACHABLE(option) __or(IS_BUILTIN(option), \
				  (IS_MODULE(option) && __is_defined(MODULE)))

/* 1 if option is set to 'y' or 'm', else 0. */
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))

#endif /* _LINUX_KCONFIG_H */
