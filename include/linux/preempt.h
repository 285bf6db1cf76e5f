/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/preempt.h>: the preemption counter and
 * the context tests derived from it.
 *
 * The counter is per emulated CPU, as on x86, with the kernel's layout.
 * The kernel is built non-preemptible (CONFIG_PREEMPT_NONE) but with
 * CONFIG_PREEMPT_COUNT, so preempt_disable() counts and sleeping in atomic
 * context is caught. preempt_enable() is a scheduling point: it may take a
 * pending interrupt, but it never switches tasks.
 */
#ifndef __LINUX_PREEMPT_H
#define __LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <lkl/machine.h>

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x)	((1UL << (x)) - 1)

#define PREEMPT_MASK	(__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK	(__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET	(1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET	(1UL << NMI_SHIFT)

/* local_bh_disable() adds twice SOFTIRQ_OFFSET; serving a softirq adds it once. */
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)

#define PREEMPT_DISABLE_OFFSET	PREEMPT_OFFSET
#define PREEMPT_LOCK_OFFSET	PREEMPT_DISABLE_OFFSET
#define SOFTIRQ_LOCK_OFFSET	(SOFTIRQ_DISABLE_OFFSET + PREEMPT_LOCK_OFFSET)

static __always_inline int preempt_count(void)
{
	return READ_ONCE(lkl_this_cpu->preempt_count);
}

/*
 * Out of line so that an underflow is caught: the count is left alone and
 * a WARN names the caller.
 */
void preempt_count_add(int val);
void preempt_count_sub(int val);

#define nmi_count()	(preempt_count() & NMI_MASK)
#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define irq_count()	(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))

#define in_nmi()		(nmi_count())
#define in_hardirq()		(hardirq_count())
#define in_irq()		(hardirq_count())
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)
#define in_softirq()		(softirq_count())
#define in_interrupt()		(irq_count())
#define in_task()		(!(preempt_count() & \
				   (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))

#define in_atomic()		(preempt_count() != 0)
#define in_atomic_preempt_off()	(preempt_count() != PREEMPT_DISABLE_OFFSET)
#define preemptible()		(preempt_count() == 0 && !irqs_disabled())

#define preempt_count_inc()	preempt_count_add(1)
#define preempt_count_dec()	preempt_count_sub(1)

#define preempt_disable()			\
do {						\
	preempt_count_inc();			\
	barrier();				\
} while (0)

#define sched_preempt_enable_no_resched()	\
do {						\
	barrier();				\
	preempt_count_dec();			\
} while (0)

#define preempt_enable_no_resched() sched_preempt_enable_no_resched()

#define preempt_enable()			\
do {						\
	barrier();				\
	preempt_count_dec();			\
	if (!preempt_count())			\
		lkl_sched_point();		\
} while (0)

#define preempt_disable_notrace()	preempt_disable()
#define preempt_enable_notrace()	preempt_enable()
#define preempt_enable_no_resched_notrace() preempt_enable_no_resched()
#define preempt_check_resched()		do { } while (0)

/* The scheduler's need-resched hint for the running task. */
void set_preempt_need_resched(void);
void clear_preempt_need_resched(void);
bool test_preempt_need_resched(void);
bool should_resched(int preempt_offset);

#define migrate_disable()	preempt_disable()
#define migrate_enable()	preempt_enable()

#endif /* __LINUX_PREEMPT_H */
