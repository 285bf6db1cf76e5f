/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/printk.h>, implemented by
 * lkl-shim/printk.c. Messages go straight to the console (stdout) with a
 * timestamp of emulated time, filtered by the loglevel= parameter; there is
 * no log buffer, no dmesg and no console drivers.
 *
 * pr_debug() is always compiled in (as if dynamic debug enabled every call
 * site) and printed only with loglevel=8, so debugging needs no rebuild.
 * The _ratelimited() forms print the first 10 messages of each call site and
 * drop the rest, with no time window.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/stdarg.h>
#include <linux/kern_levels.h>
#include <linux/compiler.h>
#include <linux/types.h>

/* Messages below this level are printed; set with the loglevel= parameter. */
extern int console_loglevel;
#define CONSOLE_LOGLEVEL_DEFAULT	7
#define MESSAGE_LOGLEVEL_DEFAULT	4

/* Level of the message (digit after KERN_SOH), or 0 if it has no prefix. */
static inline int printk_get_level(const char *buffer)
{
	if (buffer[0] == KERN_SOH_ASCII && buffer[1]) {
		switch (buffer[1]) {
		case '0' ... '7':
		case 'c':
			return buffer[1];
		}
	}
	return 0;
}

/* Skips the level prefix of a message. */
static inline const char *printk_skip_level(const char *buffer)
{
	if (printk_get_level(buffer))
		return buffer + 2;
	return buffer;
}

int vprintk(const char *fmt, va_list args) __printf(1, 0);
int _printk(const char *fmt, ...) __printf(1, 2) __cold;
void dump_stack(void) __cold;
void dump_stack_lvl(const char *log_lvl) __cold;

#define printk(fmt, ...)		_printk(fmt, ##__VA_ARGS__)
#define printk_deferred(fmt, ...)	_printk(fmt, ##__VA_ARGS__)
#define vprintk_deferred(fmt, args)	vprintk(fmt, args)

/* Checks the format and arguments, prints nothing. */
#define no_printk(fmt, ...)				\
({							\
	if (0)						\
		_printk(fmt, ##__VA_ARGS__);		\
	0;						\
})

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning(fmt, ...)	pr_warn(fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
/* Continues a line; takes no pr_fmt() prefix, as in the kernel. */
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

/*
 * Runs the printk once per call site. The flag is taken with an atomic
 * exchange, so two host threads cannot both print.
 */
#define printk_once(fmt, ...)						\
({									\
	static bool __print_once;					\
	bool __ret_print_once =						\
		!__atomic_exchange_n(&__print_once, true, __ATOMIC_RELAXED); \
	if (__ret_print_once)						\
		printk(fmt, ##__VA_ARGS__);				\
	__ret_print_once;						\
})
#define printk_deferred_once(fmt, ...)	printk_once(fmt, ##__VA_ARGS__)

#define pr_emerg_once(fmt, ...)	printk_once(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert_once(fmt, ...)	printk_once(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit_once(fmt, ...)	printk_once(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...)	printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_once(fmt, ...) printk_once(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont_once(fmt, ...)	printk_once(KERN_CONT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug_once(fmt, ...)	printk_once(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel_once(fmt, ...)	printk_once(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

/* Maximum number of messages one _ratelimited() call site prints. */
#define LKL_PRINTK_RATELIMIT_BURST	10

#define printk_ratelimited(fmt, ...)					\
({									\
	static unsigned int __lkl_rl_count;				\
	if (__atomic_fetch_add(&__lkl_rl_count, 1, __ATOMIC_RELAXED) <	\
	    LKL_PRINTK_RATELIMIT_BURST)					\
		printk(fmt, ##__VA_ARGS__);				\
})

#define pr_emerg_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug_ratelimited(fmt, ...) \
	printk_ratelimited(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

#endif /* _LINUX_PRINTK_H */
