/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/panic.h>, implemented by
 * lkl-shim/panic.c. panic() prints its message and a backtrace and aborts
 * the host process (SIGABRT); there is no reboot and no panic notifier.
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

void panic(const char *fmt, ...) __printf(1, 2) __noreturn __cold;

/* Core parameter panic_on_warn=1: the first WARN() panics. */
extern int panic_on_warn;

#define TAINT_PROPRIETARY_MODULE	0
#define TAINT_FORCED_MODULE		1
#define TAINT_CPU_OUT_OF_SPEC		2
#define TAINT_FORCED_RMMOD		3
#define TAINT_MACHINE_CHECK		4
#define TAINT_BAD_PAGE			5
#define TAINT_USER			6
#define TAINT_DIE			7
#define TAINT_OVERRIDDEN_ACPI_TABLE	8
#define TAINT_WARN			9
#define TAINT_CRAP			10
#define TAINT_FIRMWARE_WORKAROUND	11
#define TAINT_OOT_MODULE		12
#define TAINT_UNSIGNED_MODULE		13
#define TAINT_SOFTLOCKUP		14
#define TAINT_LIVEPATCH			15
#define TAINT_AUX			16
#define TAINT_RANDSTRUCT		17
#define TAINT_FLAGS_COUNT		18

enum lockdep_ok {
	LOCKDEP_STILL_OK,
	LOCKDEP_NOW_UNRELIABLE,
};

/* Sets bit flag of the taint mask; lockdep_ok is accepted and ignored. */
void add_taint(unsigned int flag, enum lockdep_ok lockdep_ok);
int test_taint(unsigned int flag);
unsigned long get_taint(void);

#endif /* _LINUX_PANIC_H */
