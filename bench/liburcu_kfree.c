// SPDX-License-Identifier: GPL-2.0
/*
 * The peer of kfree_rcu_bench.c: the same rcuscale-style kfree workload on
 * liburcu (memb flavour), native pthreads instead of emulated kthreads,
 * call_rcu() with a callback that frees the object. Prints a "result:"
 * line in the same format.
 *
 * usage: liburcu_kfree NTHREADS ALLOC_NUM LOOPS
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <urcu/urcu-memb.h>
#include <urcu/uatomic.h>

struct kfree_obj {
	char payload[8];
	struct rcu_head rh;
};

static int alloc_num, loops;
static long pending, peak_pending;

static void free_obj(struct rcu_head *head)
{
	free(caa_container_of(head, struct kfree_obj, rh));
	uatomic_dec(&pending);
}

static void *bench_thread(void *unused)
{
	int loop, i;

	urcu_memb_register_thread();
	for (loop = 0; loop < loops; loop++) {
		for (i = 0; i < alloc_num; i++) {
			struct kfree_obj *obj = malloc(sizeof(*obj));
			long now;

			if (!obj) {
				perror("malloc");
				exit(1);
			}
			obj->payload[0] = (char)i;
			now = uatomic_add_return(&pending, 1);
			if (now > uatomic_read(&peak_pending))
				uatomic_set(&peak_pending, now);
			urcu_memb_call_rcu(&obj->rh, free_obj);
		}
	}
	urcu_memb_unregister_thread();
	return NULL;
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

int main(int argc, char **argv)
{
	unsigned long long start, ns;
	pthread_t *threads;
	int nthreads, i, err;
	long objects;

	if (argc != 4) {
		fprintf(stderr, "usage: %s NTHREADS ALLOC_NUM LOOPS\n", argv[0]);
		return 2;
	}
	nthreads = atoi(argv[1]);
	alloc_num = atoi(argv[2]);
	loops = atoi(argv[3]);
	if (nthreads < 1 || alloc_num < 1 || loops < 1) {
		fprintf(stderr, "%s: every argument must be at least 1\n",
			argv[0]);
		return 2;
	}
	threads = calloc(nthreads, sizeof(*threads));
	if (!threads)
		return 1;
	start = now_ns();
	for (i = 0; i < nthreads; i++) {
		err = pthread_create(&threads[i], NULL, bench_thread, NULL);
		if (err) {
			fprintf(stderr, "pthread_create failed: %d\n", err);
			return 1;
		}
	}
	for (i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	urcu_memb_barrier();
	ns = now_ns() - start;
	objects = (long)nthreads * alloc_num * loops;
	printf("result: objects=%ld host_ms=%llu peak_pending=%ld peak_pending_bytes=%ld objects_per_sec=%llu\n",
	       objects, ns / 1000000, peak_pending,
	       peak_pending * (long)sizeof(struct kfree_obj),
	       ns ? objects * 1000000000ULL / ns : 0);
	free(threads);
	return 0;
}
