/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces of the shim's debugging and boot helpers (lkl-shim/printk.c,
 * panic.c, slab.c, params.c, list_debug.c) for the rest of the shim, the
 * test runner and the program mains. Kernel code does not use these.
 */
#ifndef _LKL_DEBUG_H
#define _LKL_DEBUG_H

#include <linux/types.h>
#include <linux/compiler.h>

/*
 * Number of WARN()s hit so far, including those not printed. Read it as
 * the variable or as lkl_warn_count(), which is an atomic load of it (the
 * function-like macro does not expand the inner, parenthesis-free name).
 */
extern unsigned long lkl_warn_count;
#define lkl_warn_count() __atomic_load_n(&lkl_warn_count, __ATOMIC_RELAXED)

/*
 * Formats like the kernel's vsnprintf(), %p extensions included (%pS, %ps,
 * %px, %pK, %pe, %pa, %*pb, %*pbl, %*ph, %pV). Returns the length the whole
 * output would have; buf is always NUL-terminated when size > 0.
 */
int lkl_vformat(char *buf, size_t size, const char *fmt, __builtin_va_list args)
	__printf(3, 0);

/* Emits the partial line printk() is holding for a KERN_CONT, if any. */
void lkl_printk_flush(void);

/*
 * Prints "BUG: " and the formatted message, the CPU/PID/comm line and a
 * backtrace, then aborts the host process. For broken invariants detected
 * inside the shim, where the BUG() file and line would be the shim's own.
 */
void lkl_report_bug(const char *fmt, ...) __printf(1, 2) __noreturn __cold;

/*
 * Prints each live kmalloc()/kmem_cache_alloc() object grouped by
 * allocation site and returns the number of live objects (0: no leaks).
 */
unsigned long lkl_slab_report_leaks(void);
unsigned long lkl_slab_live_objects(void);

/*
 * Fault injection: make every nth allocation fail (0 turns it off). Set at
 * boot with lkl.failslab=N. __GFP_NOFAIL allocations never fail.
 */
void lkl_slab_fail_nth(unsigned long n);

/*
 * Fault injection by callback: an allocation fails when hook returns true.
 * NULL removes the hook. Both kinds of injection can be active at once.
 */
void lkl_slab_set_fail_hook(bool (*hook)(size_t size, gfp_t flags));

/* Number of allocations made to fail by fault injection so far. */
unsigned long lkl_slab_injected_failures(void);

/*
 * Sets one command-line parameter: "name=value", "module.name=value", or a
 * bare "name" for a boolean. Returns 0, or -EINVAL after printing why.
 */
int lkl_parse_param(const char *arg);

/* Lists every parameter with its current value and description (--help). */
void lkl_print_params(void);

/*
 * Runs initcall levels 0 to 7 in order. Returns 0, or the first non-zero
 * initcall result (every failing initcall is reported and the rest still
 * run, as in the kernel).
 */
int lkl_do_initcalls(void);

/* Runs the exit calls in reverse link order. */
void lkl_do_exitcalls(void);

#endif /* _LKL_DEBUG_H */
