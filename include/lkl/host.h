/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Services of the host process that the emulated kernel is built on.
 *
 * Implemented in lkl-shim/host/ with libc, pthreads and ucontext. This header
 * uses only compiler-provided types, so both kernel-side code (built with
 * -nostdinc against include/) and host-side code may include it. Nothing in
 * kernel-src/ calls these directly: only lkl-shim/ does.
 */
#ifndef _LKL_HOST_H
#define _LKL_HOST_H

/* Memory from the host allocator, visible to ASan and valgrind. */
void *lkl_host_malloc(unsigned long size, unsigned long align);
void lkl_host_free(void *ptr);
unsigned long lkl_host_usable_size(void *ptr);

/* Output: fd is 1 (stdout) or 2 (stderr). Writes are unbuffered. */
void lkl_host_write(int fd, const char *buf, unsigned long len);
int lkl_host_vsnprintf(char *buf, unsigned long size, const char *fmt,
		       __builtin_va_list args);

/* Leaving the process. lkl_host_abort() raises SIGABRT, so fuzzers see it. */
void lkl_host_exit(int status) __attribute__((__noreturn__));
void lkl_host_abort(void) __attribute__((__noreturn__));

/* Prints the host call stack of the caller to stderr. */
void lkl_host_dump_stack(void);

/*
 * Writes "function file:line" for a code address into buf, or the raw
 * address when no symbolizer is available. Returns buf.
 */
char *lkl_host_symbolize(const void *pc, char *buf, unsigned long size);

/* Host monotonic clock in nanoseconds: for reporting rates, never for jiffies. */
unsigned long long lkl_host_time_ns(void);

const char *lkl_host_getenv(const char *name);

/*
 * Fibers: cooperative execution contexts on their own stacks, annotated for
 * ASan and TSan. Every kernel task runs on one. A fiber whose function
 * returns is a bug: task exit switches away and never comes back.
 */
struct lkl_host_fiber;

/* The fiber of the calling host thread's own stack, created on first use. */
struct lkl_host_fiber *lkl_host_fiber_current_thread(void);
struct lkl_host_fiber *lkl_host_fiber_create(void (*fn)(void *), void *arg,
					     unsigned long stack_size);
/*
 * Suspends from (which must be the running fiber) and resumes to. Returns
 * when something switches back to from.
 */
void lkl_host_fiber_switch(struct lkl_host_fiber *from,
			   struct lkl_host_fiber *to);
/*
 * Like lkl_host_fiber_switch(), for a fiber that will never run again; the
 * caller frees it later with lkl_host_fiber_destroy() from another fiber.
 */
void lkl_host_fiber_exit_to(struct lkl_host_fiber *from,
			    struct lkl_host_fiber *to)
	__attribute__((__noreturn__));
void lkl_host_fiber_destroy(struct lkl_host_fiber *fiber);

/*
 * Host threads, for the threaded mode where each emulated CPU runs on its
 * own pthread. lkl_host_thread_create() returns NULL on failure after
 * printing the pthread error.
 */
struct lkl_host_thread;
struct lkl_host_thread *lkl_host_thread_create(void (*fn)(void *), void *arg);
void lkl_host_thread_join(struct lkl_host_thread *thread);

/*
 * An auto-reset event: lkl_host_event_wait() returns when the event is
 * signalled (consuming the signal) or after timeout_ns nanoseconds.
 */
struct lkl_host_event;
struct lkl_host_event *lkl_host_event_create(void);
void lkl_host_event_destroy(struct lkl_host_event *event);
void lkl_host_event_signal(struct lkl_host_event *event);
void lkl_host_event_wait(struct lkl_host_event *event,
			 unsigned long long timeout_ns);

/* Gives the host CPU away briefly, inside a spin-wait. */
void lkl_host_yield(void);

#endif /* _LKL_HOST_H */
