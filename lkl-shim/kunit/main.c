// SPDX-License-Identifier: GPL-2.0
/*
 * main() of kunit-tests: boots the emulated machine and runs the KUnit
 * suites in its init task. Arguments are kernel command-line parameters,
 * the runner's own among them: kunit.filter_glob=GLOB ("suite" or
 * "suite.case", glob syntax) and kunit.action=list (print "suite.case"
 * names, run nothing). Exits 0 only if no case failed.
 */
#define MODULE_PARAM_PREFIX "kunit."

#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/string.h>

#include <lkl/machine.h>

#include "kunit-internal.h"

static char *filter_glob_param;
module_param_named(filter_glob, filter_glob_param, charp, 0);
MODULE_PARM_DESC(filter_glob,
		 "Run only tests matching SUITE_GLOB[.CASE_GLOB], e.g. rcu*.*barrier*");

static char *action_param;
module_param_named(action, action_param, charp, 0);
MODULE_PARM_DESC(action,
		 "list: print the SUITE.CASE name of every test instead of running them");

static int lkl_kunit_init(void *unused)
{
	bool list_only = false;

	if (action_param && *action_param) {
		if (strcmp(action_param, "list") != 0) {
			pr_err("kunit: invalid kunit.action=%s: the only action is \"list\"\n",
			       action_param);
			return 2;
		}
		list_only = true;
	}
	return lkl_kunit_run_all(filter_glob_param, list_only);
}

int main(int argc, char **argv)
{
	return lkl_start_kernel(argc, argv, lkl_kunit_init, NULL);
}
