/* fsutil.c - bounded reads and atomic writes. */
#include "fsutil.h"
#include "diag.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int fs_read_file(const char *path, size_t limit, char **data, size_t *len,
		 struct diag_list *dl)
{
	*data = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diag_add(dl, DIAG_ERROR, path, 0, 0, "not a regular file");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > limit) {
		diag_add(dl, DIAG_ERROR, path, 1, 1, "file too large (%lld bytes; the limit is %zu)",
			 (long long)st.st_size, limit);
		close(fd);
		return -1;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		/* Read one byte past the expected size to notice growth. */
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag_add(dl, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
			free(buf);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > limit) {
			diag_add(dl, DIAG_ERROR, path, 1, 1, "file too large (the limit is %zu bytes)",
				 limit);
			free(buf);
			close(fd);
			return -1;
		}
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
	}
	close(fd);
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		if (w == 0) {
			errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int fs_write_atomic(const char *path, const void *data, size_t len, mode_t new_mode,
		    struct diag_list *dl)
{
	char *dir = dir_of(path);
	char *tmp = xasprintf("%s/" FS_TMP_PREFIX "%s.XXXXXX", dir, base_of(path));
	const char *step = "create a temporary file";
	int fd = -1, rc = -1, err = 0;
	bool made = false;
	struct stat st;
	mode_t mode = new_mode;

	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode)) {
			diag_add(dl, DIAG_ERROR, path, 0, 0, "cannot save: not a regular file");
			goto out;
		}
		mode = st.st_mode & 07777;
	}
	fd = mkstemp(tmp); /* O_EXCL, mode 0600 */
	if (fd < 0)
		goto fail;
	made = true;
	step = "write";
	if (write_all(fd, data, len) < 0)
		goto fail;
	step = "set the mode of";
	if (fchmod(fd, mode) < 0)
		goto fail;
	step = "flush to disk";
	if (fsync(fd) < 0)
		goto fail; /* never retried: the page cache may have dropped the data */
	step = "close";
	int c = close(fd);
	fd = -1;
	if (c < 0)
		goto fail;
	step = "rename the temporary file over";
	if (rename(tmp, path) < 0)
		goto fail;
	rc = 0;
	/* The rename is durable once the folder is flushed; failing that is
	 * reported, but the new file is already in place. */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		if (fsync(dfd) < 0 && errno != EINVAL)
			diag_add(dl, DIAG_WARNING, path, 0, 0,
				 "saved, but flushing the folder failed: %s", strerror(errno));
		close(dfd);
	}
	goto out;
fail:
	err = errno;
	if (fd >= 0)
		close(fd);
	if (made)
		unlink(tmp);
	diag_add(dl, DIAG_ERROR, path, 0, 0, "cannot save (%s): %s; the file on disk is unchanged",
		 step, strerror(err));
out:
	free(tmp);
	free(dir);
	return rc;
}

bool fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

int fs_mkdir_p(const char *dir, mode_t mode, struct diag_list *dl)
{
	if (fs_is_dir(dir))
		return 0;
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (!fs_is_dir(p)) {
			if (mkdir(p, mode) < 0 && errno != EEXIST) {
				diag_add(dl, DIAG_ERROR, p, 0, 0, "cannot create folder: %s",
					 strerror(errno));
				rc = -1;
				break;
			}
			chmod(p, mode); /* exactly mode, whatever the umask */
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

int fs_clean_stale(const char *dir, int min_age)
{
	DIR *d = opendir(dir);
	int n = 0;
	time_t now = time(NULL);
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, FS_TMP_PREFIX, strlen(FS_TMP_PREFIX)) != 0)
			continue;
		char *p = path_join(dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime >= min_age &&
		    unlink(p) == 0)
			n++;
		free(p);
	}
	closedir(d);
	return n;
}
