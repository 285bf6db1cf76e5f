/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/export.h>. There are no loadable modules,
 * so exporting does nothing, but each macro still references the symbol so
 * that exporting an undeclared name fails to compile, as in the kernel.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler.h>

#define __LKL_EXPORT_SYMBOL(sym)					\
	extern typeof(sym) sym;						\
	static void *const __UNIQUE_ID(__lkl_export_##sym) __maybe_unused = \
		(void *)&(sym)

#define EXPORT_SYMBOL(sym)		__LKL_EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)		__LKL_EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS(sym, ns)	__LKL_EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__LKL_EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL_FUTURE(sym)	__LKL_EXPORT_SYMBOL(sym)
#define EXPORT_UNUSED_SYMBOL(sym)	__LKL_EXPORT_SYMBOL(sym)
#define EXPORT_UNUSED_SYMBOL_GPL(sym)	__LKL_EXPORT_SYMBOL(sym)

#define THIS_MODULE ((struct module *)0)

#endif /* _LINUX_EXPORT_H */
