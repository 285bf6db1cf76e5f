// SPDX-License-Identifier: GPL-2.0
/*
 * The object life-cycle checker behind <linux/debugobjects.h>, with the
 * kernel's states and reports, for builds with CONFIG_DEBUG_OBJECTS.
 *
 * Tracked objects live in a hash table keyed by address. As in the kernel,
 * an object that a descriptor calls static is tracked on first activation,
 * which is how every rcu_head gets tracked. Unlike the kernel, an object is
 * forgotten once it is deactivated, because kfree() does not report freed
 * memory here (no CONFIG_DEBUG_OBJECTS_FREE).
 */
#include <linux/kernel.h>
#include <linux/debugobjects.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/smp.h>
#include <lkl/host.h>
#include <lkl/oracle.h>

#include "internal.h"

#if IS_ENABLED(CONFIG_DEBUG_OBJECTS)

#define ODEBUG_HASH_BITS	12
#define ODEBUG_HASH_SIZE	(1 << ODEBUG_HASH_BITS)

struct debug_obj {
	struct debug_obj *next;
	void *addr;
	const struct debug_obj_descr *descr;
	enum debug_obj_state state;
	unsigned int astate;
};

static struct debug_obj *obj_hash[ODEBUG_HASH_SIZE];

/*
 * An RCU without our oracle hooks (Linux 6.1's tiny.c) tracks each queued
 * rcu_head as a debug object: activation is call_rcu(), deactivation the
 * invocation. Those are passed on to the RCU guarantee oracle.
 */
static bool is_rcu_head(const struct debug_obj_descr *descr)
{
	return descr->name && !strcmp(descr->name, "rcu_head");
}
static int obj_hash_lock;

static const char * const obj_states[ODEBUG_STATE_MAX] = {
	[ODEBUG_STATE_NONE]		= "none",
	[ODEBUG_STATE_INIT]		= "initialized",
	[ODEBUG_STATE_INACTIVE]		= "inactive",
	[ODEBUG_STATE_ACTIVE]		= "active",
	[ODEBUG_STATE_DESTROYED]	= "destroyed",
	[ODEBUG_STATE_NOTAVAILABLE]	= "not available",
};

static struct debug_obj **hash_bucket(void *addr)
{
	unsigned long key = (unsigned long)addr >> 3;

	return &obj_hash[(key ^ (key >> ODEBUG_HASH_BITS)) &
			 (ODEBUG_HASH_SIZE - 1)];
}

/* Returns the slot that points at addr's entry, or at the bucket's end. */
static struct debug_obj **lookup(void *addr)
{
	struct debug_obj **slot = hash_bucket(addr);

	while (*slot && (*slot)->addr != addr)
		slot = &(*slot)->next;
	return slot;
}

static struct debug_obj *track(struct debug_obj **slot, void *addr,
			       const struct debug_obj_descr *descr)
{
	struct debug_obj *obj = lkl_host_malloc(sizeof(*obj), 0);

	if (!obj)
		panic("debugobjects: out of host memory tracking %px", addr);
	obj->next = NULL;
	obj->addr = addr;
	obj->descr = descr;
	obj->state = ODEBUG_STATE_NONE;
	obj->astate = 0;
	*slot = obj;
	return obj;
}

static void forget(struct debug_obj **slot)
{
	struct debug_obj *obj = *slot;

	*slot = obj->next;
	lkl_host_free(obj);
}

/* The kernel's report of an object in the wrong state for an operation. */
static void report(void *addr, const struct debug_obj_descr *descr,
		   enum debug_obj_state state, unsigned int astate,
		   const char *operation)
{
	void *hint = descr->debug_hint ? descr->debug_hint(addr) : NULL;

	if (hint)
		WARN(1, "ODEBUG: %s %s (active state %u) object: %px object type: %s hint: %pS\n",
		     operation, obj_states[state], astate, addr, descr->name,
		     hint);
	else
		WARN(1, "ODEBUG: %s %s (active state %u) object: %px object type: %s\n",
		     operation, obj_states[state], astate, addr, descr->name);
}

static bool fixup(bool (*fixup)(void *addr, enum debug_obj_state state),
		  void *addr, enum debug_obj_state state)
{
	return fixup && fixup(addr, state);
}

void debug_object_init(void *addr, const struct debug_obj_descr *descr)
{
	struct debug_obj **slot, *obj;
	enum debug_obj_state state;

	lkl_raw_lock(&obj_hash_lock);
	slot = lookup(addr);
	obj = *slot ? *slot : track(slot, addr, descr);
	state = obj->state;
	if (state == ODEBUG_STATE_ACTIVE) {
		unsigned int astate = obj->astate;

		lkl_raw_unlock(&obj_hash_lock);
		report(addr, descr, state, astate, "init");
		fixup(descr->fixup_init, addr, state);
		return;
	}
	obj->state = ODEBUG_STATE_INIT;
	lkl_raw_unlock(&obj_hash_lock);
}

void debug_object_init_on_stack(void *addr,
				const struct debug_obj_descr *descr)
{
	debug_object_init(addr, descr);
}

int debug_object_activate(void *addr, const struct debug_obj_descr *descr)
{
	struct debug_obj **slot, *obj;
	enum debug_obj_state state;
	unsigned int astate;

	lkl_raw_lock(&obj_hash_lock);
	slot = lookup(addr);
	obj = *slot;
	if (!obj) {
		if (!descr->is_static_object || !descr->is_static_object(addr)) {
			lkl_raw_unlock(&obj_hash_lock);
			report(addr, descr, ODEBUG_STATE_NOTAVAILABLE, 0,
			       "activate");
			return fixup(descr->fixup_activate, addr,
				     ODEBUG_STATE_NOTAVAILABLE) ? 0 : -EINVAL;
		}
		obj = track(slot, addr, descr);
		obj->state = ODEBUG_STATE_INIT;
	}
	state = obj->state;
	astate = obj->astate;
	if (state == ODEBUG_STATE_INIT || state == ODEBUG_STATE_INACTIVE) {
		obj->state = ODEBUG_STATE_ACTIVE;
		lkl_raw_unlock(&obj_hash_lock);
		/* The queueing site reported is inside call_rcu() itself. */
		if (is_rcu_head(descr))
			lkl_rcu_oracle_queue(addr, descr, LKL_RCU_ORACLE_SCHED,
					     raw_smp_processor_id(), _RET_IP_);
		return 0;
	}
	lkl_raw_unlock(&obj_hash_lock);
	report(addr, descr, state, astate, "activate");
	fixup(descr->fixup_activate, addr, state);
	return -EINVAL;
}

void debug_object_deactivate(void *addr, const struct debug_obj_descr *descr)
{
	enum debug_obj_state state = ODEBUG_STATE_NOTAVAILABLE;
	struct debug_obj **slot, *obj;
	unsigned int astate = 0;

	lkl_raw_lock(&obj_hash_lock);
	slot = lookup(addr);
	obj = *slot;
	if (obj && obj->state == ODEBUG_STATE_ACTIVE && !obj->astate) {
		forget(slot);
		lkl_raw_unlock(&obj_hash_lock);
		if (is_rcu_head(descr))
			lkl_rcu_oracle_invoke(addr, raw_smp_processor_id());
		return;
	}
	if (obj) {
		state = obj->state;
		astate = obj->astate;
	}
	lkl_raw_unlock(&obj_hash_lock);
	report(addr, descr, state, astate, "deactivate");
}

void debug_object_destroy(void *addr, const struct debug_obj_descr *descr)
{
	struct debug_obj **slot, *obj;
	enum debug_obj_state state;
	unsigned int astate;

	lkl_raw_lock(&obj_hash_lock);
	slot = lookup(addr);
	obj = *slot;
	if (!obj) {
		lkl_raw_unlock(&obj_hash_lock);
		return;
	}
	state = obj->state;
	astate = obj->astate;
	if (state == ODEBUG_STATE_ACTIVE || state == ODEBUG_STATE_DESTROYED) {
		lkl_raw_unlock(&obj_hash_lock);
		report(addr, descr, state, astate, "destroy");
		if (state == ODEBUG_STATE_ACTIVE)
			fixup(descr->fixup_destroy, addr, state);
		return;
	}
	obj->state = ODEBUG_STATE_DESTROYED;
	lkl_raw_unlock(&obj_hash_lock);
}

void debug_object_free(void *addr, const struct debug_obj_descr *descr)
{
	struct debug_obj **slot, *obj;
	enum debug_obj_state state;
	unsigned int astate;

	lkl_raw_lock(&obj_hash_lock);
	slot = lookup(addr);
	obj = *slot;
	if (!obj) {
		lkl_raw_unlock(&obj_hash_lock);
		return;
	}
	state = obj->state;
	astate = obj->astate;
	if (state == ODEBUG_STATE_ACTIVE) {
		lkl_raw_unlock(&obj_hash_lock);
		report(addr, descr, state, astate, "free");
		fixup(descr->fixup_free, addr, state);
		return;
	}
	forget(slot);
	lkl_raw_unlock(&obj_hash_lock);
}

void debug_object_assert_init(void *addr,
			      const struct debug_obj_descr *descr)
{
	bool found;

	lkl_raw_lock(&obj_hash_lock);
	found = *lookup(addr) != NULL;
	lkl_raw_unlock(&obj_hash_lock);
	if (found || (descr->is_static_object &&
		      descr->is_static_object(addr)))
		return;
	report(addr, descr, ODEBUG_STATE_NOTAVAILABLE, 0, "assert_init");
	fixup(descr->fixup_assert_init, addr, ODEBUG_STATE_NOTAVAILABLE);
}

void debug_object_active_state(void *addr,
			       const struct debug_obj_descr *descr,
			       unsigned int expect, unsigned int next)
{
	struct debug_obj *obj;
	enum debug_obj_state state = ODEBUG_STATE_NOTAVAILABLE;
	unsigned int astate = 0;

	lkl_raw_lock(&obj_hash_lock);
	obj = *lookup(addr);
	if (obj && obj->state == ODEBUG_STATE_ACTIVE && obj->astate == expect) {
		obj->astate = next;
		lkl_raw_unlock(&obj_hash_lock);
		return;
	}
	if (obj) {
		state = obj->state;
		astate = obj->astate;
	}
	lkl_raw_unlock(&obj_hash_lock);
	report(addr, descr, state, astate, "active_state");
}

void debug_objects_early_init(void)
{
}

void debug_objects_mem_init(void)
{
}

/* Forgets every tracked object, so that each boot starts empty. */
void lkl_debug_objects_reset(void)
{
	unsigned int i;

	lkl_raw_lock(&obj_hash_lock);
	for (i = 0; i < ODEBUG_HASH_SIZE; i++)
		while (obj_hash[i])
			forget(&obj_hash[i]);
	lkl_raw_unlock(&obj_hash_lock);
}

#else /* !CONFIG_DEBUG_OBJECTS */

void lkl_debug_objects_reset(void)
{
}

#endif /* CONFIG_DEBUG_OBJECTS */
