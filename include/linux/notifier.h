/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/notifier.h>: struct notifier_block, the
 * NOTIFY_* return codes and their conversion to and from errno values, with
 * Linux 6.1 names. Not provided: the notifier chains (atomic, blocking, raw
 * and SRCU heads and their register and call functions); Linux 6.1's
 * kernel/rcu/tiny.c includes this header without using it.
 */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>

struct notifier_block;

/*
 * Declared because the kernel's header includes <linux/srcu.h> for its SRCU
 * chains, and kernel/rcu/rcu.h (Linux 6.1) names struct srcu_struct in
 * prototypes after including this header through tiny.c.
 */
struct srcu_struct;

typedef int (*notifier_fn_t)(struct notifier_block *nb,
			     unsigned long action, void *data);

/* One callback on a chain; higher @priority runs earlier. */
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block __rcu *next;
	int priority;
};

#define NOTIFY_DONE		0x0000	/* not interested in the event */
#define NOTIFY_OK		0x0001	/* event handled */
#define NOTIFY_STOP_MASK	0x8000	/* call no further callbacks */
#define NOTIFY_BAD		(NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP		(NOTIFY_OK | NOTIFY_STOP_MASK)

/* Encodes a negative errno @err as NOTIFY_STOP_MASK | (NOTIFY_OK - @err). */
static inline int notifier_from_errno(int err)
{
	if (!err)
		return NOTIFY_OK;
	return (NOTIFY_OK - err) | NOTIFY_STOP_MASK;
}

/* Decodes notifier_from_errno(): the errno, or 0 if @ret contains none. */
static inline int notifier_to_errno(int ret)
{
	int code = ret & ~NOTIFY_STOP_MASK;

	if (code <= NOTIFY_OK)
		return 0;
	return NOTIFY_OK - code;
}

#endif /* _LINUX_NOTIFIER_H */
