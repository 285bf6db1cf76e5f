/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/kthread.h>. A new kthread sleeps until
 * woken. Unless bound, it is placed on an online CPU chosen by the seeded
 * generator, so SMP runs spread work without any extra code.
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>

struct completion;

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data, int node,
					   const char namefmt[], ...);

#define NUMA_NO_NODE	(-1)

#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data),
					  void *data, unsigned int cpu,
					  const char *namefmt);

#define kthread_run(threadfn, data, namefmt, ...)			   \
({									   \
	struct task_struct *__k						   \
		= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
	if (!IS_ERR(__k))						   \
		wake_up_process(__k);					   \
	__k;								   \
})

void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
void kthread_parkme(void);
void __noreturn kthread_exit(long result);
void __noreturn kthread_complete_and_exit(struct completion *comp,
					  long code);
void *kthread_data(struct task_struct *k);

#endif /* _LINUX_KTHREAD_H */
