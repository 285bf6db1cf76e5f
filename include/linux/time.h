/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/time.h>. Only the part that comes from
 * <linux/time64.h> is provided. Calendar conversion (time64_to_tm(),
 * mktime64()) and struct itimerspec64 are not. Linux 6.1's
 * kernel/rcu/tiny.c includes this header without using it.
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/time64.h>

#endif /* _LINUX_TIME_H */
