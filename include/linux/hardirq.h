/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/hardirq.h>: entering and leaving
 * hardirq context. irq_exit() runs pending softirqs when the interrupt did
 * not nest inside another interrupt or softirq.
 */
#ifndef LINUX_HARDIRQ_H
#define LINUX_HARDIRQ_H

#include <linux/preempt.h>

void irq_enter(void);
void irq_exit(void);

#define nmi_enter()	preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET)
#define nmi_exit()	preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET)

#endif /* LINUX_HARDIRQ_H */
