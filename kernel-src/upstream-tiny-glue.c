// SPDX-License-Identifier: GPL-2.0
/*
 * Hooks that the shim calls on every flavour but that Linux 6.1's
 * kernel/rcu/tiny.c does not define. Built only into the "upstream"
 * flavour, next to the unmodified tiny.c.
 */
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/export.h>
#include <linux/debugobjects.h>

static bool rcu_upstream_in_idle;

/*
 * 6.1 Tiny RCU has no idle hook: call_rcu() from the idle task calls
 * resched_cpu(0), and the tick sets need_resched while callbacks wait, so
 * the idle loop's schedule() reports the quiescent state. These only check
 * that the idle loop uses them in pairs and outside read-side sections.
 */
void rcu_idle_enter(void)
{
	WARN(lock_is_held(&rcu_lock_map) || lock_is_held(&rcu_bh_lock_map) ||
	     lock_is_held(&rcu_sched_lock_map),
	     "rcu_idle_enter() in RCU read-side critical section\n");
	WARN(rcu_upstream_in_idle,
	     "rcu_idle_enter() called twice without rcu_idle_exit()\n");
	rcu_upstream_in_idle = true;
}
EXPORT_SYMBOL_GPL(rcu_idle_enter);

void rcu_idle_exit(void)
{
	WARN(!rcu_upstream_in_idle, "rcu_idle_exit() without rcu_idle_enter()\n");
	rcu_upstream_in_idle = false;
}
EXPORT_SYMBOL_GPL(rcu_idle_exit);

/*
 * The debug-objects descriptor of rcu_head, which 6.1 defines in
 * kernel/rcu/update.c. Every head counts as static, so call_rcu() tracks
 * heads that nobody passed to init_rcu_head().
 */
static bool rcuhead_is_static_object(void *addr)
{
	return true;
}

const struct debug_obj_descr rcuhead_debug_descr = {
	.name = "rcu_head",
	.is_static_object = rcuhead_is_static_object,
};
EXPORT_SYMBOL_GPL(rcuhead_debug_descr);

void init_rcu_head(struct rcu_head *head)
{
	debug_object_init(head, &rcuhead_debug_descr);
}
EXPORT_SYMBOL_GPL(init_rcu_head);

void destroy_rcu_head(struct rcu_head *head)
{
	debug_object_free(head, &rcuhead_debug_descr);
}
EXPORT_SYMBOL_GPL(destroy_rcu_head);

void init_rcu_head_on_stack(struct rcu_head *head)
{
	debug_object_init_on_stack(head, &rcuhead_debug_descr);
}
EXPORT_SYMBOL_GPL(init_rcu_head_on_stack);

void destroy_rcu_head_on_stack(struct rcu_head *head)
{
	debug_object_free(head, &rcuhead_debug_descr);
}
EXPORT_SYMBOL_GPL(destroy_rcu_head_on_stack);

/* In 6.1 without CONFIG_KASAN_GENERIC this is an inline in rcutiny.h. */
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	__kvfree_call_rcu(head, func);
}
EXPORT_SYMBOL_GPL(kvfree_call_rcu);
