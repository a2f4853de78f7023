#!/usr/bin/env bash
# The config file, export, import, and lint as a git pre-commit hook.
. "$(dirname "$0")/../lib.sh"
GOLD=$ROOT/tests/golden
cp -r "$ROOT/stories" "$T/bank"

# --- config -------------------------------------------------------------
mkdir -p "$HOME/.config/lpcoach"
cfg=$HOME/.config/lpcoach/config.yaml
printf 'target: 1\ndrill_seconds: 90\nfocus: [frugality, think-big]\n' >"$cfg"
run --stories "$T/bank" report --format json
expect_eq "config target: the report uses it" 1 "$(json_get "j['summary']['target']")"
expect_eq "config focus: replaces the focus principles" "frugality,think-big" \
	"$(json_get "','.join(sorted(p['id'] for p in j['principles'] if p['focus']))")"
run --stories "$T/bank" report --format json --target 3
expect_eq "--target overrides the config" 3 "$(json_get "j['summary']['target']")"
run_in $'a\n3\n' --stories "$T/bank" drill --plain --seed 1 --count 1
expect_out "config drill_seconds: the drill's target" 'target 1:30\)'
run_in $'a\n3\n' --stories "$T/bank" drill --plain --seed 1 --count 1 --time 45
expect_out "--time overrides the config" 'target 0:45\)'
XDG_CONFIG_HOME=$T/xdg run --stories "$T/bank" report --format json
expect_eq "XDG_CONFIG_HOME moves the config (none there: default target)" 2 "$(json_get "j['summary']['target']")"
mkdir -p "$T/elsewhere"
printf 'stories: %s\n' "$T/bank" >"$cfg"
run list
expect_rc "config stories: the default stories folder" 0
expect_out "config stories: its stories are listed" "late-partition-root-cause"
LPCOACH_STORIES=$T/elsewhere run list
expect_out "\$LPCOACH_STORIES beats the config" "^No stories yet in $T/elsewhere"
printf 'target: many\nfocus: [dive-deep, no-such-principle]\ncolour: red\n' >"$cfg"
run --stories "$T/bank" check
expect_rc "check validates the config: exit 2" 2
expect_out "a wrong type, with its place" 'config\.yaml:1:9: error: .target. must be a whole number'
expect_out "an unknown key" "config\.yaml:3:1: warning: unknown key 'colour'"
expect_out "an unknown focus principle" "focus: unknown principle 'no-such-principle'"
rm "$cfg"

# --- export -------------------------------------------------------------
for fmt in markdown html; do
	ext=$([ "$fmt" = markdown ] && echo md || echo html)
	run --stories "$ROOT/stories" export --format "$fmt"
	expect_rc "export --format $fmt: exit 0" 0
	cp "$T/.out" "$T/export.$ext"
	[ "${UPDATE_GOLDEN:-}" = 1 ] && cp "$T/export.$ext" "$GOLD/export.$ext"
	expect_file_eq "export --format $fmt matches tests/golden/export.$ext" "$GOLD/export.$ext" "$T/export.$ext"
done
run --stories "$ROOT/stories" export --format html
expect_no_out "the HTML has no scripts" '<script'
expect_no_out "the HTML loads nothing from outside" '(src|href)="?(https?:)?//'
expect_out "the HTML prints cleanly (print styles)" '@media print'
expect_out "focus principles come first" '^<h1>Loop cheat sheet</h1>$'
expect_eq "focus principles first, in order" "Ownership" "$(printf '%s' "$out" | grep -o '<h2>[^<]*' | head -1 | cut -c5-)"
python3 -c 'import html.parser,sys; html.parser.HTMLParser().feed(open(sys.argv[1]).read())' "$T/export.html" && ok "the HTML parses" || not_ok "the HTML parses"
run --stories "$ROOT/stories" export --output "$T/sheet.md"
expect_file_eq "export --output writes the same sheet" "$GOLD/export.md" "$T/sheet.md"
run --stories "$ROOT/stories" export --format pdf
expect_rc "export --format pdf: exit 2" 2

# --- import -------------------------------------------------------------
cat >"$T/story.md" <<'MD'
# Cutting the warehouse bill by 30%

Principles: Frugality, dive-deep
Tags: cost, snowflake

## Situation
Our warehouse bill had doubled in six months.

## Task
I had to bring it back under budget by the end of the quarter.

## Action
I ranked queries by credits and found 3 dashboards scanning full tables.
- I added incremental models.

**Result:** The bill fell by 30%, from $60,000 to $42,000 a month.

Learned: I now review the top 10 queries every month.
MD
run --stories "$T/bank" import "$T/story.md"
expect_rc "import of a Markdown story: exit 0" 0
f=$T/bank/cutting-the-warehouse-bill-by-30.yaml
expect_eq "import: saved under an id from its title" yes "$([ -f "$f" ] && echo yes)"
expect_eq "import: mode 0600" 600 "$(stat -c %a "$f" 2>/dev/null)"
y() { python3 -c 'import yaml,sys; d=yaml.safe_load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$f" "$1"; }
expect_eq "import: the title" "Cutting the warehouse bill by 30%" "$(y 'd["title"]')"
expect_eq "import: principles by name or id" "['frugality', 'dive-deep']" "$(y 'd["principles"]')"
expect_eq "import: tags" "['cost', 'snowflake']" "$(y 'd["tags"]')"
expect_eq "import: the Action keeps its lines" $'I ranked queries by credits and found 3 dashboards scanning full tables.\n- I added incremental models.' "$(y 'd["action"]')"
expect_eq "import: a bold inline heading" "The bill fell by 30%, from \$60,000 to \$42,000 a month." "$(y 'd["result"].strip()')"
expect_eq "import: 'Learned:' on one line" "I now review the top 10 queries every month." "$(y 'd["learned"].strip()')"
run --stories "$T/bank" import "$T/story.md"
expect_rc "import again: a new id, not an overwrite" 0
expect_eq "the second import got its own file" yes "$([ -f "$T/bank/cutting-the-warehouse-bill-by-30-2.yaml" ] && echo yes)"
run --stories "$T/bank" import --id cutting-the-warehouse-bill-by-30 "$T/story.md"
expect_rc "import --id of an existing story without --force: exit 2" 2
run_in $'S: The load was late.\nA: I fixed the join.\n' --stories "$T/bank" import --dry-run --principle ownership -
expect_rc "import --dry-run from standard input" 0
expect_out "short 'S:' headings" '^situation: \|$'
expect_out "--principle maps it" '^principles: \[ownership\]$'
run_in $'just some text\nwith no headings\n' --stories "$T/bank" import -
expect_rc "no STAR headings: exit 2" 2
expect_err "no STAR headings: says how to mark them" "no STAR headings found"

# --- lint as a pre-commit hook ------------------------------------------
repo=$T/repo
mkdir -p "$repo"
git -C "$repo" init -q
git -C "$repo" config user.email t@example.com
git -C "$repo" config user.name t
cp "$ROOT/stories/late-partition-root-cause.yaml" "$repo/good.yaml"
cp "$ROOT/stories/orders-quality-checks.yaml" "$repo/bad.yaml"
hook=$repo/.git/hooks/pre-commit
awk '/<!-- hook:begin -->/{f=1;next} /<!-- hook:end -->/{f=0} f && !/^```/' "$ROOT/README.md" >"$hook"
chmod +x "$hook"
expect_eq "the README has the example hook" yes "$(grep -q 'lint --staged' "$hook" && echo yes)"
export PATH="$(dirname "$LPCOACH_BIN"):$PATH"
git -C "$repo" add good.yaml
(cd "$repo" && git commit -qm good) >"$T/.out" 2>"$T/.err"
rc=$? out=$(cat "$T/.out") err=$(cat "$T/.err")
expect_rc "the hook lets a clean story through" 0
git -C "$repo" add bad.yaml
(cd "$repo" && git commit -qm bad) >"$T/.out" 2>"$T/.err"
rc=$? out=$(cat "$T/.out") err=$(cat "$T/.err")
expect_rc "the hook stops a story with an error-level finding" 1
expect_err "the hook names the finding (git shows hook output on stderr)" 'bad\.yaml:[0-9]+:[0-9]+: error: '
git -C "$repo" rm -q --cached bad.yaml
printf 'Result: broken on purpose, not staged\n' >>"$repo/good.yaml"
(cd "$repo" && "$LPCOACH_BIN" --stories . lint --staged) >"$T/.out" 2>&1
rc=$? out=$(cat "$T/.out")
expect_rc "only staged content is linted (an unstaged edit is not)" 0
(cd "$T" && "$LPCOACH_BIN" --stories "$T/bank" lint --staged) >"$T/.out" 2>"$T/.err"
rc=$? err=$(cat "$T/.err")
expect_rc "--staged outside a repository: exit 2" 2
