// SPDX-License-Identifier: GPL-2.0
/*
 * Host threads and events for the threaded mode of the emulated machine.
 * See include/lkl/host.h.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lkl/host.h>

struct lkl_host_thread {
	pthread_t thread;
	void (*fn)(void *);
	void *arg;
};

struct lkl_host_event {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int signalled;
};

static void host_check(int err, const char *what)
{
	if (!err)
		return;
	fprintf(stderr, "lkl-shim: %s failed: %s\n", what, strerror(err));
	abort();
}

static void *thread_start(void *arg)
{
	struct lkl_host_thread *t = arg;

	t->fn(t->arg);
	return NULL;
}

struct lkl_host_thread *lkl_host_thread_create(void (*fn)(void *), void *arg)
{
	struct lkl_host_thread *t = calloc(1, sizeof(*t));
	int err;

	if (!t)
		return NULL;
	t->fn = fn;
	t->arg = arg;
	err = pthread_create(&t->thread, NULL, thread_start, t);
	if (err) {
		fprintf(stderr, "lkl-shim: pthread_create failed: %s\n",
			strerror(err));
		free(t);
		return NULL;
	}
	return t;
}

void lkl_host_thread_join(struct lkl_host_thread *t)
{
	host_check(pthread_join(t->thread, NULL), "pthread_join");
	free(t);
}

struct lkl_host_event *lkl_host_event_create(void)
{
	struct lkl_host_event *e = calloc(1, sizeof(*e));
	pthread_condattr_t attr;

	if (!e)
		return NULL;
	host_check(pthread_mutex_init(&e->lock, NULL), "pthread_mutex_init");
	host_check(pthread_condattr_init(&attr), "pthread_condattr_init");
	host_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC),
		   "pthread_condattr_setclock");
	host_check(pthread_cond_init(&e->cond, &attr), "pthread_cond_init");
	pthread_condattr_destroy(&attr);
	return e;
}

void lkl_host_event_destroy(struct lkl_host_event *e)
{
	if (!e)
		return;
	pthread_cond_destroy(&e->cond);
	pthread_mutex_destroy(&e->lock);
	free(e);
}

void lkl_host_event_signal(struct lkl_host_event *e)
{
	host_check(pthread_mutex_lock(&e->lock), "pthread_mutex_lock");
	e->signalled = 1;
	host_check(pthread_cond_signal(&e->cond), "pthread_cond_signal");
	host_check(pthread_mutex_unlock(&e->lock), "pthread_mutex_unlock");
}

void lkl_host_event_wait(struct lkl_host_event *e,
			 unsigned long long timeout_ns)
{
	struct timespec deadline;
	int err = 0;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += timeout_ns / 1000000000ULL;
	deadline.tv_nsec += timeout_ns % 1000000000ULL;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	host_check(pthread_mutex_lock(&e->lock), "pthread_mutex_lock");
	while (!e->signalled && err != ETIMEDOUT) {
		err = pthread_cond_timedwait(&e->cond, &e->lock, &deadline);
		if (err && err != ETIMEDOUT)
			host_check(err, "pthread_cond_timedwait");
	}
	e->signalled = 0;
	host_check(pthread_mutex_unlock(&e->lock), "pthread_mutex_unlock");
}

void lkl_host_yield(void)
{
	sched_yield();
}
