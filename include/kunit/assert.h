/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <kunit/assert.h>: the records that a failed
 * KUNIT_EXPECT_*() or KUNIT_ASSERT_*() hands to the runner, and the functions
 * that turn each kind of record into the diagnostic text KUnit prints.
 *
 * Not provided: struct string_stream and struct va_format. Formatters write
 * into a struct lkl_kunit_text, a fixed-size line buffer, instead.
 */
#ifndef _KUNIT_ASSERT_H
#define _KUNIT_ASSERT_H

#include <linux/compiler.h>
#include <linux/types.h>

/* An expectation records a failure and goes on; an assertion also aborts. */
enum kunit_assert_type {
	KUNIT_ASSERTION,
	KUNIT_EXPECTATION,
};

/* Source location of a KUNIT_EXPECT_*() or KUNIT_ASSERT_*() use. */
struct kunit_loc {
	int line;
	const char *file;
};

#define KUNIT_CURRENT_LOC { .file = __FILE__, .line = __LINE__ }

/* Common head of every assertion record; the kinds below embed it. */
struct kunit_assert {
	/* Empty struct: zero size, a GNU C extension the kernel also uses. */
};

/*
 * Text of a failure report, filled one line at a time by the formatters.
 * A line that does not fit is cut; lkl_kunit_text_add() never overflows buf.
 */
#define LKL_KUNIT_TEXT_SIZE 1024

struct lkl_kunit_text {
	size_t len;
	char buf[LKL_KUNIT_TEXT_SIZE];
};

void __printf(2, 3) lkl_kunit_text_add(struct lkl_kunit_text *text,
				       const char *fmt, ...);

typedef void (*assert_format_t)(const struct kunit_assert *assert,
				struct lkl_kunit_text *text);

/* KUNIT_FAIL(): the user's message is the whole report. */
struct kunit_fail_assert {
	struct kunit_assert assert;
};

void kunit_fail_assert_format(const struct kunit_assert *assert,
			      struct lkl_kunit_text *text);

/* KUNIT_EXPECT_TRUE() and KUNIT_EXPECT_FALSE(). */
struct kunit_unary_assert {
	struct kunit_assert assert;
	const char *condition;
	bool expected_true;
};

void kunit_unary_assert_format(const struct kunit_assert *assert,
			       struct lkl_kunit_text *text);

#define KUNIT_INIT_UNARY_ASSERT_STRUCT(cond, expect_true) {		\
	.condition = cond,						\
	.expected_true = expect_true					\
}

/* KUNIT_EXPECT_NOT_ERR_OR_NULL(). */
struct kunit_ptr_not_err_assert {
	struct kunit_assert assert;
	const char *text;
	const void *value;
};

void kunit_ptr_not_err_assert_format(const struct kunit_assert *assert,
				     struct lkl_kunit_text *text);

#define KUNIT_INIT_PTR_NOT_ERR_STRUCT(txt, val) {			\
	.text = txt,							\
	.value = val							\
}

/* Source text of a binary comparison: "left operation right". */
struct kunit_binary_assert_text {
	const char *operation;
	const char *left_text;
	const char *right_text;
};

/* Integer comparisons; both sides are reported as long long. */
struct kunit_binary_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	long long left_value;
	long long right_value;
};

void kunit_binary_assert_format(const struct kunit_assert *assert,
				struct lkl_kunit_text *text);

/* Pointer comparisons. */
struct kunit_binary_ptr_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const void *left_value;
	const void *right_value;
};

void kunit_binary_ptr_assert_format(const struct kunit_assert *assert,
				    struct lkl_kunit_text *text);

/* String comparisons with strcmp(). */
struct kunit_binary_str_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const char *left_value;
	const char *right_value;
};

void kunit_binary_str_assert_format(const struct kunit_assert *assert,
				    struct lkl_kunit_text *text);

/* Byte comparisons with memcmp() over size bytes. */
struct kunit_mem_assert {
	struct kunit_assert assert;
	const struct kunit_binary_assert_text *text;
	const void *left_value;
	const void *right_value;
	size_t size;
};

void kunit_mem_assert_format(const struct kunit_assert *assert,
			     struct lkl_kunit_text *text);

#define KUNIT_INIT_BINARY_ASSERT_STRUCT(text_, left_val, right_val) {	\
	.text = text_,							\
	.left_value = left_val,						\
	.right_value = right_val					\
}

#define KUNIT_INIT_MEM_ASSERT_STRUCT(text_, left_val, right_val, size_) { \
	.text = text_,							\
	.left_value = left_val,						\
	.right_value = right_val,					\
	.size = size_							\
}

#endif /* _KUNIT_ASSERT_H */
