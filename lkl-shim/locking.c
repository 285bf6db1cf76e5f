// SPDX-License-Identifier: GPL-2.0
/*
 * Spinlocks, mutexes, the held-lock tracking that stands in for lockdep,
 * and the might_sleep() checks.
 */
#include <linux/kernel.h>
#include <linux/smp.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include <linux/printk.h>
#include <linux/panic.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <lkl/debug.h>
#include <lkl/oracle.h>

#include "internal.h"

int debug_locks = 1;

static bool is_rcu_map(const struct lockdep_map *map)
{
	return map->name && !strncmp(map->name, "rcu_read_lock", 13);
}

void lock_acquire(struct lockdep_map *lock, unsigned int subclass,
		  int trylock, int read, int check,
		  struct lockdep_map *nest_lock, unsigned long ip)
{
	struct lkl_task *t = &current->lkl;

	if (t->lockdep_depth >= MAX_LOCK_DEPTH) {
		WARN_ONCE(1, "BUG: MAX_LOCK_DEPTH too low: %s holds %lu locks",
			  current->comm, MAX_LOCK_DEPTH);
		return;
	}
	t->held_locks[t->lockdep_depth].map = lock;
	t->held_locks[t->lockdep_depth].ip = ip;
	t->lockdep_depth++;
	if (is_rcu_map(lock))
		lkl_rcu_oracle_reader_lock(lock, ip);
}

void lock_release(struct lockdep_map *lock, unsigned long ip)
{
	struct lkl_task *t = &current->lkl;
	int i;

	for (i = (int)t->lockdep_depth - 1; i >= 0; i--) {
		if (t->held_locks[i].map != lock)
			continue;
		memmove(&t->held_locks[i], &t->held_locks[i + 1],
			(t->lockdep_depth - i - 1) * sizeof(t->held_locks[0]));
		t->lockdep_depth--;
		if (is_rcu_map(lock))
			lkl_rcu_oracle_reader_unlock(lock, ip);
		return;
	}
	WARN(1, "bad unlock balance: %s/%d released %s at %pS, but does not hold it",
	     current->comm, current->pid,
	     lock->name ? lock->name : "(unnamed lock)", (void *)ip);
	lkl_print_held_locks();
}

int lock_is_held(const struct lockdep_map *lock)
{
	struct lkl_task *t = &current->lkl;
	unsigned int i;

	for (i = 0; i < t->lockdep_depth; i++)
		if (t->held_locks[i].map == lock)
			return 1;
	return 0;
}

int lkl_held_lock_count(void)
{
	return current->lkl.lockdep_depth;
}

static int rcu_nesting_depth(void)
{
	struct lkl_task *t = &current->lkl;
	unsigned int i;
	int n = 0;

	for (i = 0; i < t->lockdep_depth; i++)
		n += is_rcu_map(t->held_locks[i].map);
	return n;
}

void lkl_print_held_locks(void)
{
	struct lkl_task *t = &current->lkl;
	unsigned int i;

	if (!t->lockdep_depth) {
		pr_emerg("no locks held by %s/%d.\n", current->comm,
			 current->pid);
		return;
	}
	pr_emerg("%u lock%s held by %s/%d:\n", t->lockdep_depth,
		 t->lockdep_depth > 1 ? "s" : "", current->comm,
		 current->pid);
	for (i = 0; i < t->lockdep_depth; i++)
		pr_emerg(" #%u: (%s), acquired at %pS\n", i,
			 t->held_locks[i].map->name ?: "(unnamed lock)",
			 (void *)t->held_locks[i].ip);
}

void lkl_check_no_locks_held(const char *file, int line)
{
	if (!lkl_held_lock_count())
		return;
	WARN(1, "%s:%d: task %s/%d still holds locks", file, line,
	     current->comm, current->pid);
	lkl_print_held_locks();
}

/*
 * Sleeping in atomic context, with interrupts off or inside an RCU
 * read-side critical section would deadlock or break RCU, so the run stops
 * here with the call site and the locks held.
 */
void __might_resched(const char *file, int line, unsigned int offsets)
{
	int rcu_depth;

	if (!lkl_machine.running || oops_in_progress)
		return;
	rcu_depth = rcu_nesting_depth();
	if ((preempt_count() & ~offsets) == 0 && !irqs_disabled() &&
	    !rcu_depth)
		return;
	pr_emerg("BUG: sleeping function called from invalid context at %s:%d\n",
		 file, line);
	pr_emerg("in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s\n",
		 in_atomic(), irqs_disabled() ? 1 : 0, current->pid,
		 current->comm);
	pr_emerg("preempt_count: %x, expected: 0\n", preempt_count());
	pr_emerg("RCU nest depth: %d, expected: 0\n", rcu_depth);
	lkl_print_held_locks();
	dump_stack();
	panic("sleeping function called from invalid context at %s:%d",
	      file, line);
}

void __might_sleep(const char *file, int line)
{
	unsigned int state = READ_ONCE(current->__state);

	WARN_ONCE(state != TASK_RUNNING && lkl_machine.running,
		  "do not call blocking ops when !TASK_RUNNING; state=%x set",
		  state);
	__might_resched(file, line, 0);
}

static void __noreturn spin_bug(raw_spinlock_t *lock, const char *msg,
				unsigned long ip)
{
	pr_emerg("BUG: spinlock %s on CPU#%d, %s/%d, at %pS\n", msg,
		 raw_smp_processor_id(), current->comm, current->pid,
		 (void *)ip);
	pr_emerg(" lock: %s, .locked: %u, .owner_cpu: %d, locked at %pS\n",
		 lock->dep_map.name ?: "(unnamed)", lock->locked,
		 lock->owner_cpu, (void *)lock->owner_ip);
	lkl_print_held_locks();
	dump_stack();
	panic("spinlock %s", msg);
}

int lkl_spin_trylock(raw_spinlock_t *lock, unsigned long ip)
{
	if (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		return 0;
	WRITE_ONCE(lock->owner_cpu, raw_smp_processor_id());
	lock->owner_ip = ip;
	lock_acquire(&lock->dep_map, 0, 1, 0, 1, NULL, ip);
	return 1;
}

void lkl_spin_lock(raw_spinlock_t *lock, unsigned long ip)
{
	unsigned long spins = 0;

	while (!lkl_spin_trylock(lock, ip)) {
		/* On one host thread, the owner on this CPU can never run. */
		if (READ_ONCE(lock->owner_cpu) == raw_smp_processor_id())
			spin_bug(lock, "recursion", ip);
		if (++spins == (1UL << 26))
			spin_bug(lock, "lockup suspected", ip);
		cpu_relax();
	}
}

void lkl_spin_unlock(raw_spinlock_t *lock, unsigned long ip)
{
	if (unlikely(!READ_ONCE(lock->locked)))
		spin_bug(lock, "already unlocked", ip);
	if (unlikely(lock->owner_cpu != raw_smp_processor_id()))
		spin_bug(lock, "wrong CPU", ip);
	lock_release(&lock->dep_map, ip);
	WRITE_ONCE(lock->owner_cpu, -1);
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key)
{
	lock->owner = NULL;
	lock->owner_ip = 0;
	raw_spin_lock_init(&lock->wait_lock);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->dep_map.name = name;
}

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

static bool mutex_try_acquire(struct mutex *lock, unsigned long ip)
{
	if (lock->owner)
		return false;
	/* Under wait_lock; the recursion checks read ->owner without it. */
	WRITE_ONCE(lock->owner, current);
	lock->owner_ip = ip;
	return true;
}

static void mutex_lock_common(struct mutex *lock, unsigned long ip)
{
	struct mutex_waiter waiter;

	might_sleep();
	if (READ_ONCE(lock->owner) == current) {
		pr_emerg("BUG: recursive mutex_lock() of %s at %pS by %s/%d, first locked at %pS\n",
			 lock->dep_map.name ?: "(unnamed mutex)", (void *)ip,
			 current->comm, current->pid, (void *)lock->owner_ip);
		dump_stack();
		panic("recursive mutex_lock()");
	}
	raw_spin_lock(&lock->wait_lock);
	if (!mutex_try_acquire(lock, ip)) {
		waiter.task = current;
		list_add_tail(&waiter.list, &lock->wait_list);
		for (;;) {
			__set_current_state(TASK_UNINTERRUPTIBLE);
			raw_spin_unlock(&lock->wait_lock);
			WRITE_ONCE(current->lkl.blocked_ip, ip);
			schedule();
			raw_spin_lock(&lock->wait_lock);
			if (mutex_try_acquire(lock, ip))
				break;
		}
		list_del(&waiter.list);
		__set_current_state(TASK_RUNNING);
	}
	raw_spin_unlock(&lock->wait_lock);
	lock_acquire(&lock->dep_map, 0, 0, 0, 1, NULL, ip);
}

void mutex_lock(struct mutex *lock)
{
	mutex_lock_common(lock, _RET_IP_);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock_common(lock, _RET_IP_);
	return 0;
}

int mutex_lock_killable(struct mutex *lock)
{
	mutex_lock_common(lock, _RET_IP_);
	return 0;
}

int mutex_trylock(struct mutex *lock)
{
	int ret;

	raw_spin_lock(&lock->wait_lock);
	ret = mutex_try_acquire(lock, _RET_IP_);
	raw_spin_unlock(&lock->wait_lock);
	if (ret)
		lock_acquire(&lock->dep_map, 0, 1, 0, 1, NULL, _RET_IP_);
	return ret;
}

void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *waiter;

	if (WARN(READ_ONCE(lock->owner) != current,
		 "mutex_unlock() of %s at %pS by %s/%d, but the owner is %s",
		 lock->dep_map.name ?: "(unnamed mutex)", (void *)_RET_IP_,
		 current->comm, current->pid,
		 lock->owner ? lock->owner->comm : "nobody"))
		return;
	lock_release(&lock->dep_map, _RET_IP_);
	raw_spin_lock(&lock->wait_lock);
	WRITE_ONCE(lock->owner, NULL);
	if (!list_empty(&lock->wait_list)) {
		waiter = list_first_entry(&lock->wait_list,
					  struct mutex_waiter, list);
		wake_up_process(waiter->task);
	}
	raw_spin_unlock(&lock->wait_lock);
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}
