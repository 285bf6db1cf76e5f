/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/sched.h>: the task structure, task
 * states and the scheduler entry points of the emulated machine.
 *
 * Every task is a kernel thread on its own host fiber; there is no user
 * space, no signals and no priority. Scheduling is cooperative and seeded:
 * see docs/DESIGN.md. Tasks never migrate except when their CPU goes
 * offline.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/timer.h>
#include <asm/processor.h>
#include <lkl/machine.h>

#define TASK_RUNNING			0x00000000
#define TASK_INTERRUPTIBLE		0x00000001
#define TASK_UNINTERRUPTIBLE		0x00000002
#define __TASK_STOPPED			0x00000004
#define __TASK_TRACED			0x00000008
#define EXIT_DEAD			0x00000010
#define EXIT_ZOMBIE			0x00000020
#define TASK_PARKED			0x00000040
#define TASK_DEAD			0x00000080
#define TASK_WAKEKILL			0x00000100
#define TASK_WAKING			0x00000200
#define TASK_NOLOAD			0x00000400
#define TASK_NEW			0x00000800

#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004
#define PF_KTHREAD		0x00200000
#define PF_NO_SETAFFINITY	0x04000000

#define TASK_COMM_LEN		16
#define MAX_SCHEDULE_TIMEOUT	LONG_MAX

struct lkl_held_lock {
	struct lockdep_map *map;
	unsigned long ip;
};

/* Emulation state of a task, private to lkl-shim. */
struct lkl_task {
	struct lkl_host_fiber *fiber;
	struct list_head run_list;	/* on its CPU's runqueue */
	bool on_rq;
	bool need_resched;
	bool bound;			/* kthread_bind()ed or per-CPU */
	unsigned long blocked_ip;	/* where it last went to sleep */
	unsigned long blocked_since;	/* jiffies */
	bool hung_reported;
	int (*threadfn)(void *data);
	void *data;
	struct list_head all_list;	/* on the list of every task */
	unsigned int lockdep_depth;
	struct lkl_held_lock held_locks[MAX_LOCK_DEPTH];
};

struct task_struct {
	unsigned int __state;
	unsigned int flags;		/* PF_* */
	pid_t pid;
	int cpu;			/* the CPU it runs on */
	atomic_t usage;			/* get_task_struct() references */
	void *kthread;			/* struct kthread, for kthread tasks */
	int exit_code;
	char comm[TASK_COMM_LEN];
	struct lkl_task lkl;
};

static __always_inline struct task_struct *get_current(void)
{
	return lkl_this_cpu->curr;
}
#define current get_current()

#define task_cpu(p)		((unsigned int)READ_ONCE((p)->cpu))
#define task_is_running(p)	(READ_ONCE((p)->__state) == TASK_RUNNING)
#define is_idle_task(p)		(!!((p)->flags & PF_IDLE))
#define task_pid_nr(p)		((p)->pid)

#define __set_current_state(state_value) \
	WRITE_ONCE(current->__state, (state_value))
#define set_current_state(state_value) \
	smp_store_mb(current->__state, (state_value))
#define set_special_state(state_value) __set_current_state(state_value)
#define get_current_state()	READ_ONCE(current->__state)

static inline void set_tsk_need_resched(struct task_struct *tsk)
{
	WRITE_ONCE(tsk->lkl.need_resched, true);
}

static inline void clear_tsk_need_resched(struct task_struct *tsk)
{
	WRITE_ONCE(tsk->lkl.need_resched, false);
}

static inline bool test_tsk_need_resched(struct task_struct *tsk)
{
	return READ_ONCE(tsk->lkl.need_resched);
}

static __always_inline bool need_resched(void)
{
	return test_tsk_need_resched(current);
}

static inline int signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int signal_pending_state(unsigned int state,
				       struct task_struct *p)
{
	return 0;
}

void schedule(void);
void schedule_idle(void);
void schedule_preempt_disabled(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
void yield(void);
int __cond_resched(void);
#define cond_resched() ({ __might_resched(__FILE__, __LINE__, 0); \
			  __cond_resched(); })
int wake_up_process(struct task_struct *tsk);
int wake_up_state(struct task_struct *tsk, unsigned int state);
void resched_cpu(int cpu);
int idle_cpu(int cpu);
struct task_struct *idle_task(int cpu);
void sched_set_fifo(struct task_struct *p);
void sched_set_fifo_low(struct task_struct *p);
void sched_set_normal(struct task_struct *p, int nice);

/* Priorities are not emulated: every task has the same one. */
static inline void set_user_nice(struct task_struct *p, long nice)
{
}

void __might_resched(const char *file, int line, unsigned int offsets);
void __might_sleep(const char *file, int line);

void __put_task_struct(struct task_struct *t);

static inline struct task_struct *get_task_struct(struct task_struct *t)
{
	atomic_inc(&t->usage);
	return t;
}

static inline void put_task_struct(struct task_struct *t)
{
	if (atomic_dec_and_test(&t->usage))
		__put_task_struct(t);
}

static inline unsigned int task_state_index(struct task_struct *tsk)
{
	return READ_ONCE(tsk->__state);
}

#define sched_annotate_sleep()	do { } while (0)

#endif /* _LINUX_SCHED_H */
