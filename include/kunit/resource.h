/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <kunit/resource.h>: objects a test case owns,
 * released by kunit_cleanup() when the case ends, newest first.
 *
 * Not provided: reference counting (kunit_get_resource()/kunit_put_resource()),
 * lookup (kunit_find_resource()) and named resources. A resource belongs to
 * exactly one test and is freed once, by kunit_cleanup() or
 * kunit_remove_resource().
 */
#ifndef _KUNIT_RESOURCE_H
#define _KUNIT_RESOURCE_H

#include <kunit/test.h>

#include <linux/list.h>
#include <linux/slab.h>

struct kunit_resource;

typedef int (*kunit_resource_init_t)(struct kunit_resource *, void *);
typedef void (*kunit_resource_free_t)(struct kunit_resource *);

/*
 * A test-managed object: data is what init set up, free releases it.
 * should_kfree says whether the runner allocated the kunit_resource itself.
 */
struct kunit_resource {
	void *data;
	const char *name;
	kunit_resource_free_t free;

	/* private: internal use only. */
	struct list_head node;
	bool should_kfree;
};

/*
 * Calls init(res, context) (if init is not NULL) and, when it returns 0,
 * attaches res to test so that free(res) runs at cleanup. Returns init's
 * result; res is not attached on failure.
 */
int kunit_add_resource(struct kunit *test, kunit_resource_init_t init,
		       kunit_resource_free_t free, struct kunit_resource *res,
		       void *context);

/*
 * Allocates a struct kunit_resource with internal_gfp, then as
 * kunit_add_resource(). Returns res->data, or NULL when allocation or init
 * failed.
 */
void *kunit_alloc_resource(struct kunit *test, kunit_resource_init_t init,
			   kunit_resource_free_t free, gfp_t internal_gfp,
			   void *context);

/* Detaches res from test and releases it now. */
void kunit_remove_resource(struct kunit *test, struct kunit_resource *res);

#endif /* _KUNIT_RESOURCE_H */
