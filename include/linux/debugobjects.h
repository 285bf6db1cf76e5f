/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/debugobjects.h>: the object life-cycle
 * checker's interface with Linux 6.1 names and signatures. Without
 * CONFIG_DEBUG_OBJECTS every hook is an empty inline and
 * debug_object_activate() returns 0 (no error found), as in the kernel with
 * the option off. Linux 6.1's kernel/rcu/rcu.h calls these hooks only with
 * CONFIG_DEBUG_OBJECTS_RCU_HEAD.
 */
#ifndef _LINUX_DEBUGOBJECTS_H
#define _LINUX_DEBUGOBJECTS_H

#include <linux/types.h>

enum debug_obj_state {
	ODEBUG_STATE_NONE,
	ODEBUG_STATE_INIT,
	ODEBUG_STATE_INACTIVE,
	ODEBUG_STATE_ACTIVE,
	ODEBUG_STATE_DESTROYED,
	ODEBUG_STATE_NOTAVAILABLE,
	ODEBUG_STATE_MAX,
};

/*
 * Description of one kind of tracked object. Each fixup_*() hook repairs
 * an object found in a wrong state and returns true if it did.
 */
struct debug_obj_descr {
	const char *name;
	void *(*debug_hint)(void *addr);
	bool (*is_static_object)(void *addr);
	bool (*fixup_init)(void *addr, enum debug_obj_state state);
	bool (*fixup_activate)(void *addr, enum debug_obj_state state);
	bool (*fixup_destroy)(void *addr, enum debug_obj_state state);
	bool (*fixup_free)(void *addr, enum debug_obj_state state);
	bool (*fixup_assert_init)(void *addr, enum debug_obj_state state);
};

#if IS_ENABLED(CONFIG_DEBUG_OBJECTS)
/* Implemented in lkl-shim/debugobjects.c. */
void debug_object_init(void *addr, const struct debug_obj_descr *descr);
void debug_object_init_on_stack(void *addr,
				const struct debug_obj_descr *descr);
int debug_object_activate(void *addr, const struct debug_obj_descr *descr);
void debug_object_deactivate(void *addr, const struct debug_obj_descr *descr);
void debug_object_destroy(void *addr, const struct debug_obj_descr *descr);
void debug_object_free(void *addr, const struct debug_obj_descr *descr);
void debug_object_assert_init(void *addr,
			      const struct debug_obj_descr *descr);
/* Moves an active object's sub-state from @expect to @next, or warns. */
void debug_object_active_state(void *addr,
			       const struct debug_obj_descr *descr,
			       unsigned int expect, unsigned int next);
void debug_objects_early_init(void);
void debug_objects_mem_init(void);
#else
static inline void
debug_object_init(void *addr, const struct debug_obj_descr *descr) { }
static inline void
debug_object_init_on_stack(void *addr, const struct debug_obj_descr *descr) { }
static inline int
debug_object_activate(void *addr, const struct debug_obj_descr *descr)
{
	return 0;
}
static inline void
debug_object_deactivate(void *addr, const struct debug_obj_descr *descr) { }
static inline void
debug_object_destroy(void *addr, const struct debug_obj_descr *descr) { }
static inline void
debug_object_free(void *addr, const struct debug_obj_descr *descr) { }
static inline void
debug_object_assert_init(void *addr, const struct debug_obj_descr *descr) { }
static inline void
debug_object_active_state(void *addr, const struct debug_obj_descr *descr,
			  unsigned int expect, unsigned int next) { }
static inline void debug_objects_early_init(void) { }
static inline void debug_objects_mem_init(void) { }
#endif

#if IS_ENABLED(CONFIG_DEBUG_OBJECTS_FREE)
void debug_check_no_obj_freed(const void *address, unsigned long size);
#else
static inline void
debug_check_no_obj_freed(const void *address, unsigned long size) { }
#endif

#endif /* _LINUX_DEBUGOBJECTS_H */
