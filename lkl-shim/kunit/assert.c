// SPDX-License-Identifier: GPL-2.0
/*
 * Diagnostic text for failed KUnit expectations and assertions: one
 * formatter per record kind in <kunit/assert.h>. Each writes the lines that
 * follow "EXPECTATION FAILED at file:line", in the wording of KUnit 6.1
 * ("Expected a == b, but" and then the value of each non-literal operand).
 */
#include <kunit/assert.h>
#include <kunit/test.h>

#include <linux/kernel.h>
#include <linux/stdarg.h>
#include <linux/string.h>

/* Bytes of each operand shown when KUNIT_EXPECT_MEMEQ() fails. */
#define LKL_KUNIT_MEM_DUMP_BYTES 16

static void lkl_kunit_text_vadd(struct lkl_kunit_text *text, const char *fmt,
				va_list args)
{
	if (text->len >= sizeof(text->buf) - 1)
		return;
	/* vscnprintf(): %p extensions, and the length actually written. */
	text->len += vscnprintf(text->buf + text->len,
				sizeof(text->buf) - text->len, fmt, args);
}

/* Appends one line (the newline is added here). */
void lkl_kunit_text_add(struct lkl_kunit_text *text, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	lkl_kunit_text_vadd(text, fmt, args);
	va_end(args);
	if (text->len < sizeof(text->buf) - 1) {
		text->buf[text->len++] = '\n';
		text->buf[text->len] = '\0';
	}
}

void kunit_fail_assert_format(const struct kunit_assert *assert,
			      struct lkl_kunit_text *text)
{
	/* KUNIT_FAIL() has only the user's message, which the caller adds. */
}

void kunit_unary_assert_format(const struct kunit_assert *assert,
			       struct lkl_kunit_text *text)
{
	const struct kunit_unary_assert *unary =
		container_of(assert, struct kunit_unary_assert, assert);

	if (unary->expected_true)
		lkl_kunit_text_add(text, "Expected %s to be true, but is false",
				   unary->condition);
	else
		lkl_kunit_text_add(text, "Expected %s to be false, but is true",
				   unary->condition);
}

void kunit_ptr_not_err_assert_format(const struct kunit_assert *assert,
				     struct lkl_kunit_text *text)
{
	const struct kunit_ptr_not_err_assert *ptr_assert =
		container_of(assert, struct kunit_ptr_not_err_assert, assert);

	if (!ptr_assert->value)
		lkl_kunit_text_add(text, "Expected %s is not null, but is",
				   ptr_assert->text);
	else
		lkl_kunit_text_add(text,
				   "Expected %s is not error, but is: %ld",
				   ptr_assert->text, PTR_ERR(ptr_assert->value));
}

static void lkl_kunit_add_comparison(struct lkl_kunit_text *text,
				     const struct kunit_binary_assert_text *op)
{
	lkl_kunit_text_add(text, "Expected %s %s %s, but", op->left_text,
			   op->operation, op->right_text);
}

/* Whether the source text of an operand is the decimal literal of value. */
static bool lkl_kunit_is_int_literal(const char *source, long long value)
{
	char digits[24];

	snprintf(digits, sizeof(digits), "%lld", value);
	return strcmp(digits, source) == 0;
}

void kunit_binary_assert_format(const struct kunit_assert *assert,
				struct lkl_kunit_text *text)
{
	const struct kunit_binary_assert *binary =
		container_of(assert, struct kunit_binary_assert, assert);
	const struct kunit_binary_assert_text *op = binary->text;

	lkl_kunit_add_comparison(text, op);
	if (!lkl_kunit_is_int_literal(op->left_text, binary->left_value))
		lkl_kunit_text_add(text, "    %s == %lld", op->left_text,
				   binary->left_value);
	if (!lkl_kunit_is_int_literal(op->right_text, binary->right_value))
		lkl_kunit_text_add(text, "    %s == %lld", op->right_text,
				   binary->right_value);
}

void kunit_binary_ptr_assert_format(const struct kunit_assert *assert,
				    struct lkl_kunit_text *text)
{
	const struct kunit_binary_ptr_assert *binary =
		container_of(assert, struct kunit_binary_ptr_assert, assert);
	const struct kunit_binary_assert_text *op = binary->text;

	lkl_kunit_add_comparison(text, op);
	lkl_kunit_text_add(text, "    %s == %px", op->left_text,
			   binary->left_value);
	lkl_kunit_text_add(text, "    %s == %px", op->right_text,
			   binary->right_value);
}

/* Whether source is a string literal ("...") with exactly value inside. */
static bool lkl_kunit_is_str_literal(const char *source, const char *value)
{
	size_t len = strlen(source);

	if (len < 2 || source[0] != '"' || source[len - 1] != '"')
		return false;
	return strlen(value) == len - 2 &&
	       strncmp(source + 1, value, len - 2) == 0;
}

void kunit_binary_str_assert_format(const struct kunit_assert *assert,
				    struct lkl_kunit_text *text)
{
	const struct kunit_binary_str_assert *binary =
		container_of(assert, struct kunit_binary_str_assert, assert);
	const struct kunit_binary_assert_text *op = binary->text;

	lkl_kunit_add_comparison(text, op);
	if (!lkl_kunit_is_str_literal(op->left_text, binary->left_value))
		lkl_kunit_text_add(text, "    %s == \"%s\"", op->left_text,
				   binary->left_value);
	if (!lkl_kunit_is_str_literal(op->right_text, binary->right_value))
		lkl_kunit_text_add(text, "    %s == \"%s\"", op->right_text,
				   binary->right_value);
}

/* Prints up to LKL_KUNIT_MEM_DUMP_BYTES bytes of side from offset start. */
static void lkl_kunit_add_mem_dump(struct lkl_kunit_text *text,
				   const char *source, const u8 *side,
				   size_t start, size_t size)
{
	char hex[LKL_KUNIT_MEM_DUMP_BYTES * 3 + 1];
	size_t end = min_t(size_t, size, start + LKL_KUNIT_MEM_DUMP_BYTES);
	size_t i, pos = 0;

	if (!side) {
		lkl_kunit_text_add(text, "    %s is NULL", source);
		return;
	}
	hex[0] = '\0';
	for (i = start; i < end; i++)
		pos += snprintf(hex + pos, sizeof(hex) - pos, " %02x", side[i]);
	lkl_kunit_text_add(text, "    %s[%zu..] ==%s", source, start, hex);
}

void kunit_mem_assert_format(const struct kunit_assert *assert,
			     struct lkl_kunit_text *text)
{
	const struct kunit_mem_assert *mem =
		container_of(assert, struct kunit_mem_assert, assert);
	const u8 *left = mem->left_value;
	const u8 *right = mem->right_value;
	size_t first_diff = 0;

	lkl_kunit_add_comparison(text, mem->text);
	if (left && right) {
		while (first_diff < mem->size &&
		       left[first_diff] == right[first_diff])
			first_diff++;
		if (first_diff < mem->size)
			lkl_kunit_text_add(text,
					   "    first difference at byte %zu of %zu",
					   first_diff, mem->size);
		else
			lkl_kunit_text_add(text, "    all %zu bytes are equal",
					   mem->size);
	}
	/* Show the bytes from the last 4-byte boundary before the difference. */
	first_diff &= ~(size_t)3;
	if (first_diff >= mem->size)
		first_diff = 0;
	lkl_kunit_add_mem_dump(text, mem->text->left_text, left, first_diff,
			       mem->size);
	lkl_kunit_add_mem_dump(text, mem->text->right_text, right, first_diff,
			       mem->size);
}
