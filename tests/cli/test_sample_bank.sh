#!/usr/bin/env bash
# test_sample_bank.sh - the shipped principles, prompts and sample stories.
. "$(dirname "$0")/../lib.sh"

S=$ROOT/stories
G=(--data "$ROOT" --stories "$S")
FOCUS="bias-for-action dive-deep insist-on-the-highest-standards learn-and-be-curious ownership"

# The sample stories, from the files themselves.
story_ids=$(cd "$S" && ls -1 -- *.yaml | sed 's/\.yaml$//' | sort)
n_stories=$(printf '%s\n' "$story_ids" | grep -c .)
if [ "$n_stories" -eq 14 ]; then ok "the sample bank has 14 story files"; else
	not_ok "the sample bank has 14 story files" "found $n_stories"; fi

# --- check --------------------------------------------------------------
run "${G[@]}" check
expect_rc "check on the shipped data exits 0" 0
expect_out "check says no problems" ': no problems$'
expect_out "check counts 16 principles and every story" \
	"^checked 16 principles \([0-9]+ questions\), .*, $n_stories stories: no problems$"
expect_eq "check writes nothing on stderr" "" "$err"

# --- principles (text) --------------------------------------------------
run "${G[@]}" principles
expect_rc "principles exits 0" 0
rows=$(printf '%s\n' "$out" | grep -E '^( \* |   )[^ ].* [0-9]+ +[0-9]+$')
expect_eq "principles lists exactly 16 principles" 16 "$(printf '%s\n' "$rows" | grep -c .)"
focus_lines=$(printf '%s\n' "$out" | grep -E '^ \* ')
expect_eq "principles marks exactly 5 lines as focus" 5 "$(printf '%s\n' "$focus_lines" | grep -c .)"
focus_ids=$(printf '%s\n' "$focus_lines" | awk '{print $(NF-2)}' | sort | tr '\n' ' ' | sed 's/ $//')
expect_eq "the focus lines are the five focus principles" "$FOCUS" "$focus_ids"
expect_out "principles explains the focus mark" '^\* focus principle \(5 of 16\)'
expect_out "principles has a header" '^   PRINCIPLE +ID +STORIES +QUESTIONS$'

# --- principles (json) against list (json) ------------------------------
run "${G[@]}" principles --format json
expect_rc "principles --format json exits 0" 0
expect_json "principles --format json is valid JSON"
expect_eq "principles json has 16 entries" 16 "$(json_get 'len(j)')"
expect_eq "principles json has 5 focus entries" 5 "$(json_get 'sum(1 for p in j if p["focus"] is True)')"
expect_eq "principles json focus ids" "$FOCUS" \
	"$(json_get '" ".join(sorted(p["id"] for p in j if p["focus"]))')"
expect_eq "principles json ids are the principle files" \
	"$(cd "$ROOT/principles" && ls -1 -- *.yaml | sed 's/\.yaml$//' | sort | tr '\n' ' ')" \
	"$(json_get '" ".join(sorted(p["id"] for p in j)) + " "')"
fromfiles=$(python3 - "$S" <<'EOF2'
import collections, glob, os, sys, yaml
c = collections.Counter()
for f in glob.glob(os.path.join(sys.argv[1], "*.yaml")):
    c.update(set(yaml.safe_load(open(f)).get("principles") or []))
print(" ".join("%s=%d" % kv for kv in sorted(c.items()) if kv[1]))
EOF2
)
expect_eq "principles json counts equal the mappings in the story files" "$fromfiles" \
	"$(json_get '" ".join("%s=%d" % (p["id"], p["stories"]) for p in sorted(j, key=lambda p: p["id"]) if p["stories"])')"
pcounts=$(json_get '"\n".join("%s %d" % (p["id"], p["stories"]) for p in j)')
total_refs=$(json_get 'sum(p["stories"] for p in j)')

run "${G[@]}" list --format json
expect_rc "list --format json exits 0" 0
expect_json "list --format json is valid JSON"
expect_eq "list json has every story" "$n_stories" "$(json_get 'len(j["stories"])')"
expect_eq "list json stories_dir is the --stories folder" "$S" "$(json_get 'j["stories_dir"]')"
expect_eq "list json story references add up to the principles' counts" "$total_refs" \
	"$(json_get 'sum(len(s["principles"]) for s in j["stories"])')"
listjson=$out
while read -r id n; do
	out=$listjson
	got=$(json_get "sum(1 for s in j['stories'] if '$id' in s['principles'])")
	expect_eq "principles json count for $id equals list json" "$n" "$got"
done <<<"$pcounts"

# --- list ---------------------------------------------------------------
run "${G[@]}" list
expect_rc "list exits 0" 0
expect_eq "list shows one line per story" "$n_stories" "$(printf '%s\n' "$out" | grep -c .)"
expect_eq "list shows every story id, in order" "$story_ids" \
	"$(printf '%s\n' "$out" | awk '{print $1}')"
expect_eq "list writes nothing on stderr" "" "$err"
title=$(python3 -c 'import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))["title"])' \
	"$S/late-partition-root-cause.yaml")
expect_out "list shows a story's title and principles" \
	"^late-partition-root-cause +$(printf '%s' "$title" | sed 's/[.[\*^$()+?{|]/\\&/g') +\[dive-deep, ownership\]$"

# --- list --principle ---------------------------------------------------
want=$(python3 - "$S" <<'EOF'
import glob, os, sys, yaml
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.yaml"))):
    if "dive-deep" in (yaml.safe_load(open(f)).get("principles") or []):
        print(os.path.basename(f)[:-5])
EOF
)
run "${G[@]}" list --principle dive-deep
expect_rc "list --principle dive-deep exits 0" 0
expect_eq "list --principle dive-deep lists exactly the dive-deep stories" "$want" \
	"$(printf '%s\n' "$out" | awk '{print $1}')"
others=$(printf '%s\n' "$out" | grep -vc 'dive-deep[],]')
expect_eq "every line of list --principle dive-deep shows dive-deep" 0 "$others"

run "${G[@]}" list -p learn-and-be-curious -p hire-and-develop-the-best --format json
expect_rc "list with two -p exits 0" 0
expect_eq "list with two -p gives stories mapped to either" \
	"learning-iceberg-internals mentoring-ingestion-owner" \
	"$(json_get '" ".join(s["id"] for s in j["stories"])')"

run "${G[@]}" list --principle think-big
expect_rc "list --principle with no story exits 0" 0
expect_eq "list --principle with no story says so" "No story matches." "$out"

run "${G[@]}" list --principle dive-deeep
expect_rc "list --principle dive-deeep exits 2" 2
expect_err "list --principle dive-deeep suggests dive-deep" \
	"^lpcoach: error: unknown principle 'dive-deeep' \(did you mean 'dive-deep'\?\)"
expect_eq "list --principle dive-deeep prints no list" "" "$out"

# --- show ---------------------------------------------------------------
run "${G[@]}" show late-partition-root-cause
expect_rc "show late-partition-root-cause exits 0" 0
expect_eq "show prints the title first" "$title" "${out%%$'\n'*}"
for h in Situation Task Action Result Learned; do
	expect_out "show prints the $h heading" "^$h\$"
done
expect_out "show names the principles with focus marks" \
	'^  principles  Dive Deep \(focus\), Ownership \(focus\)$'
expect_out "show prints the situation text, indented" '^  At Marlowe Retail I was the on-call data engineer'
expect_eq "show writes nothing on stderr" "" "$err"
order=$(printf '%s\n' "$out" | grep -E '^(Situation|Task|Action|Result|Learned)$' | tr '\n' ' ')
expect_eq "show prints the sections in STAR order" "Situation Task Action Result Learned " "$order"

run "${G[@]}" show no-such-story
expect_rc "show no-such-story exits 2" 2
expect_err "show no-such-story says there is no such story" "no story 'no-such-story'"
expect_eq "show no-such-story prints nothing on stdout" "" "$out"

run "${G[@]}" show "$S/churn-risk-ranking.yaml"
expect_rc "show with a path to a story file exits 0" 0
ctitle=$(python3 -c 'import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))["title"])' \
	"$S/churn-risk-ranking.yaml")
expect_eq "show with a path prints that story's title" "$ctitle" "${out%%$'\n'*}"
expect_out "show with a path prints the Result heading" '^Result$'

cp "$S/orders-quality-checks.yaml" "$T/elsewhere.yaml"
run "${G[@]}" show "$T/elsewhere.yaml"
expect_rc "show with a path outside the stories folder exits 0" 0
expect_out "show with a path outside the folder uses the file name as id" '^  story       elsewhere '

run "${G[@]}" show "$T/missing.yaml"
expect_rc "show with a path to a missing file exits 2" 2
expect_err "show with a missing path names it" "missing\.yaml: error: cannot open"

# --- the principle files themselves -------------------------------------
python3 - "$ROOT/principles" >"$T/principles.txt" 2>&1 <<'EOF'
import collections, glob, os, sys, yaml
seen = collections.Counter()
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.yaml"))):
    d = yaml.safe_load(open(f, encoding="utf-8"))
    qs = d.get("questions") or []
    for q in qs:
        seen[q.get("id")] += 1
    print("file", os.path.basename(f)[:-5], d.get("id"), d.get("focus") is True, len(qs))
print("dups", " ".join(sorted(str(k) for k, v in seen.items() if v > 1)) or "-")
print("total", sum(seen.values()))
EOF
nfiles=$(grep -c '^file ' "$T/principles.txt")
expect_eq "there are 16 principle files" 16 "$nfiles"
while read -r _ stem id focus nq; do
	expect_eq "principles/$stem.yaml: id equals the file name" "$stem" "$id"
	min=12
	[ "$focus" = True ] && min=16
	if [ "$nq" -ge "$min" ]; then
		ok "principles/$stem.yaml: at least $min questions ($nq)"
	else
		not_ok "principles/$stem.yaml: at least $min questions" "it has $nq"
	fi
done < <(grep '^file ' "$T/principles.txt")
expect_eq "the focus flags in the files are the five focus principles" "$FOCUS" \
	"$(awk '$1 == "file" && $4 == "True" {print $2}' "$T/principles.txt" | sort | tr '\n' ' ' | sed 's/ $//')"
expect_eq "question ids are unique across the principle files" "dups -" \
	"$(grep '^dups' "$T/principles.txt")"
total=$(sed -n 's/^total //p' "$T/principles.txt")
run "${G[@]}" check
expect_out "check counts the same number of questions as the files hold" \
	"^checked 16 principles \($total questions\)"
