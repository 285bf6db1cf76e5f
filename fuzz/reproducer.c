// SPDX-License-Identifier: GPL-2.0
/*
 * Standalone reproducer for the fuzz drivers: a plain main() that feeds
 * each file named on the command line (or every file of a directory) to
 * the driver's LLVMFuzzerTestOneInput(), without libFuzzer, for running a
 * crash under gdb. Host-side code: it reads files with libc.
 *
 * Usage: repro-NAME [-v] FILE|DIR...  (-v keeps the kernel's info messages)
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* fuzz/harness.c: nonzero keeps info messages of every boot. */
extern _Bool fuzz_verbose;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long size;

	if (!f) {
		perror(path);
		return 1;
	}
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET)) {
		perror(path);
		fclose(f);
		return 1;
	}
	buf = malloc(size ? size : 1);
	if (!buf || fread(buf, 1, size, f) != (size_t)size) {
		fprintf(stderr, "%s: read failed\n", path);
		fclose(f);
		free(buf);
		return 1;
	}
	fclose(f);
	fprintf(stderr, "Running: %s (%ld bytes)\n", path, size);
	LLVMFuzzerTestOneInput(buf, size);
	free(buf);
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs a directory's regular files in name order. */
static int run_dir(const char *dir)
{
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, i;
	int ret = 0;
	DIR *d = opendir(dir);

	if (!d) {
		perror(dir);
		return 1;
	}
	while ((de = readdir(d))) {
		char **grown;

		if (de->d_name[0] == '.')
			continue;
		grown = realloc(names, (n + 1) * sizeof(*names));
		if (!grown)
			break;
		names = grown;
		if (asprintf(&names[n], "%s/%s", dir, de->d_name) < 0)
			break;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	for (i = 0; i < n; i++) {
		ret |= run_file(names[i]);
		free(names[i]);
	}
	free(names);
	return ret;
}

int main(int argc, char **argv)
{
	struct stat st;
	int i, ret = 0, files = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v")) {
			fuzz_verbose = 1;
			continue;
		}
		/* libFuzzer-style flags are accepted and ignored. */
		if (argv[i][0] == '-')
			continue;
		if (stat(argv[i], &st)) {
			perror(argv[i]);
			return 1;
		}
		ret |= S_ISDIR(st.st_mode) ? run_dir(argv[i]) : run_file(argv[i]);
		files++;
	}
	if (!files) {
		fprintf(stderr, "usage: %s [-v] FILE|DIR...\n", argv[0]);
		return 2;
	}
	fprintf(stderr, "Executed %d argument%s without a crash\n", files,
		files == 1 ? "" : "s");
	return ret;
}
