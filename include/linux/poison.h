/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/poison.h>: values written into freed or
 * unlinked objects so that a later use faults or is recognisable. The list
 * poisons are non-canonical x86-64 addresses, so dereferencing one crashes
 * (and ASan reports it) instead of reading stale memory.
 */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/* 0xdead000000000000, the x86-64 CONFIG_ILLEGAL_POINTER_VALUE. */
#define POISON_POINTER_DELTA 0xdead000000000000UL

#define LIST_POISON1  ((void *) 0x100 + POISON_POINTER_DELTA)
#define LIST_POISON2  ((void *) 0x122 + POISON_POINTER_DELTA)

#define TIMER_ENTRY_STATIC	((void *) 0x300 + POISON_POINTER_DELTA)

#define POISON_INUSE	0x5a	/* for use-uninitialised poisoning */
#define POISON_FREE	0x6b	/* for use-after-free poisoning */
#define POISON_END	0xa5	/* end-byte of poisoning */

#endif /* _LINUX_POISON_H */
