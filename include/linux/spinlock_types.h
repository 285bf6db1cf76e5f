/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/spinlock_types.h>. Every lock carries a
 * lockdep map, so lockdep_assert_held() works on spinlocks too.
 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>
#include <linux/lockdep.h>

typedef struct raw_spinlock {
	unsigned int locked;
	int owner_cpu;			/* -1 when unlocked */
	unsigned long owner_ip;
	struct lockdep_map dep_map;
} raw_spinlock_t;

/* The union puts dep_map where lockdep_is_held(&spinlock) looks for it. */
typedef struct spinlock {
	union {
		struct raw_spinlock rlock;
		struct {
			u8 __padding[__builtin_offsetof(struct raw_spinlock,
							dep_map)];
			struct lockdep_map dep_map;
		};
	};
} spinlock_t;

#define __RAW_SPIN_LOCK_INITIALIZER(lockname) \
	{ .locked = 0, .owner_cpu = -1, .dep_map = { .name = #lockname } }
#define __RAW_SPIN_LOCK_UNLOCKED(lockname) \
	((raw_spinlock_t)__RAW_SPIN_LOCK_INITIALIZER(lockname))
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_INITIALIZER(x)

#define __SPIN_LOCK_INITIALIZER(lockname) \
	{ .rlock = __RAW_SPIN_LOCK_INITIALIZER(lockname) }
#define __SPIN_LOCK_UNLOCKED(lockname) \
	((spinlock_t)__SPIN_LOCK_INITIALIZER(lockname))
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_INITIALIZER(x)

#endif /* __LINUX_SPINLOCK_TYPES_H */
