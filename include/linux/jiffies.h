/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/jiffies.h>. Jiffies advance only
 * through the emulated machine's ticks, HZ times per emulated second, and
 * start five minutes before wrap as in the kernel so wrap bugs show early.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/math.h>

#define HZ		CONFIG_HZ
#define USER_HZ		100
#define NSEC_PER_SEC	1000000000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L
#define NSEC_PER_MSEC	1000000L
#define NSEC_PER_USEC	1000L
#define USEC_PER_MSEC	1000L
#define TICK_NSEC	(NSEC_PER_SEC / HZ)

#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))

extern u64 jiffies_64;
/*
 * The kernel's jiffies is a volatile variable. Here it is a relaxed atomic
 * load, so that CPUs on host threads read it without a data race under
 * ThreadSanitizer. It is not an lvalue: only the machine advances time.
 */
extern unsigned long lkl_jiffies;
#define jiffies ((unsigned long)READ_ONCE(lkl_jiffies))

static inline u64 get_jiffies_64(void)
{
	return READ_ONCE(jiffies_64);
}

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_in_range(a, b, c)	(time_after_eq(a, b) && time_before_eq(a, c))
#define time_after64(a, b)	((s64)((b) - (a)) < 0)
#define time_before64(a, b)	time_after64(b, a)
#define time_after_eq64(a, b)	((s64)((a) - (b)) >= 0)
#define time_before_eq64(a, b)	time_after_eq64(b, a)
#define time_is_before_jiffies(a)	time_after(jiffies, a)
#define time_is_after_jiffies(a)	time_before(jiffies, a)
#define time_is_before_eq_jiffies(a)	time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a)	time_before_eq(jiffies, a)

#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return (unsigned int)(j * (MSEC_PER_SEC / HZ));
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return (unsigned int)(j * (USEC_PER_SEC / HZ));
}

static inline u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)j * TICK_NSEC;
}

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	if ((int)m < 0)
		return MAX_JIFFY_OFFSET;
	return DIV_ROUND_UP((unsigned long)m, MSEC_PER_SEC / HZ);
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	if ((int)u < 0)
		return MAX_JIFFY_OFFSET;
	return DIV_ROUND_UP((unsigned long)u, USEC_PER_SEC / HZ);
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)DIV_ROUND_UP(n, (u64)TICK_NSEC);
}

#define secs_to_jiffies(s)	((unsigned long)(s) * HZ)

#endif /* _LINUX_JIFFIES_H */
