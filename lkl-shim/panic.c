// SPDX-License-Identifier: GPL-2.0
/*
 * BUG(), WARN() and panic() reports of the emulated kernel, in the kernel's
 * console format so that tools that parse kernel logs recognise them, and
 * the taint mask. A WARN at one call site is printed at most
 * LKL_WARN_PRINT_LIMIT times; every one is counted in lkl_warn_count.
 */

#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/moduleparam.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <lkl/debug.h>
#include <lkl/host.h>
#include <lkl/machine.h>

unsigned long lkl_warn_count;

int panic_on_warn;
core_param(panic_on_warn, panic_on_warn, int, 0644);
MODULE_PARM_DESC(panic_on_warn, "panic (abort the run) on the first WARN()");

int oops_in_progress;
static unsigned long tainted_mask;
static int panic_started;

/* How many reports one WARN call site prints before going quiet. */
#define LKL_WARN_PRINT_LIMIT	3
#define LKL_WARN_SITES		512

/* Per call-site WARN counts; a full table means every WARN is printed. */
static struct {
	const char *file;
	int line;
	unsigned long count;
} warn_sites[LKL_WARN_SITES];
static int warn_sites_lock;

void add_taint(unsigned int flag, enum lockdep_ok lockdep_ok)
{
	__atomic_fetch_or(&tainted_mask, 1UL << flag, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(add_taint);

int test_taint(unsigned int flag)
{
	return (__atomic_load_n(&tainted_mask, __ATOMIC_RELAXED) >> flag) & 1;
}
EXPORT_SYMBOL(test_taint);

unsigned long get_taint(void)
{
	return __atomic_load_n(&tainted_mask, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(get_taint);

static void print_cpu_line(void)
{
	pr_emerg("CPU: %d PID: %d Comm: %s%s\n", lkl_current_cpu_id(),
		 lkl_current_pid(), lkl_current_comm(),
		 get_taint() ? " Tainted" : " Not tainted");
}

static void print_backtrace(void)
{
	pr_emerg("Call Trace:\n");
	lkl_printk_flush();
	lkl_host_dump_stack();
}

/* Returns the number of WARNs so far at file:line, this one included. */
static unsigned long count_warn_site(const char *file, int line)
{
	unsigned long h = ((unsigned long)file >> 3) * 31 + (unsigned long)line;
	unsigned long count = 1;
	int i;

	while (__atomic_exchange_n(&warn_sites_lock, 1, __ATOMIC_ACQUIRE))
		__builtin_ia32_pause();
	for (i = 0; i < LKL_WARN_SITES; i++) {
		int slot = (h + i) % LKL_WARN_SITES;

		if (!warn_sites[slot].file) {
			warn_sites[slot].file = file;
			warn_sites[slot].line = line;
		}
		if (warn_sites[slot].file == file &&
		    warn_sites[slot].line == line) {
			count = ++warn_sites[slot].count;
			break;
		}
	}
	__atomic_store_n(&warn_sites_lock, 0, __ATOMIC_RELEASE);
	return count;
}

void lkl_warn(const char *file, int line, const char *func,
	      const char *fmt, ...)
{
	unsigned long site_count;
	va_list args;

	__atomic_fetch_add(&lkl_warn_count, 1, __ATOMIC_RELAXED);
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	site_count = count_warn_site(file, line);

	if (site_count <= LKL_WARN_PRINT_LIMIT || READ_ONCE(panic_on_warn)) {
		pr_warn("------------[ cut here ]------------\n");
		pr_warn("WARNING: CPU: %d PID: %d at %s:%d %s\n",
			lkl_current_cpu_id(), lkl_current_pid(), file, line,
			func);
		if (fmt) {
			va_start(args, fmt);
			vprintk(fmt, args);
			va_end(args);
			lkl_printk_flush();
		}
		print_cpu_line();
		print_backtrace();
		pr_warn("---[ end trace 0000000000000000 ]---\n");
		if (site_count == LKL_WARN_PRINT_LIMIT)
			pr_warn("WARNING: further warnings at %s:%d are counted but not printed\n",
				file, line);
	}

	if (READ_ONCE(panic_on_warn))
		panic("panic_on_warn set ...\n");
}
EXPORT_SYMBOL(lkl_warn);

void lkl_bug(const char *file, int line, const char *func)
{
	WRITE_ONCE(oops_in_progress, 1);
	pr_emerg("------------[ cut here ]------------\n");
	pr_emerg("kernel BUG at %s:%d!\n", file, line);
	pr_emerg("RIP: %s\n", func);
	print_cpu_line();
	print_backtrace();
	pr_emerg("---[ end trace 0000000000000000 ]---\n");
	lkl_printk_flush();
	lkl_host_abort();
}
EXPORT_SYMBOL(lkl_bug);

void lkl_report_bug(const char *fmt, ...)
{
	char msg[512];
	va_list args;

	WRITE_ONCE(oops_in_progress, 1);
	va_start(args, fmt);
	lkl_vformat(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_emerg("BUG: %s", msg);
	lkl_printk_flush();
	print_cpu_line();
	print_backtrace();
	pr_emerg("---[ end trace 0000000000000000 ]---\n");
	lkl_printk_flush();
	lkl_host_abort();
}

void panic(const char *fmt, ...)
{
	char msg[512];
	va_list args;
	size_t len;

	/* A panic while panicking (say, from a WARN on the way) stops at once. */
	if (__atomic_exchange_n(&panic_started, 1, __ATOMIC_ACQ_REL))
		lkl_host_abort();

	WRITE_ONCE(oops_in_progress, 1);
	va_start(args, fmt);
	lkl_vformat(msg, sizeof(msg), fmt, args);
	va_end(args);
	len = strlen(msg);
	if (len && msg[len - 1] == '\n')
		msg[len - 1] = '\0';

	lkl_printk_flush();
	pr_emerg("Kernel panic - not syncing: %s\n", msg);
	print_cpu_line();
	print_backtrace();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	lkl_printk_flush();
	lkl_host_abort();
}
EXPORT_SYMBOL(panic);
