/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/timer.h>: jiffies timers. Each CPU
 * keeps a list ordered by expiry; expired timers run from TIMER_SOFTIRQ on
 * the CPU that queued them. Timer flags other than TIMER_PINNED are
 * accepted and ignored.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/jiffies.h>
#include <linux/stddef.h>
#include <linux/debugobjects.h>

struct timer_list {
	struct list_head entry;		/* empty when not pending */
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
	int cpu;
};

#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00100000
#define TIMER_IRQSAFE		0x00200000

#define __TIMER_INITIALIZER(_function, _flags) {		\
		.entry = { NULL, NULL },			\
		.function = (_function),			\
		.flags = (_flags),				\
	}

#define DEFINE_TIMER(_name, _function)				\
	struct timer_list _name =				\
		__TIMER_INITIALIZER(_function, 0)

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags);
#define timer_setup_on_stack(timer, callback, flags) \
	timer_setup((timer), (callback), (flags))
#define destroy_timer_on_stack(timer) do { } while (0)

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

static inline int timer_pending(const struct timer_list *timer)
{
	return timer->entry.next && !list_empty(&timer->entry);
}

void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int mod_timer(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
#define timer_delete(t)		del_timer(t)
#define timer_delete_sync(t)	del_timer_sync(t)
#define try_to_del_timer_sync(t) del_timer(t)

unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long round_jiffies_up(unsigned long j);

#endif /* _LINUX_TIMER_H */
