/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/lockdep.h>, reduced to what RCU and
 * the sleeping-lock checks need.
 *
 * lock_acquire()/lock_release() keep a per-task stack of held lockdep maps
 * with the acquiring call site. Releasing a map that is not held is
 * reported with both sites, and __might_sleep() lists the maps held. There
 * is no dependency graph: lock-order inversions are not detected.
 */
#ifndef __LINUX_LOCKDEP_H
#define __LINUX_LOCKDEP_H

#include <linux/types.h>

struct lock_class_key {
	int unused;
};

struct lockdep_map {
	const char *name;
	struct lock_class_key *key;
};

#define STATIC_LOCKDEP_MAP_INIT(_name, _key) \
	{ .name = (_name), .key = (void *)(_key), }

#define MAX_LOCK_DEPTH		48UL

void lock_acquire(struct lockdep_map *lock, unsigned int subclass,
		  int trylock, int read, int check,
		  struct lockdep_map *nest_lock, unsigned long ip);
void lock_release(struct lockdep_map *lock, unsigned long ip);
/* Returns 1 if the current task holds lock. */
int lock_is_held(const struct lockdep_map *lock);

#define lockdep_init_map(lock, _name, _key, subclass) \
	do { (lock)->name = (_name); (lock)->key = (_key); } while (0)
#define lockdep_is_held(lock)		lock_is_held(&(lock)->dep_map)
#define lockdep_assert_held(lock)	WARN_ON(!lockdep_is_held(lock))
#define lockdep_assert_held_once(lock)	WARN_ON_ONCE(!lockdep_is_held(lock))
#define lockdep_assert_not_held(lock)	WARN_ON(lockdep_is_held(lock))
#define lockdep_set_class(lock, key)	do { (void)(key); } while (0)
#define lockdep_set_novalidate_class(lock) do { } while (0)
#define debug_check_no_locks_held()	lkl_check_no_locks_held(__FILE__, __LINE__)

extern int debug_locks;

void lkl_check_no_locks_held(const char *file, int line);
/* Prints the locks held by the current task, one per line. */
void lkl_print_held_locks(void);
int lkl_held_lock_count(void);

#endif /* __LINUX_LOCKDEP_H */
