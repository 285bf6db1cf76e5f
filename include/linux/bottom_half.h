/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/bottom_half.h>. local_bh_enable() runs
 * pending softirqs when it re-enables bottom halves outside interrupt
 * context, as the kernel does.
 */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H

#include <linux/preempt.h>
#include <linux/instruction_pointer.h>

void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);
void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);

static inline void local_bh_disable(void)
{
	__local_bh_disable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

static inline void local_bh_enable(void)
{
	__local_bh_enable_ip(_THIS_IP_, SOFTIRQ_DISABLE_OFFSET);
}

static inline void local_bh_enable_ip(unsigned long ip)
{
	__local_bh_enable_ip(ip, SOFTIRQ_DISABLE_OFFSET);
}

void _local_bh_enable(void);

#endif /* _LINUX_BH_H */
