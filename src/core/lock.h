/* lock.h - one writer at a time per stories folder.
 *
 * The lock is "<stories>/.lpcoach/lock", a file that is never renamed (so
 * its inode, and the lock on it, stay put while stories are replaced by
 * atomic renames), locked with flock() and holding the owner's PID. The
 * kernel drops the lock when its process dies, so a lock left by a killed
 * process is recovered by the next start; the stale PID in the file is
 * simply overwritten.
 */
#ifndef LPCOACH_LOCK_H
#define LPCOACH_LOCK_H

struct diag_list;

struct folder_lock {
	int fd; /* -1 when not held */
};

/* Take the lock. Returns 0; or -1 with a diagnostic ("locked by PID n"),
 * and *holder set to that PID when known (else 0). */
int lock_acquire(struct folder_lock *l, const char *stories_dir, long *holder,
		 struct diag_list *dl);
void lock_release(struct folder_lock *l);

#endif
