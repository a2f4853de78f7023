#!/usr/bin/env bash
# lpcoach drill in line mode, driven by piped input; the drill log; --stats.
. "$(dirname "$0")/../lib.sh"
fresh() { rm -rf "$T/bank"; cp -r "$ROOT/stories" "$T/bank"; }

fresh
run_in $'late-partition-root-cause I traced the gap\n3\nsecond answer\n1\nthird\n\n' --stories "$T/bank" drill --seed 7
expect_rc "a piped drill exits 0" 0
q=$(printf '%s\n' "$out" | grep -c '^\[[a-z-]*\] ')
expect_eq "each question on a line starting with its principle in brackets (3 answered + 1 cut by end of input)" 4 "$q"
expect_out "follow-up probes are printed indented" '^    Follow-up \((specificity|ownership|numbers|depth|counterfactual|learning)\): '
expect_out "the summary counts questions and ratings" '^Drill over: 3 questions, 2 rated, average 0:0[0-9] per answer \(target 2:00\)$'
expect_out "the summary names the weakest principle" '^Weakest: [a-z-]+ \([12]\.[0-9]\)'
log="$T/bank/.lpcoach/drill.log"
expect_eq "the log has one record per answered question" 3 "$(grep -vc '^#' "$log")"
expect_eq "records are time, question, principle, story, seconds, rating" "late-partition-root-cause 3" \
	"$(grep -v '^#' "$log" | head -1 | awk -F'\t' '{print $4, $6}')"
expect_eq "a skipped rating is recorded as -" "- -" "$(grep -v '^#' "$log" | tail -1 | awk -F'\t' '{print $4, $6}')"
expect_eq "records carry question ids of the catalog" "yes" \
	"$(q=$(grep -v '^#' "$log" | head -1 | cut -f2); grep -qr "id: $q\$" "$ROOT/principles" && echo yes)"
expect_eq "the log is private (0600)" 600 "$(stat -c %a "$log")"

# The same seed asks the same questions (on the same history).
fresh; run_in $'a\n3\nb\n3\n' --stories "$T/bank" drill --seed 11 --count 2
first=$(printf '%s\n' "$out" | grep '^\[')
fresh; run_in $'a\n3\nb\n3\n' --stories "$T/bank" drill --seed 11 --count 2
expect_eq "same seed, same questions" "$first" "$(printf '%s\n' "$out" | grep '^\[')"
expect_eq "--count 2 asks two questions" 2 "$(printf '%s\n' "$out" | grep -c '^\[')"
fresh; run_in $'a\n3\nb\n3\n' --stories "$T/bank" drill --seed 12 --count 2
if [ "$first" != "$(printf '%s\n' "$out" | grep '^\[')" ]; then ok "another seed, other questions"; else not_ok "another seed, other questions"; fi

# --principle restricts the questions.
fresh; run_in $'a\n3\nb\n3\nc\n3\nd\n3\n' --stories "$T/bank" drill --seed 3 --principle dive-deep --principle frugality
expect_eq "--principle: every question is of those principles" 0 \
	"$(printf '%s\n' "$out" | grep '^\[' | grep -vc '^\[\(dive-deep\|frugality\)\]')"

# A story with no number in its Result gets a numbers probe first.
fresh; run_in $'marketing-dashboard-refresh we made the dashboards better\n2\n' --stories "$T/bank" drill --seed 5 --count 1
expect_eq "a story's lint weakness picks the first probe" "numbers" \
	"$(printf '%s\n' "$out" | sed -n 's/^    Follow-up (\([a-z]*\)).*/\1/p' | head -1)"

# --hide-principle: the question comes as [?], the guess is answered.
fresh
run_in $'x\n' --stories "$T/bank" drill --seed 9 --count 1 --principle ownership --hide-principle
expect_out "--hide-principle hides it" '^\[\?\] '
expect_out "a wrong guess is corrected" '^    It probes Ownership \(ownership\)\.$'
fresh
run_in $'Ownership\nanswer\n4\n' --stories "$T/bank" drill --seed 9 --count 1 --principle ownership --hide-principle
expect_out "a right guess is confirmed" '^    Right: Ownership\.$'

# A corrupt log line is skipped with a warning; the drill goes on.
fresh; mkdir -p "$T/bank/.lpcoach"
printf 'this is not a record\n' >"$T/bank/.lpcoach/drill.log"
run_in $'a\n3\n' --stories "$T/bank" drill --seed 1 --count 1
expect_rc "a corrupt log line is not fatal" 0
expect_err "it is named with its line" 'drill\.log:1:1: warning: corrupt drill record skipped'
expect_eq "the new record is appended after it" 1 "$(grep -c $'\t3$' "$T/bank/.lpcoach/drill.log")"

# --stats
run --stories "$T/bank" drill --stats
expect_rc "--stats exits 0" 0
expect_eq "--stats lists the 16 principles" 16 "$(printf '%s\n' "$out" | grep -cE '^[* ] [a-z-]+ +[0-9]+ ')"
expect_out "--stats says what comes next" '^Next drill favours:$'
expect_out "--stats shows the answered principle" " [0-9]+ +3\.0 +0:0[0-9]  [0-9]{4}-[0-9]{2}-[0-9]{2}$"

# Usage errors.
run --stories "$T/bank" drill --count 0
expect_rc "--count 0: exit 2" 2
run --stories "$T/bank" drill --principle dive-deeep
expect_rc "unknown principle: exit 2" 2
expect_err "unknown principle: a suggestion" "did you mean 'dive-deep'"
run --stories "$T/bank" drill --seed abc
expect_rc "--seed abc: exit 2" 2
