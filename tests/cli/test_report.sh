#!/usr/bin/env bash
# lpcoach report: golden files for the sample bank in each format, exit
# codes, --output, --target and --reuse, and the plan's guarantees.
# UPDATE_GOLDEN=1 rewrites the golden files from the current output.
. "$(dirname "$0")/../lib.sh"
GOLD=$ROOT/tests/golden
cd "$ROOT" || exit 1

for fmt in text markdown json; do
	ext=$fmt; [ "$fmt" = markdown ] && ext=md; [ "$fmt" = text ] && ext=txt
	run --stories stories report --format "$fmt"
	expect_rc "report --format $fmt on the sample bank: exit 1 (gaps remain)" 1
	cp "$T/.out" "$T/report.$ext"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$T/report.$ext" "$GOLD/report.$ext"; fi
	expect_file_eq "report --format $fmt matches tests/golden/report.$ext" "$GOLD/report.$ext" "$T/report.$ext"
done

run --stories stories report --format json
expect_json "the JSON report is valid JSON"
expect_eq "summary keys" "covered,focus_covered,focus_total,plan_covered,plan_focus_covered,principles" \
	"$(json_get "','.join(k for k in sorted(j['summary']) if k in ('principles','covered','focus_total','focus_covered','plan_covered','plan_focus_covered'))")"
expect_eq "16 principles with id, name, focus, stories, ready, covered, plan" "16" \
	"$(json_get "sum(1 for p in j['principles'] if all(k in p for k in ('id','name','focus','stories','ready','covered','plan')))")"
expect_eq "stories carry id, principles, score, errors" "$(ls stories/*.yaml | wc -l)" \
	"$(json_get "sum(1 for s in j['stories'] if all(k in s for k in ('id','principles','score','errors')))")"
# The plan's guarantees: every planned story maps to its principle and is
# used at most once; a principle is plan-covered with two stories.
expect_eq "every planned story maps to its principle" "True" \
	"$(json_get "all(p['id'] in next(s for s in j['stories'] if s['id']==sid)['principles'] for p in j['principles'] for sid in p['plan'])")"
expect_eq "no story is planned twice" "True" \
	"$(json_get "(lambda ids: len(ids)==len(set(ids)))([sid for p in j['principles'] for sid in p['plan']])")"
expect_eq "summary counts agree with the principles" "True" \
	"$(json_get "j['summary']['covered']==sum(p['covered'] for p in j['principles']) and j['summary']['plan_covered']==sum(len(p['plan'])>=2 for p in j['principles'])")"
expect_eq "ready lists only stories with no error" "True" \
	"$(json_get "all(next(s for s in j['stories'] if s['id']==r)['errors']==0 for p in j['principles'] for r in p['ready'])")"
expect_eq "suggestions name focus principles first" "True" \
	"$(json_get "(lambda w: w==sorted(w, key=lambda x: not x))([next(p['focus'] for p in j['principles'] if p['id']==s['principle']) for s in j['suggestions'] if s['kind']=='write'])")"

run --stories stories report
expect_out "the text report starts with the summary line" "^[0-9]+/16 principles covered · focus [0-9]/5 · plan [0-9]+/16$"
expect_no_out "no colour codes off a terminal" $'\033'

# --reuse 2 lets one story serve two principles: two stories mapped to the
# same two principles cover one of them once each, both with reuse 2.
mkdir -p "$T/twins"
for s in one two; do
	printf 'title: Twin %s\nprinciples: [dive-deep, ownership]\nresult: |\n  It took 2 hours.\n' "$s" >"$T/twins/$s.yaml"
done
run --stories "$T/twins" report --format json
expect_eq "reuse 1: the twins cover one principle in the plan" 1 "$(json_get "j['summary']['plan_covered']")"
expect_eq "reuse 1: but both are covered by raw counts" 2 "$(json_get "j['summary']['covered']")"
run --stories "$T/twins" report --format json --reuse 2
expect_eq "reuse 2: the twins cover both" 2 "$(json_get "j['summary']['plan_covered']")"
run --stories stories report --format json --reuse 2
expect_eq "--reuse 2: no story planned more than twice" "True" \
	"$(json_get "(lambda ids: all(ids.count(i)<=2 for i in ids))([sid for p in j['principles'] for sid in p['plan']])")"
run --stories stories report --format json --target 3
expect_eq "--target 3: covered means three stories" "True" \
	"$(json_get "all(p['covered']==(len(p['stories'])>=3) for p in j['principles'])")"

# --output writes the same report to a file, atomically, and prints nothing.
run --stories stories report --format markdown --output "$T/out.md"
expect_rc "--output: exit 1 still reports the gaps" 1
expect_eq "--output prints nothing" "" "$out"
expect_file_eq "--output writes the report" "$GOLD/report.md" "$T/out.md"
if ls -a "$T" | grep -q lpcoach-tmp; then not_ok "--output leaves no temporary file"; else ok "--output leaves no temporary file"; fi
run --stories stories report --output /nonexistent/dir/r.txt
expect_rc "--output into a missing folder: exit 2" 2
expect_err "--output into a missing folder: says so" "cannot save"

# A bank that covers every principle with its own story: exit 0.
mkdir -p "$T/full"
for p in principles/*.yaml; do
	id=$(basename "$p" .yaml)
	cat >"$T/full/$id.yaml" <<STORY
title: A story for $id
principles: [$id]
situation: |
  The nightly load was late.
result: |
  It finished 2 hours earlier.
STORY
done
run --stories "$T/full" report --target 1
expect_rc "every principle covered and planned: exit 0" 0
expect_out "full bank summary" "^16/16 principles covered · focus 5/5 · plan 16/16$"
run --stories "$T/full" report
expect_rc "the same bank with target 2: exit 1" 1

# Usage errors.
for bad in "--target 0" "--target x" "--reuse 17" "--format pdf"; do
	# shellcheck disable=SC2086
	run --stories stories report $bad
	expect_rc "report $bad: exit 2" 2
done
