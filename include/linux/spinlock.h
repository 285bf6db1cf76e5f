/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/spinlock.h>, with the checks of
 * CONFIG_DEBUG_SPINLOCK.
 *
 * Locks are real (atomic exchange), so they also hold when emulated CPUs
 * run on host threads. A contended lock spins through scheduling points,
 * letting the owner's CPU run. Recursion on one CPU, unlocking a lock that
 * is not held and unlocking from another CPU are BUGs naming both sites.
 * Reader-writer locks are plain spinlocks here.
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <linux/spinlock_types.h>
#include <asm/processor.h>

void lkl_spin_lock(raw_spinlock_t *lock, unsigned long ip);
int lkl_spin_trylock(raw_spinlock_t *lock, unsigned long ip);
void lkl_spin_unlock(raw_spinlock_t *lock, unsigned long ip);

#define raw_spin_lock_init(lock)				\
	do { *(lock) = __RAW_SPIN_LOCK_UNLOCKED(lock); } while (0)
#define spin_lock_init(lock)					\
	do { *(lock) = __SPIN_LOCK_UNLOCKED(lock); } while (0)

#define raw_spin_is_locked(lock)	(READ_ONCE((lock)->locked) != 0)
#define spin_is_locked(lock)		raw_spin_is_locked(&(lock)->rlock)
#define assert_raw_spin_locked(lock)	BUG_ON(!raw_spin_is_locked(lock))
#define assert_spin_locked(lock)	assert_raw_spin_locked(&(lock)->rlock)

#define raw_spin_lock(lock)					\
	do {							\
		preempt_disable();				\
		lkl_spin_lock((lock), _THIS_IP_);		\
	} while (0)
#define raw_spin_lock_nested(lock, subclass)	raw_spin_lock(lock)
#define raw_spin_unlock(lock)					\
	do {							\
		lkl_spin_unlock((lock), _THIS_IP_);		\
		preempt_enable();				\
	} while (0)
#define raw_spin_trylock(lock)					\
({								\
	int __locked;						\
	preempt_disable();					\
	__locked = lkl_spin_trylock((lock), _THIS_IP_);		\
	if (!__locked)						\
		preempt_enable();				\
	__locked;						\
})
#define raw_spin_lock_irq(lock)					\
	do {							\
		local_irq_disable();				\
		raw_spin_lock(lock);				\
	} while (0)
#define raw_spin_unlock_irq(lock)				\
	do {							\
		lkl_spin_unlock((lock), _THIS_IP_);		\
		local_irq_enable();				\
		preempt_enable();				\
	} while (0)
#define raw_spin_lock_irqsave(lock, flags)			\
	do {							\
		local_irq_save(flags);				\
		raw_spin_lock(lock);				\
	} while (0)
#define raw_spin_lock_irqsave_nested(lock, flags, subclass)	\
	raw_spin_lock_irqsave(lock, flags)
#define raw_spin_unlock_irqrestore(lock, flags)			\
	do {							\
		lkl_spin_unlock((lock), _THIS_IP_);		\
		local_irq_restore(flags);			\
		preempt_enable();				\
	} while (0)
#define raw_spin_trylock_irqsave(lock, flags)			\
({								\
	local_irq_save(flags);					\
	raw_spin_trylock(lock) ? 1 :				\
		({ local_irq_restore(flags); 0; });		\
})
#define raw_spin_lock_bh(lock)					\
	do {							\
		local_bh_disable();				\
		lkl_spin_lock((lock), _THIS_IP_);		\
	} while (0)
#define raw_spin_unlock_bh(lock)				\
	do {							\
		lkl_spin_unlock((lock), _THIS_IP_);		\
		local_bh_enable();				\
	} while (0)

#define spin_lock(lock)			raw_spin_lock(&(lock)->rlock)
#define spin_lock_nested(lock, sub)	raw_spin_lock(&(lock)->rlock)
#define spin_unlock(lock)		raw_spin_unlock(&(lock)->rlock)
#define spin_trylock(lock)		raw_spin_trylock(&(lock)->rlock)
#define spin_lock_irq(lock)		raw_spin_lock_irq(&(lock)->rlock)
#define spin_unlock_irq(lock)		raw_spin_unlock_irq(&(lock)->rlock)
#define spin_lock_irqsave(lock, flags)	\
	raw_spin_lock_irqsave(&(lock)->rlock, flags)
#define spin_lock_irqsave_nested(lock, flags, sub) \
	raw_spin_lock_irqsave(&(lock)->rlock, flags)
#define spin_unlock_irqrestore(lock, flags) \
	raw_spin_unlock_irqrestore(&(lock)->rlock, flags)
#define spin_trylock_irqsave(lock, flags) \
	raw_spin_trylock_irqsave(&(lock)->rlock, flags)
#define spin_lock_bh(lock)		raw_spin_lock_bh(&(lock)->rlock)
#define spin_unlock_bh(lock)		raw_spin_unlock_bh(&(lock)->rlock)

typedef spinlock_t rwlock_t;
#define DEFINE_RWLOCK(x)		DEFINE_SPINLOCK(x)
#define rwlock_init(lock)		spin_lock_init(lock)
#define read_lock(lock)			spin_lock(lock)
#define read_unlock(lock)		spin_unlock(lock)
#define write_lock(lock)		spin_lock(lock)
#define write_unlock(lock)		spin_unlock(lock)
#define read_lock_irqsave(l, f)		spin_lock_irqsave(l, f)
#define read_unlock_irqrestore(l, f)	spin_unlock_irqrestore(l, f)
#define write_lock_irqsave(l, f)	spin_lock_irqsave(l, f)
#define write_unlock_irqrestore(l, f)	spin_unlock_irqrestore(l, f)
#define write_lock_bh(l)		spin_lock_bh(l)
#define write_unlock_bh(l)		spin_unlock_bh(l)
#define read_lock_bh(l)			spin_lock_bh(l)
#define read_unlock_bh(l)		spin_unlock_bh(l)

#endif /* __LINUX_SPINLOCK_H */
