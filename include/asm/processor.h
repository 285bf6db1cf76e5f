/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the architecture's <asm/processor.h>: only cpu_relax(),
 * which is a scheduling point of the emulated machine, so a busy-wait loop
 * lets interrupts in and, on SMP, lets the CPU it waits for run.
 */
#ifndef _ASM_LKL_PROCESSOR_H
#define _ASM_LKL_PROCESSOR_H

#include <lkl/machine.h>

static inline void cpu_relax(void)
{
	lkl_sched_point();
}

#endif /* _ASM_LKL_PROCESSOR_H */
