/* lock.c - a per-folder writer lock with flock(). */
#define _DEFAULT_SOURCE /* flock */
#include "lock.h"
#include "diag.h"
#include "fsutil.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int lock_acquire(struct folder_lock *l, const char *stories_dir, long *holder,
		 struct diag_list *dl)
{
	char *dir = path_join(stories_dir, ".lpcoach");
	char *path = path_join(dir, "lock");
	int rc = -1;
	l->fd = -1;
	if (holder)
		*holder = 0;
	if (fs_mkdir_p(dir, 0700, dl) < 0)
		goto out;
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "cannot open the lock file: %s", strerror(errno));
		goto out;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		char buf[32] = { 0 };
		long pid = 0;
		if (pread(fd, buf, sizeof(buf) - 1, 0) > 0)
			pid = strtol(buf, NULL, 10);
		if (holder)
			*holder = pid;
		if (pid > 0)
			diag_add(dl, DIAG_ERROR, stories_dir, 0, 0,
				 "the stories folder is locked by PID %ld (another lpcoach is editing it)",
				 pid);
		else
			diag_add(dl, DIAG_ERROR, stories_dir, 0, 0,
				 "the stories folder is locked by another lpcoach");
		close(fd);
		goto out;
	}
	char pid[32];
	int n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) == 0 && pwrite(fd, pid, (size_t)n, 0) == n)
		fsync(fd);
	l->fd = fd;
	rc = 0;
out:
	free(dir);
	free(path);
	return rc;
}

void lock_release(struct folder_lock *l)
{
	if (l->fd < 0)
		return;
	/* Clear the PID so nobody reads a stale one; the lock goes with close. */
	if (ftruncate(l->fd, 0) < 0)
		errno = 0;
	flock(l->fd, LOCK_UN);
	close(l->fd);
	l->fd = -1;
}
