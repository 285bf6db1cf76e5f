/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/interrupt.h>: softirqs.
 *
 * Pending softirqs run at irq_exit(), at local_bh_enable() and from the
 * idle loop of the CPU that raised them. There is no ksoftirqd: a softirq
 * raised by a busy task outside interrupt context runs at the next tick.
 * Hardware interrupt lines (request_irq()) are not emulated.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/hardirq.h>
#include <linux/bottom_half.h>
#include <linux/smp.h>

enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

struct softirq_action {
	void (*action)(struct softirq_action *);
};

extern const char * const softirq_to_name[NR_SOFTIRQS];

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
void __raise_softirq_irqoff(unsigned int nr);
void do_softirq(void);

static inline unsigned long local_softirq_pending(void)
{
	return READ_ONCE(lkl_this_cpu->softirq_pending);
}

#endif /* _LINUX_INTERRUPT_H */
