// SPDX-License-Identifier: GPL-2.0
/*
 * Host services for the emulated kernel: memory, output, exit, stack
 * traces, symbolization and the host clock. See include/lkl/host.h.
 */
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <execinfo.h>

#include <lkl/host.h>

/*
 * The sanitizer runtimes (ASan, TSan, UBSan) export these. They are weak so
 * that a build without sanitizers still links and falls back to libc.
 */
void __sanitizer_print_stack_trace(void) __attribute__((weak));
void __sanitizer_symbolize_pc(void *pc, const char *fmt, char *out_buf,
			      size_t out_buf_size) __attribute__((weak));

void *lkl_host_malloc(unsigned long size, unsigned long align)
{
	void *ptr;

	if (align <= sizeof(void *) * 2)
		return malloc(size ? size : 1);
	if (posix_memalign(&ptr, align, size ? size : 1))
		return NULL;
	return ptr;
}

void lkl_host_free(void *ptr)
{
	free(ptr);
}

unsigned long lkl_host_usable_size(void *ptr)
{
	extern size_t malloc_usable_size(void *);

	return malloc_usable_size(ptr);
}

void lkl_host_write(int fd, const char *buf, unsigned long len)
{
	while (len) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		buf += n;
		len -= n;
	}
}

int lkl_host_vsnprintf(char *buf, unsigned long size, const char *fmt,
		       va_list args)
{
	return vsnprintf(buf, size, fmt, args);
}

void lkl_host_exit(int status)
{
	fflush(NULL);
	exit(status);
}

void lkl_host_abort(void)
{
	fflush(NULL);
	abort();
}

void lkl_host_dump_stack(void)
{
	void *frames[64];
	int n;

	if (__sanitizer_print_stack_trace) {
		__sanitizer_print_stack_trace();
		return;
	}
	n = backtrace(frames, 64);
	backtrace_symbols_fd(frames, n, 2);
}

char *lkl_host_symbolize(const void *pc, char *buf, unsigned long size)
{
	Dl_info info;

	if (!size)
		return buf;
	buf[0] = '\0';
	/*
	 * The sanitizer symbolizer prints "in func file:line"; "%f %S" gives the
	 * function and source location without the "in".
	 */
	if (__sanitizer_symbolize_pc) {
		char frames[1024];
		const char *pick = NULL, *frame;

		/*
		 * One NUL-terminated string per frame, innermost (inlined)
		 * first. A kernel API helper inlined from include/ (such as
		 * rcu_lock_acquire() inside rcu_read_lock()) is not the call
		 * site a report should name, so take the first frame outside
		 * our headers, or the outermost one.
		 */
		frames[0] = frames[1] = '\0';
		__sanitizer_symbolize_pc((void *)pc, "%f %S", frames,
					 sizeof(frames) - 1);
		frames[sizeof(frames) - 1] = '\0';
		for (frame = frames; *frame; frame += strlen(frame) + 1) {
			pick = frame;
			if (!strstr(frame, "/include/linux/") &&
			    !strstr(frame, "/include/asm/") &&
			    !strstr(frame, "/include/kunit/"))
				break;
		}
		if (pick && strncmp(pick, "<null>", 6)) {
			snprintf(buf, size, "%s", pick);
			return buf;
		}
	}
	if (dladdr(pc, &info) && info.dli_sname)
		snprintf(buf, size, "%s+%#lx", info.dli_sname,
			 (unsigned long)((const char *)pc -
					 (const char *)info.dli_saddr));
	else
		snprintf(buf, size, "%p", pc);
	return buf;
}

unsigned long long lkl_host_time_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

const char *lkl_host_getenv(const char *name)
{
	return getenv(name);
}
