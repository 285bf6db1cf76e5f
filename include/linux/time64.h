/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/time64.h>: the unit conversion
 * constants, struct timespec64 and the limits of time64_t and ktime_t, with
 * Linux 6.1 names and values. Not provided: timespec64 arithmetic beyond
 * validation and conversion to nanoseconds.
 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>

/* Spelled as in Linux 6.1's vdso/time64.h: an identical #define is legal C. */
#define MSEC_PER_SEC	1000L
#define USEC_PER_MSEC	1000L
#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define USEC_PER_SEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define PSEC_PER_SEC	1000000000000LL
#define FSEC_PER_SEC	1000000000000000LL

typedef __u64 timeu64_t;

struct timespec64 {
	time64_t tv_sec;	/* seconds */
	long tv_nsec;		/* nanoseconds, 0 to NSEC_PER_SEC - 1 */
};

#define TIME64_MAX	((s64)(~0ULL >> 1))
#define TIME64_MIN	(-TIME64_MAX - 1)
#define KTIME_MAX	((s64)(~0ULL >> 1))
#define KTIME_MIN	(-KTIME_MAX - 1)
#define KTIME_SEC_MAX	(KTIME_MAX / NSEC_PER_SEC)

/* True if @ts is a non-negative time with nanoseconds in range. */
static inline bool timespec64_valid(const struct timespec64 *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	       ts->tv_nsec < NSEC_PER_SEC;
}

/* Converts @ts to nanoseconds, saturating at KTIME_MAX and KTIME_MIN. */
static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	if (ts->tv_sec >= KTIME_SEC_MAX)
		return KTIME_MAX;
	if (ts->tv_sec <= KTIME_MIN / NSEC_PER_SEC)
		return KTIME_MIN;
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

#endif /* _LINUX_TIME64_H */
