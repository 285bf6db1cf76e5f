/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/irqflags.h>: the interrupt-enable flag
 * of the emulated CPU.
 *
 * The saved flags word has bit 9 (x86's IF) set when interrupts were on.
 * Enabling interrupts is a scheduling point, where a pending timer
 * interrupt or IPI is delivered.
 */
#ifndef _LINUX_TRACE_IRQFLAGS_H
#define _LINUX_TRACE_IRQFLAGS_H

#include <linux/compiler.h>
#include <linux/typecheck.h>
#include <lkl/machine.h>

#define LKL_IRQ_FLAG_ENABLED	0x200UL

void lkl_irq_disable(void);
void lkl_irq_enable(void);
unsigned long lkl_irq_save(void);
void lkl_irq_restore(unsigned long flags);

static __always_inline unsigned long lkl_irq_flags(void)
{
	return lkl_this_cpu->irqs_disabled ? 0 : LKL_IRQ_FLAG_ENABLED;
}

#define raw_irqs_disabled_flags(flags)	(!((flags) & LKL_IRQ_FLAG_ENABLED))
#define irqs_disabled_flags(flags)	raw_irqs_disabled_flags(flags)
#define raw_irqs_disabled()		(lkl_this_cpu->irqs_disabled)
#define irqs_disabled()			raw_irqs_disabled()

#define raw_local_irq_disable()		lkl_irq_disable()
#define raw_local_irq_enable()		lkl_irq_enable()
#define raw_local_save_flags(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		flags = lkl_irq_flags();		\
	} while (0)
#define raw_local_irq_save(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		flags = lkl_irq_save();			\
	} while (0)
#define raw_local_irq_restore(flags)			\
	do {						\
		typecheck(unsigned long, flags);	\
		lkl_irq_restore(flags);			\
	} while (0)

#define local_irq_disable()		raw_local_irq_disable()
#define local_irq_enable()		raw_local_irq_enable()
#define local_save_flags(flags)		raw_local_save_flags(flags)
#define local_irq_save(flags)		raw_local_irq_save(flags)
#define local_irq_restore(flags)	raw_local_irq_restore(flags)
#define safe_halt()			lkl_irq_enable()

#define lockdep_assert_irqs_enabled()	WARN_ON_ONCE(irqs_disabled())
#define lockdep_assert_irqs_disabled()	WARN_ON_ONCE(!irqs_disabled())
#define lockdep_assert_in_irq()		WARN_ON_ONCE(!in_hardirq())

#endif /* _LINUX_TRACE_IRQFLAGS_H */
