/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/instruction_pointer.h>: the caller's
 * return address and the current code address, as unsigned long.
 */
#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

#define _RET_IP_	(unsigned long)__builtin_return_address(0)
/*
 * The kernel takes the address of a local label. clang does not inline a
 * function that takes a label's address, so rcu_read_lock() would stay an
 * out-of-line call and every report would name it instead of its caller.
 * On x86-64 the address of the instruction itself does the same job.
 */
#if defined(__x86_64__)
#define _THIS_IP_							\
({									\
	unsigned long __here;						\
	__asm__ volatile("leaq 0(%%rip), %0" : "=r"(__here));		\
	__here;								\
})
#else
#define _THIS_IP_	({ __label__ __here; __here: (unsigned long)&&__here; })
#endif

#endif /* _LINUX_INSTRUCTION_POINTER_H */
