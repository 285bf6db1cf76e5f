/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <asm/bug.h> (asm-generic/bug.h): BUG() and the
 * WARN() family, reported by lkl_bug() and lkl_warn() in lkl-shim/panic.c
 * with the file, line and function of the call site. BUG() stops the run;
 * WARN() prints a report and a backtrace and continues, unless
 * panic_on_warn=1. Like the kernel, WARN_ON(x) and friends evaluate to the
 * truth value of x, so they can be used as conditions.
 */
#ifndef _ASM_BUG_H
#define _ASM_BUG_H

#include <linux/compiler.h>

void lkl_bug(const char *file, int line, const char *func) __noreturn __cold;
/* fmt may be NULL for a WARN without a message. */
void lkl_warn(const char *file, int line, const char *func,
	      const char *fmt, ...) __printf(4, 5) __cold;

#define BUG()		lkl_bug(__FILE__, __LINE__, __func__)
#define BUG_ON(condition)						\
	do {								\
		if (unlikely(condition))				\
			BUG();						\
	} while (0)

#define __WARN()		lkl_warn(__FILE__, __LINE__, __func__, NULL)
#define __WARN_printf(taint, arg...) \
	lkl_warn(__FILE__, __LINE__, __func__, arg)

#define WARN_ON(condition)						\
	({								\
		int __ret_warn_on = !!(condition);			\
		if (unlikely(__ret_warn_on))				\
			__WARN();					\
		unlikely(__ret_warn_on);				\
	})

#define WARN(condition, format...)					\
	({								\
		int __ret_warn_on = !!(condition);			\
		if (unlikely(__ret_warn_on))				\
			__WARN_printf(0, format);			\
		unlikely(__ret_warn_on);				\
	})

#define WARN_TAINT(condition, taint, format...)				\
	({								\
		int __ret_warn_on = !!(condition);			\
		if (unlikely(__ret_warn_on))				\
			__WARN_printf(taint, format);			\
		unlikely(__ret_warn_on);				\
	})

/*
 * The _ONCE forms report the first time the condition is true at this call
 * site. The flag is taken with an atomic exchange so that host threads
 * racing on it report once between them.
 */
#define __lkl_warn_once_flag(flag) \
	(!__atomic_exchange_n(&(flag), true, __ATOMIC_RELAXED))

#define WARN_ON_ONCE(condition)						\
	({								\
		static bool __warned;					\
		int __ret_warn_once = !!(condition);			\
		if (unlikely(__ret_warn_once) &&			\
		    __lkl_warn_once_flag(__warned))			\
			__WARN();					\
		unlikely(__ret_warn_once);				\
	})

#define WARN_ONCE(condition, format...)					\
	({								\
		static bool __warned;					\
		int __ret_warn_once = !!(condition);			\
		if (unlikely(__ret_warn_once) &&			\
		    __lkl_warn_once_flag(__warned))			\
			__WARN_printf(0, format);			\
		unlikely(__ret_warn_once);				\
	})

#define WARN_TAINT_ONCE(condition, taint, format...)			\
	WARN_ONCE(condition, format)

#define WARN_ON_SMP(x)		WARN_ON(IS_ENABLED(CONFIG_SMP) && (x))

#endif /* _ASM_BUG_H */
