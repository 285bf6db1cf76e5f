/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/delay.h>. Busy-wait delays consume
 * emulated time in one-microsecond scheduling points, so ticks, interrupts
 * and other CPUs run during them; sleeping delays block in emulated time.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

#include <linux/math.h>
#include <linux/sched.h>

void ndelay(unsigned long nsecs);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
#define usleep_range_state(min, max, state) usleep_range(min, max)

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * 1000);
}

static inline void fsleep(unsigned long usecs)
{
	if (usecs <= 10)
		udelay(usecs);
	else if (usecs <= 20000)
		usleep_range(usecs, 2 * usecs);
	else
		msleep(DIV_ROUND_UP(usecs, 1000));
}

#endif /* _LINUX_DELAY_H */
