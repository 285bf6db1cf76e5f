// SPDX-License-Identifier: GPL-2.0
/*
 * Fibers on ucontext, annotated for AddressSanitizer and ThreadSanitizer so
 * both follow the switches between kernel task stacks. See
 * include/lkl/host.h for the contract.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include <lkl/host.h>

/* Sanitizer fiber interfaces; weak, so uninstrumented builds link too. */
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom,
				    size_t size) __attribute__((weak));
void __sanitizer_finish_switch_fiber(void *fake_stack_save,
				     const void **bottom_old,
				     size_t *size_old) __attribute__((weak));
void *__tsan_get_current_fiber(void) __attribute__((weak));
void *__tsan_create_fiber(unsigned flags) __attribute__((weak));
void __tsan_destroy_fiber(void *fiber) __attribute__((weak));
void __tsan_switch_to_fiber(void *fiber, unsigned flags) __attribute__((weak));

struct lkl_host_fiber {
	ucontext_t context;
	void *stack;		/* NULL for a thread's own stack */
	size_t stack_size;
	void (*fn)(void *);
	void *arg;
	void *tsan_fiber;
	int exiting;
	/* Stack bounds as ASan reports them; learnt for a thread's own stack. */
	const void *asan_bottom;
	size_t asan_size;
};

static __thread struct lkl_host_fiber *thread_fiber;
/* The fiber that the running one was switched from, for ASan's bookkeeping. */
static __thread struct lkl_host_fiber *switched_from;

/* Completes a switch on the new stack and records the old stack's bounds. */
static void finish_switch(void *fake_stack)
{
	struct lkl_host_fiber *prev = switched_from;

	if (!__sanitizer_finish_switch_fiber)
		return;
	if (prev && !prev->exiting)
		__sanitizer_finish_switch_fiber(fake_stack, &prev->asan_bottom,
						&prev->asan_size);
	else
		__sanitizer_finish_switch_fiber(fake_stack, NULL, NULL);
}

static void fiber_fatal(const char *what)
{
	fprintf(stderr, "lkl-shim: %s failed: %s\n", what, strerror(errno));
	abort();
}

struct lkl_host_fiber *lkl_host_fiber_current_thread(void)
{
	struct lkl_host_fiber *f = thread_fiber;

	if (f)
		return f;
	f = calloc(1, sizeof(*f));
	if (!f)
		fiber_fatal("calloc of the thread fiber");
	if (__tsan_get_current_fiber)
		f->tsan_fiber = __tsan_get_current_fiber();
	thread_fiber = f;
	return f;
}

/* First code on a new fiber's stack: tells ASan the switch is complete. */
static void fiber_trampoline(unsigned int lo, unsigned int hi)
{
	struct lkl_host_fiber *f = (struct lkl_host_fiber *)
		(((unsigned long)hi << 32) | (unsigned long)lo);

	finish_switch(NULL);
	f->fn(f->arg);
	fprintf(stderr, "lkl-shim: fiber function %p returned; a task must "
		"exit by switching away\n", (void *)f->fn);
	abort();
}

struct lkl_host_fiber *lkl_host_fiber_create(void (*fn)(void *), void *arg,
					     unsigned long stack_size)
{
	long page = sysconf(_SC_PAGESIZE);
	struct lkl_host_fiber *f;
	unsigned long p = 0;

	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	stack_size = (stack_size + page - 1) & ~(page - 1);
	/* One guard page below the stack turns an overflow into SIGSEGV. */
	f->stack = mmap(NULL, stack_size + page, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (f->stack == MAP_FAILED) {
		free(f);
		return NULL;
	}
	if (mprotect(f->stack, page, PROT_NONE))
		fiber_fatal("mprotect of a fiber guard page");
	f->stack_size = stack_size + page;
	f->fn = fn;
	f->arg = arg;
	if (getcontext(&f->context))
		fiber_fatal("getcontext");
	f->context.uc_stack.ss_sp = (char *)f->stack + page;
	f->context.uc_stack.ss_size = stack_size;
	f->context.uc_link = NULL;
	p = (unsigned long)f;
	makecontext(&f->context, (void (*)(void))fiber_trampoline, 2,
		    (unsigned int)p, (unsigned int)(p >> 32));
	if (__tsan_create_fiber)
		f->tsan_fiber = __tsan_create_fiber(0);
	return f;
}

static void switch_to(struct lkl_host_fiber *from, struct lkl_host_fiber *to,
		      int from_exits)
{
	void *fake_stack = NULL;
	const void *stack_bottom;
	size_t stack_size;

	if (__sanitizer_start_switch_fiber) {
		if (to->stack) {
			stack_bottom = to->context.uc_stack.ss_sp;
			stack_size = to->context.uc_stack.ss_size;
		} else {
			stack_bottom = to->asan_bottom;
			stack_size = to->asan_size;
		}
		/* A NULL save slot tells ASan the old stack is gone for good. */
		__sanitizer_start_switch_fiber(from_exits ? NULL : &fake_stack,
					       stack_bottom, stack_size);
	}
	switched_from = from;
	if (__tsan_switch_to_fiber && to->tsan_fiber)
		__tsan_switch_to_fiber(to->tsan_fiber, 0);
	if (swapcontext(&from->context, &to->context))
		fiber_fatal("swapcontext");
	finish_switch(fake_stack);
}

void lkl_host_fiber_switch(struct lkl_host_fiber *from,
			   struct lkl_host_fiber *to)
{
	if (from == to)
		return;
	switch_to(from, to, 0);
}

void lkl_host_fiber_exit_to(struct lkl_host_fiber *from,
			    struct lkl_host_fiber *to)
{
	from->exiting = 1;
	switch_to(from, to, 1);
	fprintf(stderr, "lkl-shim: an exited fiber was resumed\n");
	abort();
}

void lkl_host_fiber_destroy(struct lkl_host_fiber *fiber)
{
	if (!fiber)
		return;
	if (__tsan_destroy_fiber && fiber->tsan_fiber && fiber->stack)
		__tsan_destroy_fiber(fiber->tsan_fiber);
	if (fiber->stack && munmap(fiber->stack, fiber->stack_size))
		fiber_fatal("munmap of a fiber stack");
	if (!fiber->stack && thread_fiber == fiber)
		thread_fiber = NULL;
	free(fiber);
}
