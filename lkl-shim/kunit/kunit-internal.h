/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Declarations shared by the files of the KUnit runner in lkl-shim/kunit/
 * and not meant for test code.
 */
#ifndef _LKL_KUNIT_INTERNAL_H
#define _LKL_KUNIT_INTERNAL_H

#include <kunit/test.h>

/* Prints a failure report, one printk() per line, under test's name. */
void lkl_kunit_print_text(struct kunit *test, const struct lkl_kunit_text *text);

/*
 * Whether str matches pattern: '*' matches any run of characters, '?' any
 * one character, "[a-z]" one character of a set ("[!a-z]" one not in it).
 */
bool lkl_kunit_glob_match(const char *pattern, const char *str);

/* Runs every registered suite that matches filter_glob (NULL: all). */
int lkl_kunit_run_all(const char *filter_glob, bool list_only);

#endif /* _LKL_KUNIT_INTERNAL_H */
