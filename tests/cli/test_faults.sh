#!/usr/bin/env bash
# A failed save leaves the old file as it was and says so: each system call
# of the save (creating the temporary file, writing, fsync, close, rename)
# is made to fail in turn with strace's fault injection, and a file size
# limit makes the disk "full".
. "$(dirname "$0")/../lib.sh"
SAVER=${UNIT_DIR:-$ROOT/build/tests}/../tools/saver
mkdir -p "$T/bank"
orig=$ROOT/stories/late-partition-root-cause.yaml
f=$T/bank/s.yaml

if ! command -v strace >/dev/null 2>&1; then
	echo "not ok - strace is installed (.ci/run installs it)"
	exit 0
fi
cp "$orig" "$f"
# Where the save's calls stand among all the process's calls of each kind.
strace -f -qq -e trace=openat,write,fsync,close,rename -o "$T/trace" "$SAVER" once "$f"
cp "$orig" "$f"
nth() { # nth SYSCALL PATTERN: occurrence number of the first call of SYSCALL
	# matching PATTERN, from the creation of the temporary file on
	awk -v s="$1(" -v p="$2" '/lpcoach-tmp/ { on = 1 } index($0, s) { n++; if (on && $0 ~ p) { print n; exit } }' "$T/trace"
}
# The save: openat of the temporary file, then on fd 3 its write, fsync and
# close, then the rename.
points=(
	"openat $(nth openat 'lpcoach-tmp') EACCES"
	"openat $(nth openat 'lpcoach-tmp') ENOSPC"
	"write $(nth write 'write\(3,') ENOSPC"
	"write $(nth write 'write\(3,') EIO"
	"fsync $(nth fsync 'fsync\(3') EIO"
	"close $(nth close 'close\(3') EIO"
	"rename $(nth rename 'lpcoach-tmp') EXDEV"
	"rename $(nth rename 'lpcoach-tmp') EACCES"
)
for p in "${points[@]}"; do
	set -- $p
	sys=$1 n=$2 errno=$3
	if [ -z "$n" ]; then not_ok "found the $sys call of the save in the trace"; continue; fi
	cp "$orig" "$f"
	out=$(strace -f -qq -o /dev/null -e trace="$sys" -e inject="$sys":error="$errno":when="$n" "$SAVER" once "$f" 2>&1)
	rc=$?
	err=$out
	expect_rc "$sys fails with $errno: the save reports failure" 1
	expect_file_eq "$sys fails with $errno: the old file is unchanged" "$orig" "$f"
	expect_err "$sys fails with $errno: the error says the file is unchanged" "the file on disk is unchanged"
	left=$(ls -a "$T/bank" | grep -c '^\.lpcoach-tmp-')
	expect_eq "$sys fails with $errno: no temporary file is left" 0 "$left"
done

# fsync is never retried: one failing fsync, and the save gives up.
cp "$orig" "$f"
strace -f -qq -o "$T/trace2" -e trace=fsync -e inject=fsync:error=EIO:when="$(nth fsync 'fsync\(3')" "$SAVER" once "$f" 2>/dev/null
expect_eq "a failed fsync is not retried" 1 "$(grep -c 'fsync(3' "$T/trace2")"

# A full disk: a file size limit below the story's size (SIGXFSZ ignored,
# so the write fails with EFBIG).
cp "$orig" "$f"
out=$( (trap '' XFSZ; ulimit -f 1; "$SAVER" once "$f") 2>&1 )
rc=$?
err=$out
expect_rc "a full disk: the save reports failure" 1
expect_file_eq "a full disk: the old file is unchanged" "$orig" "$f"
expect_err "a full disk: the error names the cause" "File too large|No space"

# The same for a report written with --output.
printf 'old report\n' >"$T/report.md"
( trap '' XFSZ; ulimit -f 1; "$LPCOACH_BIN" --stories "$ROOT/stories" report --format markdown --output "$T/report.md" ) >"$T/.out" 2>"$T/.err"
rc=$? out=$(cat "$T/.out") err=$(cat "$T/.err")
expect_rc "report --output on a full disk: exit 2" 2
expect_eq "report --output on a full disk: the old report is unchanged" "old report" "$(cat "$T/report.md")"
expect_err "report --output on a full disk: says so" "cannot save .*unchanged"
