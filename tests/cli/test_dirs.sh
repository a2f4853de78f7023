#!/usr/bin/env bash
# test_dirs.sh - where the stories and the data come from, and make install.
. "$(dirname "$0")/../lib.sh"

umask 022
D=(--data "$ROOT")

# mkbank DIR ID: a stories folder holding one story named ID.
mkbank() {
	mkdir -p "$1"
	printf 'title: Story %s\nprinciples: [ownership]\nsituation: |\n  A pipeline in %s broke.\n' \
		"$2" "$2" >"$1/$2.yaml"
}
# stories_dir: the folder "list --format json" reports.
stories_dir() { json_get 'j["stories_dir"]'; }
listed() { json_get '" ".join(s["id"] for s in j["stories"])'; }

# --- stories folder: --stories > $LPCOACH_STORIES > $XDG_DATA_HOME > HOME
mkbank "$T/opt" from-option
mkbank "$T/env" from-env
mkbank "$T/xdg/lpcoach/stories" from-xdg
mkbank "$HOME/.local/share/lpcoach/stories" from-home

LPCOACH_STORIES=$T/env XDG_DATA_HOME=$T/xdg run "${D[@]}" --stories "$T/opt" list --format json
expect_rc "--stories with everything set: exit 0" 0
expect_eq "--stories wins over \$LPCOACH_STORIES and \$XDG_DATA_HOME" "$T/opt" "$(stories_dir)"
expect_eq "--stories: the option's story is listed" "from-option" "$(listed)"

LPCOACH_STORIES=$T/env XDG_DATA_HOME=$T/xdg run "${D[@]}" list --stories "$T/opt" --format json
expect_eq "--stories after the command wins too" "$T/opt" "$(stories_dir)"

LPCOACH_STORIES=$T/env XDG_DATA_HOME=$T/xdg run "${D[@]}" --stories="$T/opt" list --format json
expect_eq "--stories=DIR wins too" "$T/opt" "$(stories_dir)"

LPCOACH_STORIES=$T/env XDG_DATA_HOME=$T/xdg run "${D[@]}" list --format json
expect_rc "\$LPCOACH_STORIES: exit 0" 0
expect_eq "\$LPCOACH_STORIES wins over \$XDG_DATA_HOME and HOME" "$T/env" "$(stories_dir)"
expect_eq "\$LPCOACH_STORIES: its story is listed" "from-env" "$(listed)"

LPCOACH_STORIES= XDG_DATA_HOME=$T/xdg run "${D[@]}" list --format json
expect_eq "an empty \$LPCOACH_STORIES is ignored" "$T/xdg/lpcoach/stories" "$(stories_dir)"

XDG_DATA_HOME=$T/xdg run "${D[@]}" list --format json
expect_rc "\$XDG_DATA_HOME: exit 0" 0
expect_eq "\$XDG_DATA_HOME/lpcoach/stories wins over HOME" "$T/xdg/lpcoach/stories" "$(stories_dir)"
expect_eq "\$XDG_DATA_HOME: its story is listed" "from-xdg" "$(listed)"

XDG_DATA_HOME=relative/xdg run "${D[@]}" list --format json
expect_eq "a relative \$XDG_DATA_HOME is ignored (HOME is used)" \
	"$HOME/.local/share/lpcoach/stories" "$(stories_dir)"

run "${D[@]}" list --format json
expect_rc "HOME: exit 0" 0
expect_eq "without options or variables: \$HOME/.local/share/lpcoach/stories" \
	"$HOME/.local/share/lpcoach/stories" "$(stories_dir)"
expect_eq "HOME: its story is listed" "from-home" "$(listed)"
expect_eq "an existing default folder is not announced as created" "" "$err"

# --- the default folder is created on first use, mode 0700 --------------
export HOME=$T/home2
mkdir -p "$HOME"
run "${D[@]}" list
expect_rc "first use with no stories folder: exit 0" 0
expect_out "first use: says there are no stories yet" \
	"^No stories yet in $HOME/\.local/share/lpcoach/stories\.$"
expect_err "first use: says it created the folder" \
	"^lpcoach: created the stories folder $HOME/\.local/share/lpcoach/stories$"
if [ -d "$HOME/.local/share/lpcoach/stories" ]; then ok "first use: the default folder exists"; else
	not_ok "first use: the default folder exists"; fi
expect_eq "first use: the default folder has mode 0700 (umask 022)" 700 \
	"$(stat -c %a "$HOME/.local/share/lpcoach/stories" 2>&1)"
expect_eq "first use: the created lpcoach folder has mode 0700" 700 \
	"$(stat -c %a "$HOME/.local/share/lpcoach" 2>&1)"
run "${D[@]}" list
expect_eq "second use: no 'created' message" "" "$err"

XDG_DATA_HOME=$T/xdg2 run "${D[@]}" principles
expect_rc "first use under \$XDG_DATA_HOME: exit 0" 0
expect_eq "the \$XDG_DATA_HOME stories folder is created with mode 0700" 700 \
	"$(stat -c %a "$T/xdg2/lpcoach/stories" 2>&1)"

# --- an explicit --stories folder must exist -----------------------------
run "${D[@]}" --stories "$T/missing" list
expect_rc "--stories naming a missing folder: exit 2" 2
expect_err "--stories naming a missing folder: says so" \
	"^lpcoach: $T/missing: error: no such stories folder"
expect_eq "--stories naming a missing folder: stdout empty" "" "$out"
if [ -e "$T/missing" ]; then not_ok "--stories naming a missing folder: it is not created"; else
	ok "--stories naming a missing folder: it is not created"; fi
run "${D[@]}" --stories "$T/missing/deeper" check
expect_rc "check --stories on a missing folder: exit 2" 2
if [ -e "$T/missing" ]; then not_ok "check --stories on a missing folder: nothing is created"; else
	ok "check --stories on a missing folder: nothing is created"; fi
run "${D[@]}" --stories "$T/opt/from-option.yaml" list
expect_rc "--stories naming a file, not a folder: exit 2" 2

# An empty --stories value is a mistake (say, an unset variable), not a
# request for the default folder: it must not silently create one.
export HOME=$T/home3
mkdir -p "$HOME"
run "${D[@]}" --stories "" list
expect_rc "--stories '' (empty): exit 2" 2
if [ -e "$HOME/.local/share/lpcoach" ]; then
	not_ok "--stories '' (empty): the default folder is not created"
else
	ok "--stories '' (empty): the default folder is not created"
fi

# --- the data folder: --data > $LPCOACH_DATA -----------------------------
mkdir -p "$T/d2/principles" "$T/d3/principles" "$T/empty-stories" "$T/noprinciples/prompts"
cp "$ROOT/principles/dive-deep.yaml" "$ROOT/principles/ownership.yaml" "$T/d2/principles/"
cp "$ROOT/principles/dive-deep.yaml" "$ROOT/principles/ownership.yaml" \
	"$ROOT/principles/frugality.yaml" "$T/d3/principles/"
E=(--stories "$T/empty-stories")

run --data "$T/d2" "${E[@]}" principles --format json
expect_rc "--data: exit 0" 0
expect_eq "--data: the principles come from that folder" "dive-deep ownership" \
	"$(json_get '" ".join(sorted(p["id"] for p in j))')"

LPCOACH_DATA=$T/d3 run "${E[@]}" principles --format json
expect_rc "\$LPCOACH_DATA: exit 0" 0
expect_eq "\$LPCOACH_DATA: the principles come from that folder" "dive-deep frugality ownership" \
	"$(json_get '" ".join(sorted(p["id"] for p in j))')"

LPCOACH_DATA=$T/d3 run --data "$T/d2" "${E[@]}" principles --format json
expect_eq "--data wins over \$LPCOACH_DATA" 2 "$(json_get 'len(j)')"

LPCOACH_DATA=$T/d3 run "${E[@]}" principles --data="$T/d2" --format json
expect_eq "--data=DIR after the command wins over \$LPCOACH_DATA" 2 "$(json_get 'len(j)')"

LPCOACH_DATA=$T/noprinciples run --data "$T/d2" "${E[@]}" principles
expect_rc "a good --data hides a bad \$LPCOACH_DATA" 0

run --data "$T/noprinciples" "${E[@]}" principles
expect_rc "--data without principles/: exit 2" 2
expect_err "--data without principles/: says why" \
	"^lpcoach: $T/noprinciples: error: not a data folder: it has no principles/ folder"
expect_eq "--data without principles/: stdout empty" "" "$out"

LPCOACH_DATA=$T/noprinciples run "${E[@]}" principles
expect_rc "\$LPCOACH_DATA without principles/: exit 2" 2
expect_err "\$LPCOACH_DATA without principles/: says why" "not a data folder"

run --data "$T/does-not-exist" "${E[@]}" list
expect_rc "--data naming a missing folder: exit 2" 2

# --- make install / uninstall -------------------------------------------
I=$T/inst
P=$I/usr/local
make -C "$ROOT" -s install DESTDIR="$I" >"$T/make.out" 2>&1
rc=$? out=$(cat "$T/make.out") err=""
expect_rc "make install DESTDIR=... exits 0" 0
if [ -x "$P/bin/lpcoach" ]; then ok "make install puts an executable bin/lpcoach under /usr/local"; else
	not_ok "make install puts an executable bin/lpcoach under /usr/local"; fi
expect_eq "make install gives the binary mode 0755" 755 "$(stat -c %a "$P/bin/lpcoach" 2>&1)"
for d in principles prompts; do
	want=$(cd "$ROOT/$d" && ls -1 -- *.yaml)
	got=$(cd "$P/share/lpcoach/$d" 2>/dev/null && ls -1 -- *.yaml)
	expect_eq "make install copies every $d/*.yaml to share/lpcoach/$d" "$want" "$got"
done
if cmp -s "$ROOT/principles/dive-deep.yaml" "$P/share/lpcoach/principles/dive-deep.yaml"; then
	ok "the installed principle files are identical to the source"
else
	not_ok "the installed principle files are identical to the source"
fi

"$P/bin/lpcoach" --data "$P/share/lpcoach" --stories "$T/empty-stories" principles \
	>"$T/inst.out" 2>"$T/inst.err" </dev/null
rc=$? out=$(cat "$T/inst.out") err=$(cat "$T/inst.err")
expect_rc "the installed binary runs 'principles' on the installed data" 0
expect_eq "the installed binary lists 16 principles" 16 \
	"$(printf '%s\n' "$out" | grep -cE '^( \* |   )[^ ].* [0-9]+ +[0-9]+$')"
"$P/bin/lpcoach" --data "$P/share/lpcoach" --stories "$ROOT/stories" check \
	>"$T/inst.out" 2>"$T/inst.err" </dev/null
rc=$? out=$(cat "$T/inst.out") err=$(cat "$T/inst.err")
expect_rc "the installed binary checks the sample bank against the installed data" 0
expect_out "the installed data includes the prompts" ', [1-9][0-9]* follow-ups, '

make -C "$ROOT" -s uninstall DESTDIR="$I" >"$T/make.out" 2>&1
rc=$? out=$(cat "$T/make.out") err=""
expect_rc "make uninstall DESTDIR=... exits 0" 0
if [ -e "$P/bin/lpcoach" ]; then not_ok "make uninstall removes bin/lpcoach"; else
	ok "make uninstall removes bin/lpcoach"; fi
if [ -e "$P/share/lpcoach" ]; then not_ok "make uninstall removes share/lpcoach"; else
	ok "make uninstall removes share/lpcoach"; fi
if [ -e "$ROOT/stories/late-partition-root-cause.yaml" ] && [ -d "$ROOT/principles" ]; then
	ok "make uninstall leaves the source tree alone"
else
	not_ok "make uninstall leaves the source tree alone"
fi
