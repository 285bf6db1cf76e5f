// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line and the boot-time calls of the emulated kernel:
 * the standard parameter types (param_ops_int and friends), the parser
 * over the lkl_param and lkl_setup sections, the --help listing, and the
 * initcall and exitcall runners over the lkl_initcall* sections.
 */

#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <lkl/debug.h>
#include <lkl/host.h>

enum system_states system_state = SYSTEM_BOOTING;

/*
 * Section bounds from the linker. They are weak so that a program without
 * any entry in a section still links (both are then NULL).
 */
extern const struct kernel_param __start_lkl_param[] __weak;
extern const struct kernel_param __stop_lkl_param[] __weak;
extern const struct lkl_param_desc __start_lkl_param_desc[] __weak;
extern const struct lkl_param_desc __stop_lkl_param_desc[] __weak;
extern const struct obs_kernel_param __start_lkl_setup[] __weak;
extern const struct obs_kernel_param __stop_lkl_setup[] __weak;

/* Integer types: parse with the matching kstrto*(), print with printf. */
#define STANDARD_PARAM_OPS(name, type, format, strtolfn)		\
	int param_set_##name(const char *val, const struct kernel_param *kp) \
	{								\
		if (!val)						\
			return -EINVAL;					\
		return strtolfn(val, 0, (type *)kp->arg);		\
	}								\
	int param_get_##name(char *buffer, const struct kernel_param *kp) \
	{								\
		return scnprintf(buffer, LKL_PARAM_GET_BUF_SIZE,	\
				 format "\n", *((type *)kp->arg));	\
	}								\
	const struct kernel_param_ops param_ops_##name = {		\
		.set = param_set_##name,				\
		.get = param_get_##name,				\
	};								\
	EXPORT_SYMBOL(param_ops_##name)

STANDARD_PARAM_OPS(byte, unsigned char, "%hhu", kstrtou8);
STANDARD_PARAM_OPS(short, short, "%hi", kstrtos16);
STANDARD_PARAM_OPS(ushort, unsigned short, "%hu", kstrtou16);
STANDARD_PARAM_OPS(int, int, "%i", kstrtoint);
STANDARD_PARAM_OPS(uint, unsigned int, "%u", kstrtouint);
STANDARD_PARAM_OPS(long, long, "%li", kstrtol);
STANDARD_PARAM_OPS(ulong, unsigned long, "%lu", kstrtoul);
STANDARD_PARAM_OPS(ullong, unsigned long long, "%llu", kstrtoull);

int param_set_hexint(const char *val, const struct kernel_param *kp)
{
	return param_set_uint(val, kp);
}

int param_get_hexint(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, LKL_PARAM_GET_BUF_SIZE, "%#08x\n",
			 *((unsigned int *)kp->arg));
}

const struct kernel_param_ops param_ops_hexint = {
	.set = param_set_hexint,
	.get = param_get_hexint,
};

/*
 * The string is copied with the host allocator rather than kmalloc(), so
 * parameter values never show up in the slab leak report.
 */
int param_set_charp(const char *val, const struct kernel_param *kp)
{
	char **slot = kp->arg;
	size_t len;
	char *copy;

	if (!val)
		return -EINVAL;
	len = strlen(val);
	if (len > 1024)
		return -ENOSPC;
	copy = lkl_host_malloc(len + 1, 0);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, val, len + 1);
	/* NOTE: the previous value is not freed: it may be a static default. */
	*slot = copy;
	return 0;
}

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	const char *s = *((char **)kp->arg);

	return scnprintf(buffer, LKL_PARAM_GET_BUF_SIZE, "%s\n",
			 s ? s : "(null)");
}

void param_free_charp(void *arg)
{
}

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};

/* A bare "name" (val NULL) sets a bool parameter to true. */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
	if (!val)
		val = "1";
	return kstrtobool(val, kp->arg);
}

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, LKL_PARAM_GET_BUF_SIZE, "%c\n",
			 *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int ret;

	if (!val)
		val = "1";
	ret = kstrtobool(val, &v);
	if (!ret)
		*(bool *)kp->arg = !v;
	return ret;
}

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, LKL_PARAM_GET_BUF_SIZE, "%c\n",
			 *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_invbool,
	.get = param_get_invbool,
};

int param_set_string(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (!val)
		return -EINVAL;
	if (strlen(val) + 1 > kps->maxlen)
		return -ENOSPC;
	strcpy(kps->string, val);
	return 0;
}

int param_get_string(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, LKL_PARAM_GET_BUF_SIZE, "%s\n",
			 kp->str->string);
}

const struct kernel_param_ops param_ops_string = {
	.set = param_set_string,
	.get = param_get_string,
};

/* Sets each comma-separated element through the element type's ops. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	char elem_buf[128];
	unsigned int n = 0;
	int ret;

	if (!val)
		return -EINVAL;
	while (*val) {
		const char *comma = strchr(val, ',');
		size_t len = comma ? (size_t)(comma - val) : strlen(val);
		struct kernel_param elem_kp = {
			.name = kp->name,
			.arg = (char *)arr->elem + (size_t)n * arr->elemsize,
		};

		if (n >= arr->max)
			return -EINVAL;
		if (len >= sizeof(elem_buf))
			return -ENOSPC;
		memcpy(elem_buf, val, len);
		elem_buf[len] = '\0';
		ret = arr->ops->set(elem_buf, &elem_kp);
		if (ret)
			return ret;
		n++;
		val += len;
		if (*val == ',')
			val++;
	}
	if (arr->num)
		*arr->num = n;
	return 0;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int n = arr->num ? *arr->num : arr->max;
	int off = 0;

	for (unsigned int i = 0; i < n && off < LKL_PARAM_GET_BUF_SIZE - 1; i++) {
		struct kernel_param elem_kp = {
			.name = kp->name,
			.arg = (char *)arr->elem + (size_t)i * arr->elemsize,
		};
		int ret;

		if (i)
			buffer[off++] = ',';
		ret = arr->ops->get(buffer + off, &elem_kp);
		if (ret < 0)
			return ret;
		off += ret;
		/* Drop the element's newline. */
		if (off && buffer[off - 1] == '\n')
			off--;
	}
	buffer[off++] = '\n';
	buffer[off] = '\0';
	return off;
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
};

/* The form of a valid value of each standard type, for error messages. */
static const char *expected_value(const struct kernel_param_ops *ops)
{
	if (ops == &param_ops_int || ops == &param_ops_long ||
	    ops == &param_ops_short)
		return "an integer";
	if (ops == &param_ops_uint || ops == &param_ops_ulong ||
	    ops == &param_ops_ullong || ops == &param_ops_ushort ||
	    ops == &param_ops_hexint)
		return "a non-negative integer";
	if (ops == &param_ops_byte)
		return "an integer from 0 to 255";
	if (ops == &param_ops_bool || ops == &param_ops_invbool)
		return "a boolean (y, n, 1, 0, on or off)";
	if (ops == &param_ops_charp || ops == &param_ops_string)
		return "a string that fits the parameter";
	if (ops == &param_array_ops)
		return "a comma-separated list that fits the array";
	return NULL;
}

/* Parameter names match with '-' and '_' treated as the same character. */
static bool param_name_equal(const char *a, const char *b, size_t blen)
{
	size_t i;

	for (i = 0; i < blen; i++) {
		char ca = a[i] == '-' ? '_' : a[i];
		char cb = b[i] == '-' ? '_' : b[i];

		if (ca != cb || !ca)
			return false;
	}
	return a[i] == '\0';
}

static const struct kernel_param *find_param(const char *name, size_t len)
{
	const struct kernel_param *kp;

	for (kp = __start_lkl_param; kp < __stop_lkl_param; kp++)
		if (param_name_equal(kp->name, name, len))
			return kp;
	return NULL;
}

/* Runs a __setup() or early_param() handler; returns 1 if one matched. */
static int try_setup_param(const char *arg, const char *name, size_t len,
			   const char *val, int *err)
{
	const struct obs_kernel_param *p;
	char buf[256];

	for (p = __start_lkl_setup; p < __stop_lkl_setup; p++) {
		size_t slen = strlen(p->str);
		bool has_eq = slen && p->str[slen - 1] == '=';

		if (!param_name_equal(p->str, name, len) &&
		    !(has_eq && slen == len + 1 && !strncmp(p->str, name, len)))
			continue;
		if (strscpy(buf, val ? val : "", sizeof(buf)) < 0) {
			pr_err("value of kernel command line parameter '%s' is too long\n",
			       arg);
			*err = -EINVAL;
			return 1;
		}
		if (p->early) {
			*err = p->setup_func(buf) ? -EINVAL : 0;
			if (*err)
				pr_err("Malformed early option '%s'\n", arg);
		} else {
			*err = p->setup_func(buf) ? 0 : -EINVAL;
			if (*err)
				pr_err("invalid value '%s' for parameter '%.*s'\n",
				       val ? val : "", (int)len, name);
		}
		return 1;
	}
	return 0;
}

int lkl_parse_param(const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *val = eq ? eq + 1 : NULL;
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	const struct kernel_param *kp;
	const char *expected;
	int err;

	kp = find_param(arg, len);
	if (!kp) {
		if (try_setup_param(arg, arg, len, val, &err))
			return err;
		pr_err("Unknown kernel command line parameter '%s'\n", arg);
		return -EINVAL;
	}
	if (!val && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG)) {
		pr_err("missing value for parameter '%s': use %s=VALUE\n",
		       kp->name, kp->name);
		return -EINVAL;
	}
	err = kp->ops->set(val, kp);
	if (!err)
		return 0;
	expected = expected_value(kp->ops);
	if (expected)
		pr_err("invalid value '%s' for parameter '%s': expected %s%s\n",
		       val ? val : "", kp->name, expected,
		       err == -ERANGE ? " (out of range)" : "");
	else
		pr_err("invalid value '%s' for parameter '%s': error %d\n",
		       val ? val : "", kp->name, err);
	return -EINVAL;
}

static const char *param_description(const char *name)
{
	const struct lkl_param_desc *d;

	for (d = __start_lkl_param_desc; d < __stop_lkl_param_desc; d++)
		if (param_name_equal(d->name, name, strlen(name)))
			return d->desc;
	return NULL;
}

void lkl_print_params(void)
{
	const struct kernel_param *kp;
	const struct obs_kernel_param *p;
	char *value = lkl_host_malloc(LKL_PARAM_GET_BUF_SIZE, 0);

	if (!value) {
		pr_err("lkl_print_params: out of host memory\n");
		return;
	}
	pr_info("Kernel command line parameters (name=current value):\n");
	for (kp = __start_lkl_param; kp < __stop_lkl_param; kp++) {
		const char *desc = param_description(kp->name);
		int n = kp->ops->get ? kp->ops->get(value, kp) : -ENOSYS;

		if (n < 0)
			scnprintf(value, LKL_PARAM_GET_BUF_SIZE, "(unreadable: %d)", n);
		else if (n > 0 && value[n - 1] == '\n')
			value[n - 1] = '\0';
		pr_info("  %s=%s\n", kp->name, value);
		if (desc)
			pr_info("      %s\n", desc);
	}
	for (p = __start_lkl_setup; p < __stop_lkl_setup; p++)
		pr_info("  %s%s (%s option)\n", p->str,
			p->str[0] && p->str[strlen(p->str) - 1] == '=' ? "VALUE" : "",
			p->early ? "early" : "setup");
	lkl_host_free(value);
}

#define DECLARE_INITCALL_LEVEL(n)					\
	extern initcall_t __start_lkl_initcall##n[] __weak;		\
	extern initcall_t __stop_lkl_initcall##n[] __weak

DECLARE_INITCALL_LEVEL(0);
DECLARE_INITCALL_LEVEL(1);
DECLARE_INITCALL_LEVEL(2);
DECLARE_INITCALL_LEVEL(3);
DECLARE_INITCALL_LEVEL(4);
DECLARE_INITCALL_LEVEL(5);
DECLARE_INITCALL_LEVEL(6);
DECLARE_INITCALL_LEVEL(7);

extern exitcall_t __start_lkl_exitcall[] __weak;
extern exitcall_t __stop_lkl_exitcall[] __weak;

int lkl_do_initcalls(void)
{
	static initcall_t *const bounds[8][2] = {
		{ __start_lkl_initcall0, __stop_lkl_initcall0 },
		{ __start_lkl_initcall1, __stop_lkl_initcall1 },
		{ __start_lkl_initcall2, __stop_lkl_initcall2 },
		{ __start_lkl_initcall3, __stop_lkl_initcall3 },
		{ __start_lkl_initcall4, __stop_lkl_initcall4 },
		{ __start_lkl_initcall5, __stop_lkl_initcall5 },
		{ __start_lkl_initcall6, __stop_lkl_initcall6 },
		{ __start_lkl_initcall7, __stop_lkl_initcall7 },
	};
	int first_error = 0;
	int level;

	for (level = 0; level < 8; level++) {
		initcall_t *fn;

		for (fn = bounds[level][0]; fn < bounds[level][1]; fn++) {
			int ret = (*fn)();

			if (ret) {
				pr_err("initcall %ps (level %d) returned %d\n",
				       *fn, level, ret);
				if (!first_error)
					first_error = ret;
			}
		}
	}
	return first_error;
}

void lkl_do_exitcalls(void)
{
	exitcall_t *fn;

	if (!__start_lkl_exitcall)
		return;
	for (fn = __stop_lkl_exitcall; fn > __start_lkl_exitcall; )
		(*--fn)();
}
