// SPDX-License-Identifier: GPL-2.0
/*
 * Fibers, annotated for AddressSanitizer and ThreadSanitizer so both follow
 * the switches between kernel task stacks. See include/lkl/host.h for the
 * contract.
 *
 * On x86-64 a switch saves the callee-saved registers and swaps stack
 * pointers. swapcontext() would also make a signal-mask system call, and
 * ASan's interceptor of it clears the shadow of the whole target stack on
 * every switch, which made switching the main cost of a run. Other
 * architectures use ucontext.
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
	ucontext_t context;		/* unused on x86-64 */
	void *sp;			/* saved stack pointer, x86-64 */
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

void __asan_unpoison_memory_region(void const volatile *addr, size_t size)
	__attribute__((weak));

#if defined(__x86_64__)
/*
 * lkl_fiber_swap(&from->sp, to->sp) pushes rbp, rbx and r12-r15, stores
 * rsp in *from->sp, loads to->sp and pops the same registers. A new stack
 * is laid out so that the first swap to it "returns" into
 * lkl_fiber_start, which calls r12(rbx): fiber_trampoline(fiber).
 */
void lkl_fiber_swap(void **save_sp, void *new_sp);
void lkl_fiber_start(void);
__asm__(".text\n"
	".globl lkl_fiber_swap\n"
	".type lkl_fiber_swap,@function\n"
	"lkl_fiber_swap:\n"
	"	pushq %rbp\n"
	"	pushq %rbx\n"
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	pushq %r14\n"
	"	pushq %r15\n"
	"	movq %rsp, (%rdi)\n"
	"	movq %rsi, %rsp\n"
	"	popq %r15\n"
	"	popq %r14\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	popq %rbx\n"
	"	popq %rbp\n"
	"	ret\n"
	".size lkl_fiber_swap, .-lkl_fiber_swap\n"
	".globl lkl_fiber_start\n"
	".type lkl_fiber_start,@function\n"
	"lkl_fiber_start:\n"
	"	movq %rbx, %rdi\n"
	"	callq *%r12\n"
	"	ud2\n"
	".size lkl_fiber_start, .-lkl_fiber_start\n");
#endif

/* First code on a new fiber's stack; completes ASan's switch bookkeeping. */
static void fiber_trampoline(struct lkl_host_fiber *f)
{
	finish_switch(NULL);
	f->fn(f->arg);
	fprintf(stderr, "lkl-shim: fiber function %p returned; a task must "
		"exit by switching away\n", (void *)f->fn);
	abort();
}

#if !defined(__x86_64__)
static void fiber_trampoline_split(unsigned int lo, unsigned int hi)
{
	fiber_trampoline((struct lkl_host_fiber *)
			 (((unsigned long)hi << 32) | (unsigned long)lo));
}
#endif

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
	/* This fails when the host runs out of mappings: report ENOMEM. */
	if (mprotect(f->stack, page, PROT_NONE)) {
		munmap(f->stack, stack_size + page);
		free(f);
		return NULL;
	}
	f->stack_size = stack_size + page;
	f->fn = fn;
	f->arg = arg;
	f->context.uc_stack.ss_sp = (char *)f->stack + page;
	f->context.uc_stack.ss_size = stack_size;
	/* A reused mapping may still carry ASan poison from an old stack. */
	if (__asan_unpoison_memory_region)
		__asan_unpoison_memory_region(f->context.uc_stack.ss_sp,
					      stack_size);
#if defined(__x86_64__)
	{
		unsigned long *sp = (unsigned long *)
			((char *)f->context.uc_stack.ss_sp + stack_size);

		/* 7 slots: r15 r14 r13 r12 rbx rbp return; then alignment. */
		sp -= 9;
		sp[0] = sp[1] = sp[2] = 0;
		sp[3] = (unsigned long)fiber_trampoline;
		sp[4] = (unsigned long)f;
		sp[5] = 0;
		sp[6] = (unsigned long)lkl_fiber_start;
		sp[7] = sp[8] = 0;
		f->sp = sp;
		(void)p;
	}
#else
	if (getcontext(&f->context))
		fiber_fatal("getcontext");
	f->context.uc_link = NULL;
	p = (unsigned long)f;
	makecontext(&f->context, (void (*)(void))fiber_trampoline_split, 2,
		    (unsigned int)p, (unsigned int)(p >> 32));
#endif
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
		/* With a NULL save slot, ASan drops the old stack's fake frames. */
		__sanitizer_start_switch_fiber(from_exits ? NULL : &fake_stack,
					       stack_bottom, stack_size);
	}
	switched_from = from;
	if (__tsan_switch_to_fiber && to->tsan_fiber)
		__tsan_switch_to_fiber(to->tsan_fiber, 0);
#if defined(__x86_64__)
	lkl_fiber_swap(&from->sp, to->sp);
#else
	if (swapcontext(&from->context, &to->context))
		fiber_fatal("swapcontext");
#endif
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
