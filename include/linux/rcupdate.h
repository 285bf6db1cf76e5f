/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Read-copy update (RCU): read-side critical sections, accessors for
 * RCU-protected pointers, the update side and kfree_rcu().
 *
 * Stands in for the kernel's <linux/rcupdate.h> with Linux 6.1 names and
 * signatures; the flavour-specific part comes from <linux/rcutiny.h> or
 * <linux/rcutree.h>. Read-side sections are always reported to lockdep, as
 * with CONFIG_DEBUG_LOCK_ALLOC and CONFIG_PROVE_RCU, so RCU_LOCKDEP_WARN()
 * checks are always on. Not provided: preemptible RCU, RCU Tasks, SRCU.
 */
#ifndef __LINUX_RCUPDATE_H
#define __LINUX_RCUPDATE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/build_bug.h>
#include <linux/bug.h>
#include <linux/limits.h>
#include <linux/atomic.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/lockdep.h>
#include <asm/barrier.h>

/* Wrap-safe comparisons of free-running counters such as grace periods. */
#define ULONG_CMP_GE(a, b)	(ULONG_MAX / 2 >= (a) - (b))
#define ULONG_CMP_LT(a, b)	(ULONG_MAX / 2 < (a) - (b))
#define ulong2long(a)		(*(long *)(&(a)))
#define USHORT_CMP_GE(a, b)	(USHRT_MAX / 2 >= (unsigned short)((a) - (b)))
#define USHORT_CMP_LT(a, b)	(USHRT_MAX / 2 < (unsigned short)((a) - (b)))

/* Update side, common to all flavours. */
void call_rcu(struct rcu_head *head, rcu_callback_t func);
void synchronize_rcu(void);

/* Polled grace periods: a cookie that no grace period can still be after. */
struct rcu_gp_oldstate;
unsigned long get_completed_synchronize_rcu(void);
void get_completed_synchronize_rcu_full(struct rcu_gp_oldstate *rgosp);

/* Number of distinct cookies that can belong to unfinished grace periods. */
#define NUM_ACTIVE_RCU_POLL_OLDSTATE 2

static inline bool same_state_synchronize_rcu(unsigned long oldstate1,
					      unsigned long oldstate2)
{
	return oldstate1 == oldstate2;
}

/*
 * Non-preemptible RCU: a read-side critical section is a region with
 * preemption disabled, so its nesting depth is not tracked by RCU itself.
 */
#ifdef CONFIG_TINY_RCU
#define rcu_read_unlock_strict() do { } while (0)
#else
void rcu_read_unlock_strict(void);
#endif

static __always_inline void __rcu_read_lock(void)
{
	preempt_disable();
}

static __always_inline void __rcu_read_unlock(void)
{
	if (IS_ENABLED(CONFIG_RCU_STRICT_GRACE_PERIOD))
		rcu_read_unlock_strict();
	preempt_enable();
}

static inline int rcu_preempt_depth(void)
{
	return 0;
}

/*
 * Hooks called by the scheduler and the boot code. rcu_init() registers
 * RCU_SOFTIRQ; rcu_sched_clock_irq() runs from the tick in hardirq context
 * with @user nonzero only when the tick interrupted user mode.
 * rcu_note_context_switch(), rcu_idle_enter()/rcu_idle_exit() and
 * rcu_irq_enter()/rcu_irq_exit() come from the flavour header.
 */
void rcu_init(void);
extern int rcu_scheduler_active;
void rcu_sched_clock_irq(int user);
void rcu_report_dead(unsigned int cpu);
void rcutree_migrate_callbacks(int cpu);

static inline void rcu_init_tasks_generic(void) { }
static inline void rcu_sysrq_start(void) { }
static inline void rcu_sysrq_end(void) { }
static __always_inline void rcu_irq_work_resched(void) { }
static inline void rcu_init_nohz(void) { }
static inline void rcu_nocb_flush_deferred_wakeup(void) { }

/* Idle-loop code that uses RCU: this shim never hides idle CPUs from RCU. */
#define RCU_NONIDLE(a) do { a; } while (0)

/* RCU Tasks is not configured: its hooks and names fold into plain RCU. */
#define rcu_tasks_classic_qs(t, preempt) do { } while (0)
#define rcu_tasks_qs(t, preempt) do { } while (0)
#define rcu_note_voluntary_context_switch(t) do { } while (0)
#define call_rcu_tasks call_rcu
#define synchronize_rcu_tasks synchronize_rcu
static inline void exit_tasks_rcu_start(void) { }
static inline void exit_tasks_rcu_stop(void) { }
static inline void exit_tasks_rcu_finish(void) { }
static inline bool rcu_trace_implies_rcu_gp(void) { return true; }

#define cond_resched_tasks_rcu_qs() \
do { \
	rcu_tasks_qs(current, false); \
	cond_resched(); \
} while (0)

#if defined(CONFIG_TREE_RCU)
#include <linux/rcutree.h>
#elif defined(CONFIG_TINY_RCU)
#include <linux/rcutiny.h>
#else
#error "no RCU flavour configured: set CONFIG_TINY_RCU or CONFIG_TREE_RCU"
#endif

/*
 * Our own flavours catch a double call_rcu() themselves, so their rcu_head
 * needs no initialization. With CONFIG_DEBUG_OBJECTS_RCU_HEAD (Linux 6.1's
 * tiny.c) the debug-objects checker tracks heads, as in the kernel.
 */
#if IS_ENABLED(CONFIG_DEBUG_OBJECTS_RCU_HEAD)
void init_rcu_head(struct rcu_head *head);
void destroy_rcu_head(struct rcu_head *head);
void init_rcu_head_on_stack(struct rcu_head *head);
void destroy_rcu_head_on_stack(struct rcu_head *head);
#else
static inline void init_rcu_head(struct rcu_head *head) { }
static inline void destroy_rcu_head(struct rcu_head *head) { }
static inline void init_rcu_head_on_stack(struct rcu_head *head) { }
static inline void destroy_rcu_head_on_stack(struct rcu_head *head) { }
#endif

static inline bool rcu_lockdep_current_cpu_online(void) { return true; }

/* Lockdep maps of the read-side flavours and of callback invocation. */
extern struct lockdep_map rcu_lock_map;
extern struct lockdep_map rcu_bh_lock_map;
extern struct lockdep_map rcu_sched_lock_map;
extern struct lockdep_map rcu_callback_map;

/* Records entry to a read-side section as a recursive read acquisition. */
static __always_inline void rcu_lock_acquire(struct lockdep_map *map)
{
	lock_acquire(map, 0, 0, 2, 0, NULL, _THIS_IP_);
}

static __always_inline void rcu_lock_release(struct lockdep_map *map)
{
	lock_release(map, _THIS_IP_);
}

int debug_lockdep_rcu_enabled(void);
int rcu_read_lock_held(void);
int rcu_read_lock_bh_held(void);
int rcu_read_lock_sched_held(void);
int rcu_read_lock_any_held(void);

/**
 * RCU_LOCKDEP_WARN - warn once per call site if @c is true
 * @c: condition that indicates misuse of RCU
 * @s: description of the misuse
 *
 * The warning comes from the expanding call site, with a backtrace.
 */
#define RCU_LOCKDEP_WARN(c, s)						\
	do {								\
		static bool __rcu_lockdep_warned;			\
		if (debug_lockdep_rcu_enabled() && (c) &&		\
		    !__rcu_lockdep_warned) {				\
			__rcu_lockdep_warned = true;			\
			WARN(1, "suspicious RCU usage: %s\n", s);	\
		}							\
	} while (0)

static inline void rcu_preempt_sleep_check(void)
{
	RCU_LOCKDEP_WARN(lock_is_held(&rcu_lock_map),
			 "Illegal context switch in RCU read-side critical section");
}

#define rcu_sleep_check()						\
	do {								\
		rcu_preempt_sleep_check();				\
		RCU_LOCKDEP_WARN(lock_is_held(&rcu_bh_lock_map),	\
			"Illegal context switch in RCU-bh read-side critical section"); \
		RCU_LOCKDEP_WARN(lock_is_held(&rcu_sched_lock_map),	\
			"Illegal context switch in RCU-sched read-side critical section"); \
	} while (0)

/* Type check only: sparse is not run, so __rcu is an empty annotation. */
#define rcu_check_sparse(p, space) ((void)sizeof(*(p)))

#define __unrcu_pointer(p, local)					\
({									\
	typeof(*p) *local = (typeof(*p) *__force)(p);			\
	rcu_check_sparse(p, __rcu);					\
	((typeof(*p) __force __kernel *)(local));			\
})

/* Converts an __rcu pointer to a plain one, for use with xchg() and such. */
#define unrcu_pointer(p) __unrcu_pointer(p, __UNIQUE_ID(rcu))

#define __rcu_access_pointer(p, local, space)				\
({									\
	typeof(*p) *local = (typeof(*p) *__force)READ_ONCE(p);		\
	rcu_check_sparse(p, space);					\
	((typeof(*p) __force __kernel *)(local));			\
})

/*
 * The load is ordered before any dereference through its value. It is a
 * consume load (clang makes it an acquire, free on x86) rather than the
 * kernel's READ_ONCE(), so that ThreadSanitizer sees the ordering with
 * rcu_assign_pointer()'s release in threaded mode.
 */
#define __rcu_dereference_check(p, local, c, space)			\
({									\
	typeof(*p) *local = (typeof(*p) *__force)			\
		__atomic_load_n(&(p), __ATOMIC_CONSUME);		\
	RCU_LOCKDEP_WARN(!(c), "suspicious rcu_dereference_check() usage"); \
	rcu_check_sparse(p, space);					\
	((typeof(*p) __force __kernel *)(local));			\
})

#define __rcu_dereference_protected(p, local, c, space)		\
({									\
	RCU_LOCKDEP_WARN(!(c), "suspicious rcu_dereference_protected() usage"); \
	rcu_check_sparse(p, space);					\
	((typeof(*p) __force __kernel *)(p));				\
})

#define __rcu_dereference_raw(p, local)					\
({									\
	typeof(p) local = __atomic_load_n(&(p), __ATOMIC_CONSUME);	\
	((typeof(*p) __force __kernel *)(local));			\
})

#define rcu_dereference_raw(p) __rcu_dereference_raw(p, __UNIQUE_ID(rcu))

/* Static initializer for an RCU-protected pointer. */
#define RCU_INITIALIZER(v) (typeof(*(v)) __force __rcu *)(v)

/**
 * rcu_assign_pointer() - publish a pointer to readers
 * @p: the RCU-protected pointer, an lvalue
 * @v: the new value
 *
 * A release store: readers that load the new value with rcu_dereference()
 * see every store that initialized the object before publication. NULL
 * needs no ordering. Each argument is evaluated once.
 */
#define rcu_assign_pointer(p, v)					\
do {									\
	uintptr_t _r_a_p__v = (uintptr_t)(v);				\
	rcu_check_sparse(p, __rcu);					\
									\
	if (__builtin_constant_p(v) && (_r_a_p__v) == (uintptr_t)NULL)	\
		WRITE_ONCE((p), (typeof(p))(_r_a_p__v));		\
	else								\
		smp_store_release(&p, RCU_INITIALIZER((typeof(p))_r_a_p__v)); \
} while (0)

/**
 * rcu_replace_pointer() - publish a new pointer, returning the old one
 * @rcu_ptr: the RCU-protected pointer
 * @ptr: the new value
 * @c: the lockdep condition that makes the update side exclusive
 */
#define rcu_replace_pointer(rcu_ptr, ptr, c)				\
({									\
	typeof(ptr) __tmp = rcu_dereference_protected((rcu_ptr), (c));	\
	rcu_assign_pointer((rcu_ptr), (ptr));				\
	__tmp;								\
})

/* Loads an RCU-protected pointer that will not be dereferenced. */
#define rcu_access_pointer(p) __rcu_access_pointer((p), __UNIQUE_ID(rcu), __rcu)

/*
 * rcu_dereference_check(p, c) loads @p for dereferencing and warns unless
 * @c holds or the caller is in an rcu_read_lock() section. The _bh and
 * _sched variants accept the matching read-side sections instead.
 */
#define rcu_dereference_check(p, c) \
	__rcu_dereference_check((p), __UNIQUE_ID(rcu), \
				(c) || rcu_read_lock_held(), __rcu)

#define rcu_dereference_bh_check(p, c) \
	__rcu_dereference_check((p), __UNIQUE_ID(rcu), \
				(c) || rcu_read_lock_bh_held(), __rcu)

#define rcu_dereference_sched_check(p, c) \
	__rcu_dereference_check((p), __UNIQUE_ID(rcu), \
				(c) || rcu_read_lock_sched_held(), __rcu)

#define rcu_dereference_raw_check(p) \
	__rcu_dereference_check((p), __UNIQUE_ID(rcu), 1, __rcu)

/*
 * Update-side access under the lock named by @c: no READ_ONCE(), so only
 * valid while @p cannot change.
 */
#define rcu_dereference_protected(p, c) \
	__rcu_dereference_protected((p), __UNIQUE_ID(rcu), (c), __rcu)

#define rcu_dereference(p) rcu_dereference_check(p, 0)
#define rcu_dereference_bh(p) rcu_dereference_bh_check(p, 0)
#define rcu_dereference_sched(p) rcu_dereference_sched_check(p, 0)

/* Marks where a pointer passes from RCU to another protection scheme. */
#define rcu_pointer_handoff(p) (p)

/**
 * rcu_read_lock() - enter an RCU read-side critical section
 *
 * Objects reached through rcu_dereference() stay valid until the matching
 * rcu_read_unlock(): call_rcu() callbacks and synchronize_rcu() wait for
 * every section that began before them. Sections nest. Blocking inside one
 * is a bug, and so is unlocking in another context than the lock.
 */
static __always_inline void rcu_read_lock(void)
{
	__rcu_read_lock();
	__acquire(RCU);
	rcu_lock_acquire(&rcu_lock_map);
	RCU_LOCKDEP_WARN(!rcu_is_watching(),
			 "rcu_read_lock() used illegally while idle");
}

static __always_inline void rcu_read_unlock(void)
{
	RCU_LOCKDEP_WARN(!rcu_is_watching(),
			 "rcu_read_unlock() used illegally while idle");
	__release(RCU);
	__rcu_read_unlock();
	/* Released after the section ends so lockdep keeps the lock site. */
	rcu_lock_release(&rcu_lock_map);
}

/* An RCU read-side section that also disables softirqs. */
static __always_inline void rcu_read_lock_bh(void)
{
	local_bh_disable();
	__acquire(RCU_BH);
	rcu_lock_acquire(&rcu_bh_lock_map);
	RCU_LOCKDEP_WARN(!rcu_is_watching(),
			 "rcu_read_lock_bh() used illegally while idle");
}

static __always_inline void rcu_read_unlock_bh(void)
{
	RCU_LOCKDEP_WARN(!rcu_is_watching(),
			 "rcu_read_unlock_bh() used illegally while idle");
	rcu_lock_release(&rcu_bh_lock_map);
	__release(RCU_BH);
	local_bh_enable();
}

/* An RCU read-side section that is a preemption-disabled region. */
static __always_inline void rcu_read_lock_sched(void)
{
	preempt_disable();
	__acquire(RCU_SCHED);
	rcu_lock_acquire(&rcu_sched_lock_map);
	RCU_LOCKDEP_WARN(!rcu_is_watching(),
			 "rcu_read_lock_sched() used illegally while idle");
}

static inline notrace void rcu_read_lock_sched_notrace(void)
{
	preempt_disable_notrace();
	__acquire(RCU_SCHED);
}

static __always_inline void rcu_read_unlock_sched(void)
{
	RCU_LOCKDEP_WARN(!rcu_is_watching(),
			 "rcu_read_unlock_sched() used illegally while idle");
	rcu_lock_release(&rcu_sched_lock_map);
	__release(RCU_SCHED);
	preempt_enable();
}

static inline notrace void rcu_read_unlock_sched_notrace(void)
{
	__release(RCU_SCHED);
	preempt_enable_notrace();
}

/*
 * Stores an RCU-protected pointer without ordering: only for NULL, for
 * pointers readers cannot reach yet, or for objects already published.
 */
#define RCU_INIT_POINTER(p, v)						\
	do {								\
		rcu_check_sparse(p, __rcu);				\
		WRITE_ONCE(p, RCU_INITIALIZER(v));			\
	} while (0)

#define RCU_POINTER_INITIALIZER(p, v) .p = RCU_INITIALIZER(v)

/*
 * kfree_rcu() passes the offset of the rcu_head in its object where
 * call_rcu() expects a function. No function lives in the first 4096 bytes
 * of the address space, so callback values below 4096 are offsets.
 */
#define KFREE_RCU_OFFSET_LIMIT	4096
#define __is_kfree_rcu_offset(offset) ((offset) < KFREE_RCU_OFFSET_LIMIT)
#define __is_kvfree_rcu_offset(offset) __is_kfree_rcu_offset(offset)

/*
 * Rejects at build time a kfree_rcu() offset that cannot be encoded. The
 * bound is tested only for a constant, so a run-time offset gets one error.
 */
#define __kfree_rcu_check_offset(offset)				\
do {									\
	BUILD_BUG_ON_MSG(!__builtin_constant_p(offset),			\
		"kfree_rcu(): the offset of the rcu_head is not a compile-time constant"); \
	BUILD_BUG_ON_MSG(__builtin_constant_p(offset) &&		\
			 !__is_kfree_rcu_offset(offset),		\
		"kfree_rcu(): the rcu_head is at an offset of 4096 bytes or more: move it nearer the start of the object or use call_rcu()"); \
} while (0)

/*
 * Queues @head, which sits @offset bytes into a kmalloc()ed object, for
 * kfree() after a grace period. kfree_rcu() checks @offset at build time;
 * this function checks it again at run time for direct callers.
 *
 * The offset goes in place of a callback as in the 2011 kfree_rcu(), but
 * through kvfree_call_rcu(), as Linux 6.1 does, because offset 0 and a
 * NULL function are the same value: call_rcu() itself rejects NULL.
 */
static __always_inline void __kfree_rcu(struct rcu_head *head,
					unsigned long offset)
{
	if (WARN(!__is_kfree_rcu_offset(offset),
		 "__kfree_rcu(): offset %lu of rcu_head not below %d\n",
		 offset, KFREE_RCU_OFFSET_LIMIT))
		return;
	kvfree_call_rcu(head, (rcu_callback_t)offset);
}

/**
 * kfree_rcu() - kfree() an object after a grace period
 * @ptr: the object, allocated with kmalloc(); NULL does nothing
 * @rhf: the name of the struct rcu_head member of *@ptr
 *
 * Queues &@ptr->@rhf with call_rcu(), passing the member's offset in place
 * of a callback, so the caller's module queues no function of its own and
 * needs no rcu_barrier() before unloading. The offset must be a
 * compile-time constant below 4096, or the build fails.
 */
#define kfree_rcu(ptr, rhf)						\
do {									\
	typeof(ptr) ___kfree_rcu_p = (ptr);				\
									\
	__kfree_rcu_check_offset(offsetof(typeof(*(ptr)), rhf));	\
	if (___kfree_rcu_p)						\
		__kfree_rcu(&___kfree_rcu_p->rhf,			\
			    offsetof(typeof(*(ptr)), rhf));		\
} while (0)

/*
 * kvfree_rcu(ptr, rhf) is kfree_rcu() for kmalloc()ed or vmalloc()ed
 * objects, queued with kvfree_call_rcu(). kvfree_rcu(ptr), without an
 * rcu_head, may sleep: it waits for a grace period and then frees.
 */
#define kvfree_rcu(...) KVFREE_GET_MACRO(__VA_ARGS__,			\
	kvfree_rcu_arg_2, kvfree_rcu_arg_1)(__VA_ARGS__)

#define kvfree_rcu_mightsleep(ptr) kvfree_rcu_arg_1(ptr)
#define kfree_rcu_mightsleep(ptr) kvfree_rcu_mightsleep(ptr)

#define KVFREE_GET_MACRO(_1, _2, NAME, ...) NAME

#define kvfree_rcu_arg_2(ptr, rhf)					\
do {									\
	typeof(ptr) ___kvfree_rcu_p = (ptr);				\
									\
	__kfree_rcu_check_offset(offsetof(typeof(*(ptr)), rhf));	\
	if (___kvfree_rcu_p)						\
		kvfree_call_rcu(&___kvfree_rcu_p->rhf, (rcu_callback_t)	\
				(unsigned long)offsetof(typeof(*(ptr)), rhf)); \
} while (0)

#define kvfree_rcu_arg_1(ptr)						\
do {									\
	typeof(ptr) ___kvfree_rcu_p = (ptr);				\
									\
	if (___kvfree_rcu_p)						\
		kvfree_call_rcu(NULL, (rcu_callback_t)(___kvfree_rcu_p)); \
} while (0)

/* UNLOCK followed by LOCK is a full barrier on every supported host. */
#define smp_mb__after_unlock_lock()	do { } while (0)

/**
 * rcu_head_init() - prepare @rhp for rcu_head_after_call_rcu()
 * @rhp: the rcu_head, not yet passed to call_rcu()
 */
static inline void rcu_head_init(struct rcu_head *rhp)
{
	rhp->func = (rcu_callback_t)~0L;
}

/**
 * rcu_head_after_call_rcu() - test whether @rhp was queued with @f
 * @rhp: an rcu_head set up with rcu_head_init()
 * @f: the function expected to have been passed to call_rcu()
 *
 * Returns true if @rhp is queued with @f and false if it was never queued.
 * Warns for anything else, such as a callback that already ran.
 */
static inline bool
rcu_head_after_call_rcu(struct rcu_head *rhp, rcu_callback_t f)
{
	rcu_callback_t func = READ_ONCE(rhp->func);

	if (func == f)
		return true;
	WARN_ON_ONCE(func != (rcu_callback_t)~0L);
	return false;
}

#endif /* __LINUX_RCUPDATE_H */
