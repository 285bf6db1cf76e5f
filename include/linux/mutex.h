/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/mutex.h>, with the checks of
 * CONFIG_DEBUG_MUTEXES: locking a mutex the task already holds and
 * unlocking one it does not hold are reported with the call sites.
 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;
	unsigned long owner_ip;
	raw_spinlock_t wait_lock;
	struct list_head wait_list;
	struct lockdep_map dep_map;
};

#define __MUTEX_INITIALIZER(lockname) {					\
	.owner = NULL,							\
	.wait_lock = __RAW_SPIN_LOCK_INITIALIZER(lockname.wait_lock),	\
	.wait_list = LIST_HEAD_INIT(lockname.wait_list),		\
	.dep_map = { .name = #lockname },				\
}

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key);
#define mutex_init(mutex)	__mutex_init((mutex), #mutex, NULL)

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
#define mutex_lock_nested(lock, subclass)	mutex_lock(lock)
#define mutex_lock_io(lock)			mutex_lock(lock)
#define mutex_destroy(lock)	WARN_ON(mutex_is_locked(lock))

#endif /* __LINUX_MUTEX_H */
