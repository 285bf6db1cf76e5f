/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/wait.h>: wait queues and the
 * wait_event*() family. Interruptible and killable waits behave as
 * uninterruptible ones, because no task ever has a signal pending.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

int default_wake_function(struct wait_queue_entry *wq_entry,
			  unsigned int mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key);

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key);
#define init_waitqueue_head(wq_head) \
	__init_waitqueue_head((wq_head), #wq_head, NULL)

#define DEFINE_WAIT_FUNC(name, function)				\
	struct wait_queue_entry name = {				\
		.private	= current,				\
		.func		= function,				\
		.entry		= LIST_HEAD_INIT((name).entry),		\
	}
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry,
					struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

static inline bool wq_has_sleeper(struct wait_queue_head *wq_head)
{
	smp_mb(); /* pairs with the barrier in set_current_state() */
	return waitqueue_active(wq_head);
}

void add_wait_queue(struct wait_queue_head *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head,
		       struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head,
		 struct wait_queue_entry *wq_entry);

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode,
	       int nr_exclusive, void *key);
#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/*
 * Sleeps in state until condition is true or timeout jiffies pass. Returns
 * the jiffies left (at least 1) if the condition came true, else 0.
 */
#define ___wait_event_lkl(wq_head, condition, state, timeout)		\
({									\
	long __timeout = (timeout);					\
	struct wait_queue_entry __wq_entry;				\
									\
	might_sleep();							\
	init_waitqueue_entry(&__wq_entry, current);			\
	for (;;) {							\
		prepare_to_wait_event(&(wq_head), &__wq_entry, (state));\
		if (condition)						\
			break;						\
		if (!__timeout)						\
			break;						\
		__timeout = schedule_timeout(__timeout);		\
	}								\
	finish_wait(&(wq_head), &__wq_entry);				\
	if ((condition) && !__timeout)					\
		__timeout = 1;						\
	__timeout;							\
})

#define wait_event(wq_head, condition)					\
	do {								\
		if (!(condition))					\
			(void)___wait_event_lkl(wq_head, condition,	\
				TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT); \
	} while (0)
#define wait_event_idle(wq_head, condition)				\
	do {								\
		if (!(condition))					\
			(void)___wait_event_lkl(wq_head, condition,	\
				TASK_IDLE, MAX_SCHEDULE_TIMEOUT);	\
	} while (0)
#define wait_event_timeout(wq_head, condition, timeout)			\
	___wait_event_lkl(wq_head, condition, TASK_UNINTERRUPTIBLE, timeout)
#define wait_event_idle_timeout(wq_head, condition, timeout)		\
	___wait_event_lkl(wq_head, condition, TASK_IDLE, timeout)
#define wait_event_interruptible(wq_head, condition)			\
	({ wait_event(wq_head, condition); 0; })
#define wait_event_killable(wq_head, condition)				\
	({ wait_event(wq_head, condition); 0; })
#define wait_event_interruptible_timeout(wq_head, condition, timeout)	\
	wait_event_timeout(wq_head, condition, timeout)

#endif /* _LINUX_WAIT_H */
