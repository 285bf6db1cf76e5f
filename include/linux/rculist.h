/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RCU-protected doubly linked lists (struct list_head) and hash lists
 * (struct hlist_head): updates that readers may traverse concurrently and
 * the traversal macros readers use. Stands in for the kernel's
 * <linux/rculist.h>; the _nulls and _bl list variants and the SRCU
 * traversal macros are not provided. Updaters must exclude each other.
 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/poison.h>
#include <linux/rcupdate.h>

/* Initializes a list head that readers may already be traversing. */
static inline void INIT_LIST_HEAD_RCU(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

/* The ->next field of @list, as an RCU-protected pointer. */
#define list_next_rcu(list)	(*((struct list_head __rcu **)(&(list)->next)))

/* The ->prev field of @list: valid only after list_del_rcu() left it. */
#define list_tail_rcu(head)	(*((struct list_head __rcu **)(&(head)->prev)))

/*
 * Warns, when a traversal runs outside every read-side section, unless
 * the optional lockdep condition @cond holds.
 */
#define __list_check_rcu(dummy, cond, extra...)				\
	({								\
	RCU_LOCKDEP_WARN(!(cond) && !rcu_read_lock_any_held(),		\
			 "RCU-list traversed in non-reader section!");	\
	})

static inline void __list_add_rcu(struct list_head *new,
				  struct list_head *prev,
				  struct list_head *next)
{
	new->next = next;
	new->prev = prev;
	/* Publishes @new with its links set. */
	rcu_assign_pointer(list_next_rcu(prev), new);
	next->prev = new;
}

/* Inserts @new after @head; readers see it complete or not at all. */
static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head, head->next);
}

/* Inserts @new before @head, that is at the tail of the list. */
static inline void list_add_tail_rcu(struct list_head *new,
				     struct list_head *head)
{
	__list_add_rcu(new, head->prev, head);
}

/*
 * Unlinks @entry. Its ->next stays valid so readers standing on it can go
 * on, which is why it may be freed or reused only after a grace period.
 * ->prev is poisoned because readers never follow it.
 */
static inline void list_del_rcu(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->prev = LIST_POISON2;
}

/* Unlinks @n from its hash list and marks it unhashed. */
static inline void hlist_del_init_rcu(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		WRITE_ONCE(n->pprev, NULL);
	}
}

/* Puts @new in the place of @old, which readers may still be on. */
static inline void list_replace_rcu(struct list_head *old,
				    struct list_head *new)
{
	new->next = old->next;
	new->prev = old->prev;
	rcu_assign_pointer(list_next_rcu(new->prev), new);
	new->next->prev = new;
	old->prev = LIST_POISON2;
}

/*
 * Moves the entries of @list between @prev and @next and leaves @list
 * empty. Calls @sync (such as synchronize_rcu) so that no reader is still
 * inside @list when its last entry is relinked: this may sleep.
 */
static inline void __list_splice_init_rcu(struct list_head *list,
					  struct list_head *prev,
					  struct list_head *next,
					  void (*sync)(void))
{
	struct list_head *first = list->next;
	struct list_head *last = list->prev;

	INIT_LIST_HEAD_RCU(list);
	sync();

	last->next = next;
	rcu_assign_pointer(list_next_rcu(prev), first);
	first->prev = prev;
	next->prev = last;
}

static inline void list_splice_init_rcu(struct list_head *list,
					struct list_head *head,
					void (*sync)(void))
{
	if (!list_empty(list))
		__list_splice_init_rcu(list, head, head->next, sync);
}

static inline void list_splice_tail_init_rcu(struct list_head *list,
					     struct list_head *head,
					     void (*sync)(void))
{
	if (!list_empty(list))
		__list_splice_init_rcu(list, head->prev, head, sync);
}

/* The entry containing @ptr, loaded as an RCU-protected pointer. */
#define list_entry_rcu(ptr, type, member) \
	container_of(READ_ONCE(ptr), type, member)

/* The first entry of the list at @ptr, or NULL if it is empty. */
#define list_first_or_null_rcu(ptr, type, member)			\
({									\
	struct list_head *__ptr = (ptr);				\
	struct list_head *__next = READ_ONCE(__ptr->next);		\
	likely(__ptr != __next) ? list_entry_rcu(__next, type, member) : NULL; \
})

/* The entry after @ptr, or NULL if @ptr is the last one before @head. */
#define list_next_or_null_rcu(head, ptr, type, member)			\
({									\
	struct list_head *__head = (head);				\
	struct list_head *__ptr = (ptr);				\
	struct list_head *__next = READ_ONCE(__ptr->next);		\
	likely(__next != __head) ? list_entry_rcu(__next, type,		\
						  member) : NULL;	\
})

/**
 * list_for_each_entry_rcu - iterate over an RCU-protected list
 * @pos: the loop cursor, a pointer to the entry type
 * @head: the list head
 * @member: the name of the list_head member of the entry type
 * @cond: optional lockdep condition under which no read-side section
 *	is needed (such as holding the update-side lock)
 */
#define list_for_each_entry_rcu(pos, head, member, cond...)		\
	for (__list_check_rcu(dummy, ## cond, 0),			\
	     pos = list_entry_rcu((head)->next, typeof(*pos), member);	\
		&pos->member != (head);					\
		pos = list_entry_rcu(pos->member.next, typeof(*pos), member))

/* Traversal for readers that use neither RCU nor a lock, such as NMIs. */
#define list_entry_lockless(ptr, type, member) \
	container_of((typeof(ptr))READ_ONCE(ptr), type, member)

#define list_for_each_entry_lockless(pos, head, member)			\
	for (pos = list_entry_lockless((head)->next, typeof(*pos), member); \
	     &pos->member != (head);					\
	     pos = list_entry_lockless(pos->member.next, typeof(*pos), member))

/* Continues after @pos, which must still be on the list. */
#define list_for_each_entry_continue_rcu(pos, head, member)		\
	for (pos = list_entry_rcu(pos->member.next, typeof(*pos), member); \
	     &pos->member != (head);					\
	     pos = list_entry_rcu(pos->member.next, typeof(*pos), member))

/* Continues from @pos itself. */
#define list_for_each_entry_from_rcu(pos, head, member)			\
	for (; &(pos)->member != (head);				\
	     pos = list_entry_rcu(pos->member.next, typeof(*(pos)), member))

/* Hash lists. */
#define hlist_first_rcu(head)	(*((struct hlist_node __rcu **)(&(head)->first)))
#define hlist_next_rcu(node)	(*((struct hlist_node __rcu **)(&(node)->next)))
#define hlist_pprev_rcu(node)	(*((struct hlist_node __rcu **)((node)->pprev)))

/* Unlinks @n; like list_del_rcu(), ->next stays valid for readers. */
static inline void hlist_del_rcu(struct hlist_node *n)
{
	__hlist_del(n);
	WRITE_ONCE(n->pprev, LIST_POISON2);
}

static inline void hlist_replace_rcu(struct hlist_node *old,
				     struct hlist_node *new)
{
	struct hlist_node *next = old->next;

	new->next = next;
	WRITE_ONCE(new->pprev, old->pprev);
	rcu_assign_pointer(*(struct hlist_node __rcu **)new->pprev, new);
	if (next)
		WRITE_ONCE(new->next->pprev, &new->next);
	WRITE_ONCE(old->pprev, LIST_POISON2);
}

static inline void hlist_add_head_rcu(struct hlist_node *n,
				      struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	WRITE_ONCE(n->pprev, &h->first);
	rcu_assign_pointer(hlist_first_rcu(h), n);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
}

static inline void hlist_add_tail_rcu(struct hlist_node *n,
				      struct hlist_head *h)
{
	struct hlist_node *i, *last = NULL;

	/* Updaters are serialized, so a plain walk finds the tail. */
	for (i = h->first; i; i = i->next)
		last = i;

	if (last) {
		n->next = last->next;
		WRITE_ONCE(n->pprev, &last->next);
		rcu_assign_pointer(hlist_next_rcu(last), n);
	} else {
		hlist_add_head_rcu(n, h);
	}
}

/* Inserts @n before @next, which must be on a list. */
static inline void hlist_add_before_rcu(struct hlist_node *n,
					struct hlist_node *next)
{
	WRITE_ONCE(n->pprev, next->pprev);
	n->next = next;
	rcu_assign_pointer(hlist_pprev_rcu(n), n);
	WRITE_ONCE(next->pprev, &n->next);
}

/* Inserts @n after @prev, which must be on a list. */
static inline void hlist_add_behind_rcu(struct hlist_node *n,
					struct hlist_node *prev)
{
	n->next = prev->next;
	WRITE_ONCE(n->pprev, &prev->next);
	rcu_assign_pointer(hlist_next_rcu(prev), n);
	if (n->next)
		WRITE_ONCE(n->next->pprev, &n->next);
}

#define __hlist_for_each_rcu(pos, head)				\
	for (pos = rcu_dereference(hlist_first_rcu(head));	\
	     pos;						\
	     pos = rcu_dereference(hlist_next_rcu(pos)))

/**
 * hlist_for_each_entry_rcu - iterate over an RCU-protected hash list
 * @pos: the loop cursor, a pointer to the entry type
 * @head: the hash list head
 * @member: the name of the hlist_node member of the entry type
 * @cond: optional lockdep condition under which no read-side section
 *	is needed
 */
#define hlist_for_each_entry_rcu(pos, head, member, cond...)		\
	for (__list_check_rcu(dummy, ## cond, 0),			\
	     pos = hlist_entry_safe(rcu_dereference_raw(hlist_first_rcu(head)),\
			typeof(*(pos)), member);			\
		pos;							\
		pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu(\
			&(pos)->member)), typeof(*(pos)), member))

#define hlist_for_each_entry_rcu_bh(pos, head, member)			\
	for (pos = hlist_entry_safe(rcu_dereference_bh(hlist_first_rcu(head)),\
			typeof(*(pos)), member);			\
		pos;							\
		pos = hlist_entry_safe(rcu_dereference_bh(hlist_next_rcu(\
			&(pos)->member)), typeof(*(pos)), member))

#define hlist_for_each_entry_continue_rcu(pos, member)			\
	for (pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu( \
			&(pos)->member)), typeof(*(pos)), member);	\
	     pos;							\
	     pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu(	\
			&(pos)->member)), typeof(*(pos)), member))

#define hlist_for_each_entry_from_rcu(pos, member)			\
	for (; pos;							\
	     pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu(	\
			&(pos)->member)), typeof(*(pos)), member))

#endif /* _LINUX_RCULIST_H */
