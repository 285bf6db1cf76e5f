/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/kernel.h>: includes the same headers as
 * Linux 6.1 (except static_call_types.h and asm/byteorder.h, which the shim
 * lacks) and defines the sleep annotations and small helpers.
 *
 * might_sleep() calls __might_sleep(), which the scheduler side of the
 * shim implements (lkl-shim/locking.c): it reports sleeping in atomic
 * context. With
 * CONFIG_PREEMPT_NONE, might_resched() is a no-op, as in the kernel.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/array_size.h>
#include <linux/limits.h>
#include <linux/linkage.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/build_bug.h>
#include <linux/instruction_pointer.h>
#include <linux/sprintf.h>

#define STACK_MAGIC	0xdeadbeef

/* A word with every byte equal to x. */
#define REPEAT_BYTE(x)	((~0ul / 0xff) * (x))

#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_16_bits(n) ((u16)((n) >> 16))
#define lower_16_bits(n) ((u16)((n) & 0xffff))

#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(x))

/* Implemented by the scheduler side of the shim. */
void __might_sleep(const char *file, int line);
void __might_resched(const char *file, int line, unsigned int offsets);
/* NOTE: no shim file defines __cant_sleep() yet, so cant_sleep() fails to link. */
void __cant_sleep(const char *file, int line, int preempt_offset);

#define might_resched()		do { } while (0)

/* Annotates code that may sleep; reports the call site in atomic context. */
#define might_sleep()							\
	do {								\
		__might_sleep(__FILE__, __LINE__);			\
		might_resched();					\
	} while (0)

#define might_sleep_if(cond)						\
	do {								\
		if (cond)						\
			might_sleep();					\
	} while (0)

/* Annotates code that must run in atomic context. */
#define cant_sleep()							\
	do {								\
		__cant_sleep(__FILE__, __LINE__, 0);			\
	} while (0)

#define cant_migrate()		do { } while (0)
#define might_fault()		might_sleep()
#define sched_annotate_sleep()	do { } while (0)

/*
 * The boot stage, which RCU and the debug checks read. lkl-shim/params.c
 * defines it as SYSTEM_BOOTING; the boot code is expected to advance it.
 */
enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_FREEING_INITMEM,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
};
extern enum system_states system_state;

extern int oops_in_progress;

extern const char hex_asc[];
#define hex_asc_lo(x)	hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x)	hex_asc[((x) & 0xf0) >> 4]

/* Value of the hex digit ch, or -1 if ch is not one. */
int hex_to_bin(unsigned char ch);

/* Not emulated: tracing goes to the console like printk(). */
#define trace_printk(fmt, ...)	printk(KERN_INFO fmt, ##__VA_ARGS__)
#define tracing_off()		do { } while (0)

#endif /* _LINUX_KERNEL_H */
