/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/mm.h>, reduced to what RCU code uses:
 * the kmalloc()/kvfree() family (from <linux/slab.h>) and mem_dump_obj().
 * There are no pages, page tables, VMAs or vmalloc() in this shim, so none
 * of the page-level interface is provided.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/printk.h>
#include <linux/slab.h>

/**
 * mem_dump_obj() - print what is known about the memory at @object
 * @object: any pointer, including NULL
 *
 * Continues a line already started with printk(): the slab allocator's
 * report when @object is in a kmalloc()ed or kmem_cache object, otherwise
 * the kind of pointer, then a newline. Used by RCU to describe a callback
 * queued twice.
 */
static inline void mem_dump_obj(void *object)
{
	const char *kind;

	if (kmem_dump_obj(object))
		return;

	if (!object)
		kind = "NULL pointer";
	else if (object == ZERO_SIZE_PTR)
		kind = "zero-size pointer";
	else
		kind = "non-slab memory";
	pr_cont(" %s.\n", kind);
}

#endif /* _LINUX_MM_H */
