#!/usr/bin/env bash
# run.sh - lpcoach's benchmarks (make bench). See bench/README.md.
#
# Environment (set by make bench):
#   LPCOACH_BIN   the lpcoach binary
#   BENCH_DIR     the folder with the built bench and gen
# Knobs:
#   BENCH_STORIES            stories in the generated bank (default 10000)
#   BENCH_SEED               gen's seed (default 42)
#   BENCH_RUNS               runs per in-process figure (default 5)
#   BENCH_PROSELINT_STORIES  stories given to proselint (default 300)
#   BENCH_NO_PEERS=1         skip diction and proselint
#
# Prints figures as they come, then one table: figure | value | target |
# status. Targets are reported, never asserted: the exit status is 0 when
# every measurement ran, 2 when something could not be measured at all.

set -u -o pipefail
export LC_ALL=C
unset LPCOACH_STORIES LPCOACH_DATA

die() {
	echo "bench: $*" >&2
	exit 2
}

if [ -z "${LPCOACH_BIN:-}" ] || [ ! -x "$LPCOACH_BIN" ]; then
	die "set LPCOACH_BIN to the lpcoach binary (run 'make bench')"
fi
if [ -z "${BENCH_DIR:-}" ] || [ ! -x "$BENCH_DIR/bench" ] || [ ! -x "$BENCH_DIR/gen" ]; then
	die "set BENCH_DIR to the folder holding the built bench and gen (run 'make bench')"
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${BENCH_STORIES:-10000}
SEED=${BENCH_SEED:-42}
PL_STORIES=${BENCH_PROSELINT_STORIES:-300}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lpcoach-bench.XXXXXX") || die "cannot create a temporary folder"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
bank=$tmp/bank
status=0

# ---- helpers -----------------------------------------------------------------

now() { printf '%s\n' "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f\n", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"%s\\n\", $1 }" ; }
fmt() { awk -v v="$2" "BEGIN { printf \"$1\", v }"; }

# status for 'value must be >= target' and 'value must be < target'
at_least() { # value target unit
	awk -v v="$1" -v t="$2" -v u="$3" 'BEGIN {
		if (v == "") { print "-"; exit }
		if (v + 0 >= t + 0) print "ok";
		else printf "missed by %.3g%s (needs %.1fx)\n", t - v, u, (v > 0 ? t / v : 0) }'
}
below() { # value target unit
	awk -v v="$1" -v t="$2" -v u="$3" 'BEGIN {
		if (v == "") { print "-"; exit }
		if (v + 0 < t + 0) print "ok";
		else printf "missed by %.3g%s (needs %.1fx)\n", v - t, u, (t > 0 ? v / t : 0) }'
}

rows=$tmp/rows
: >"$rows"
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$rows"; }

declare -A fig
read_figures() { # file of name<TAB>value<TAB>unit
	local name value _unit
	while IFS=$'\t' read -r name value _unit; do
		[ -n "$name" ] && fig[$name]=$value
	done <"$1"
}

# Make a peer tool available: install its Debian package when root.
ensure_tool() { # command package
	command -v "$1" >/dev/null 2>&1 && return 0
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "   installing $2 (apt-get install -y $2)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y "$2" >"$tmp/apt-$2.log" 2>&1 ||
			{ DEBIAN_FRONTEND=noninteractive apt-get update >>"$tmp/apt-$2.log" 2>&1 &&
				DEBIAN_FRONTEND=noninteractive apt-get install -y "$2" >>"$tmp/apt-$2.log" 2>&1; } ||
			tail -n 3 "$tmp/apt-$2.log" | sed 's/^/   /'
	fi
	command -v "$1" >/dev/null 2>&1
}

lp() { "$LPCOACH_BIN" --data "$ROOT" --stories "$bank" "$@"; }

# ---- 1. the bank ----------------------------------------------------------------

echo "== bank: $N stories (seed $SEED)"
"$BENCH_DIR/gen" "$N" "$bank" "$SEED" | sed 's/^/   /' || die "gen failed"
disk_kb=$(du -sk "$bank" | cut -f1)

# ---- 2. in-process figures --------------------------------------------------------

echo "== core, in process (median of ${BENCH_RUNS:-5} runs; live lint over ${BENCH_LIVE_CALLS:-2000} calls)"
"$BENCH_DIR/bench" "$ROOT" "$bank" >"$tmp/bench.tsv" 2>"$tmp/bench.err"
brc=$?
sed 's/^/   /' "$tmp/bench.tsv"
sed 's/^/   /' "$tmp/bench.err" >&2
[ "$brc" -eq 0 ] || { echo "bench: bench exited $brc" >&2; status=2; }
read_figures "$tmp/bench.tsv"
[ -n "${fig[lint_throughput]:-}" ] || die "bench printed no lint figure"

# ---- 3. the real binary -------------------------------------------------------------

echo "== lpcoach report (wall time, median of 3)"
: >"$tmp/report.times"
for i in 1 2 3; do
	t0=$(now)
	lp report >"$tmp/report.out" 2>"$tmp/report.err"
	rc=$?
	t1=$(now)
	elapsed "$t0" "$t1" >>"$tmp/report.times"
	printf '   run %d: %s s (exit %d)\n' "$i" "$(tail -n 1 "$tmp/report.times")" "$rc"
	# 0 complete, 1 gaps, 2 the malformed files were reported: all expected
	if [ "$rc" -gt 2 ]; then
		echo "bench: lpcoach report exited $rc" >&2
		status=2
	fi
done
report_wall=$(median <"$tmp/report.times")
report_errs=$(grep -c ': error: ' "$tmp/report.err")
echo "   $(head -n 1 "$tmp/report.out")"
echo "   $report_errs story files reported as broken on standard error"

echo "== lpcoach lint: peak resident memory"
bank_bytes=${fig[bank_bytes]}
t0=$(now)
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o "$tmp/rss" "$LPCOACH_BIN" --data "$ROOT" --stories "$bank" lint --no-exit \
		>/dev/null 2>"$tmp/lint.err"
	rc=$?
	rss_kb=$(tail -n 1 "$tmp/rss")
	how="/usr/bin/time -f %M"
else
	rss_kb=$(python3 - "$LPCOACH_BIN" --data "$ROOT" --stories "$bank" lint --no-exit <<'EOF'
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(r.returncode)
EOF
	)
	rc=$?
	how="python3 getrusage(RUSAGE_CHILDREN)"
fi
t1=$(now)
lint_wall=$(elapsed "$t0" "$t1")
[ "$rc" -le 2 ] || { echo "bench: lpcoach lint exited $rc" >&2; status=2; }
mem_ratio=$(calc "$rss_kb * 1024 / $bank_bytes")
printf '   peak RSS %s KiB (%s), bank %s bytes (%s KiB on disk by du): %.2fx; wall %.3f s, exit %d\n' \
	"$rss_kb" "$how" "$bank_bytes" "$disk_kb" "$mem_ratio" "$lint_wall" "$rc"

echo "== first screen, 1,000 stories (under a pseudo-terminal, median of 5)"
# lpcoach runs on a real pseudo-terminal (80x24, xterm-256color); the time is
# from starting it to the moment the home screen's summary line has been
# written to the terminal. Then 'q' quits it.
first_val="n/a"
first_s=""
"$BENCH_DIR/gen" 1000 "$tmp/bank1000" "$SEED" >/dev/null || die "gen failed"
tui_locale=$(locale -a 2>/dev/null | grep -i -E '^c\.utf-?8$' | head -n 1)
[ -n "$tui_locale" ] || tui_locale=C
cat >"$tmp/first_screen.py" <<'PY'
import fcntl, os, pty, select, struct, sys, termios, time
binary, data, stories = sys.argv[1:4]
t0 = time.monotonic()
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm-256color"
    os.execv(binary, [binary, "--data", data, "--stories", stories])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
seen, out, first = b"principles covered", b"", None
deadline = t0 + 30
while time.monotonic() < deadline:
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if first is None and seen in out:
            first = time.monotonic() - t0
            os.write(fd, b"q")
    elif first is not None:
        break
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
if first is None:
    sys.exit("no home screen")
print("%.6f" % first)
PY
: >"$tmp/tui.times"
for i in 1 2 3 4 5; do
	if ! LC_ALL=$tui_locale python3 "$tmp/first_screen.py" "$LPCOACH_BIN" "$ROOT" "$tmp/bank1000" >>"$tmp/tui.times" 2>"$tmp/tui.err"; then
		echo "   no screen under the pseudo-terminal: $(head -n 1 "$tmp/tui.err")"
		: >"$tmp/tui.times"
		break
	fi
	printf '   run %d: %s s\n' "$i" "$(tail -n 1 "$tmp/tui.times")"
done
if [ -s "$tmp/tui.times" ]; then
	first_s=$(median <"$tmp/tui.times")
	first_val="$(fmt '%.1f' "$(calc "$first_s * 1000")") ms"
fi

# ---- 4. peers on the same text ---------------------------------------------------------

lint_mbs=${fig[lint_throughput]}
diction_val="skipped: install diction"
diction_ratio=""
proselint_val="skipped: install proselint (python3-proselint)"
proselint_ratio=""

if [ "${BENCH_NO_PEERS:-}" = 1 ]; then
	diction_val="skipped (BENCH_NO_PEERS=1)"
	proselint_val=$diction_val
else
	"$BENCH_DIR/bench" --text "$bank" "$tmp/corpus.txt" >/dev/null || die "bench --text failed"
	corpus_bytes=$(wc -c <"$tmp/corpus.txt")

	echo "== GNU diction on the whole corpus ($corpus_bytes bytes of plain text)"
	if ensure_tool diction diction; then
		: >"$tmp/diction.times"
		for i in 1 2 3; do
			t0=$(now)
			diction "$tmp/corpus.txt" >"$tmp/diction.out" 2>&1
			t1=$(now)
			t=$(elapsed "$t0" "$t1")
			echo "$t" >>"$tmp/diction.times"
			printf '   run %d: %s s\n' "$i" "$t"
			# one run is enough when a run is slow: keep make bench short
			awk -v t="$t" 'BEGIN { exit !(t > 40) }' && break
		done
		dt=$(median <"$tmp/diction.times")
		diction_mbs=$(calc "$corpus_bytes / 1e6 / $dt")
		diction_ratio=$(calc "$lint_mbs / $diction_mbs")
		echo "   $(tail -n 1 "$tmp/diction.out")"
		diction_val=$(printf '%.1fx (%.2f MB/s vs %.3f MB/s)' "$diction_ratio" "$lint_mbs" "$diction_mbs")
		echo "   diction $(fmt '%.3f' "$diction_mbs") MB/s; lpcoach lint $diction_val"
	else
		echo "   skipped: install diction"
	fi

	echo "== proselint on $PL_STORIES stories (one file, fresh cache, one run)"
	if ensure_tool proselint python3-proselint; then
		"$BENCH_DIR/bench" --text "$bank" "$tmp/subset.txt" "$PL_STORIES" >/dev/null || die "bench --text failed"
		sub_bytes=$(wc -c <"$tmp/subset.txt")
		mkdir -p "$tmp/home"
		t0=$(now)
		# proselint caches results under ~/.cache: a fresh one, or it measures the cache
		HOME=$tmp/home XDG_CACHE_HOME=$tmp/home/.cache proselint "$tmp/subset.txt" >"$tmp/proselint.out" 2>&1
		prc=$?
		t1=$(now)
		pt=$(elapsed "$t0" "$t1")
		if [ "$prc" -le 1 ]; then
			proselint_mbs=$(calc "$sub_bytes / 1e6 / $pt")
			proselint_ratio=$(calc "$lint_mbs / $proselint_mbs")
			proselint_val=$(printf '%.0fx (%.2f MB/s vs %.4f MB/s)' "$proselint_ratio" "$lint_mbs" "$proselint_mbs")
			printf '   %s bytes in %s s, %d findings; lpcoach lint %s\n' "$sub_bytes" "$pt" \
				"$(grep -c . "$tmp/proselint.out")" "$proselint_val"
		else
			proselint_val="failed (exit $prc)"
			echo "   proselint exited $prc:"
			tail -n 5 "$tmp/proselint.out" | sed 's/^/   /'
		fi
	else
		echo "   skipped: install proselint (Debian package python3-proselint)"
	fi
fi

# ---- 5. the table ---------------------------------------------------------------------

f() { fmt "$1" "$2"; }
row "bank" "$(f '%d' "${fig[bank_files]}") files, $(f '%d' "${fig[load_stories]}") stories, $(f '%d' "${fig[load_broken]}") malformed, $(f '%.1f' "$(calc "$bank_bytes / 1e6")") MB" "-" "-"
row "load, whole bank (bank_load)" "$(f '%.3f' "${fig[load_time]}") s, $(f '%.1f' "${fig[load_throughput]}") MB/s" "-" "-"
row "lint, whole bank, single core" "$(f '%.1f' "$lint_mbs") MB/s ($(f '%.0f' "${fig[lint_rate]}") stories/s)" ">= 50 MB/s" "$(at_least "$lint_mbs" 50 ' MB/s')"
row "live lint, one story, median" "$(f '%.1f' "${fig[live_lint_median]}") us ($(f '%d' "${fig[live_lint_bytes]}") bytes)" "< 500 us" "$(below "${fig[live_lint_median]}" 500 ' us')"
row "live lint, one story, p99" "$(f '%.1f' "${fig[live_lint_p99]}") us" "-" "-"
row "report, $N stories (lpcoach report)" "$(f '%.3f' "$report_wall") s" "< 0.5 s" "$(below "$report_wall" 0.5 ' s')"
row "  coverage + render, in process" "$(f '%.3f' "${fig[report_time]}") s (render $(f '%.3f' "${fig[render_time]}") s)" "-" "-"
row "peak memory, lpcoach lint" "$(f '%.2f' "$mem_ratio")x bank ($(f '%.1f' "$(calc "$rss_kb / 1024")") MiB)" "< 3x bank" "$(below "$mem_ratio" 3 'x')"
row "lint vs GNU diction" "$diction_val" ">= 100x" "$(at_least "$diction_ratio" 100 'x')"
row "lint vs proselint" "$proselint_val" "-" "-"
if [ -n "$first_s" ]; then
	row "first screen, 1,000 stories (pty)" "$first_val" "< 100 ms" "$(below "$(calc "$first_s * 1000")" 100 ' ms')"
else
	row "first screen, 1,000 stories (pty)" "$first_val" "< 100 ms" "not measured"
fi

echo
awk -F'\t' '
	{ for (i = 1; i <= 4; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } }
	END {
		split("figure value target status", h, " ")
		for (i = 1; i <= 4; i++) if (length(h[i]) > w[i]) w[i] = length(h[i])
		line = sprintf("%-*s | %-*s | %-*s | %s", w[1], h[1], w[2], h[2], w[3], h[3], h[4])
		print line
		sep = ""
		for (i = 1; i <= 4; i++) { s = ""; for (k = 0; k < w[i]; k++) s = s "-"; sep = sep (i > 1 ? "-+-" : "") s }
		print sep
		for (r = 1; r <= NR; r++)
			printf "%-*s | %-*s | %-*s | %s\n", w[1], c[r, 1], w[2], c[r, 2], w[3], c[r, 3], c[r, 4]
	}' "$rows"
exit "$status"
