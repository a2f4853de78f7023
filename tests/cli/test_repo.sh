#!/usr/bin/env bash
# The repository keeps its promises: README's set-up installs what CI
# installs, CI runs the README's test command, the build is warning-free.
. "$(dirname "$0")/../lib.sh"

readme_pkgs=$(grep -m1 '^sudo apt-get install' "$ROOT/README.md" | sed 's/.*install -y //; s/ &&.*//' | tr ' ' '\n' | sort)
ci_pkgs=$(sed -n 's/^packages=(\(.*\))$/\1/p' "$ROOT/.ci/run" | tr ' ' '\n' | sort)
rc=0 out="$readme_pkgs" err="$ci_pkgs"
expect_eq "README and .ci/run install the same packages" "$readme_pkgs" "$ci_pkgs"
if [ -n "$ci_pkgs" ]; then ok "the package list is found"; else not_ok "the package list is found"; fi

test_cmd=$(awk '/test suite:/{t=1} t&&/^```sh$/{f=1;next} f&&/^```$/{exit} f' "$ROOT/README.md" | tail -n 1)
expect_eq "README's test command is make test" "make test" "$test_cmd"
if grep -qx 'make test' "$ROOT/.ci/run"; then ok ".ci/run runs make test"; else not_ok ".ci/run runs make test"; fi

# A warning-free build of every source file, core and commands.
warnings=$(make -C "$ROOT" -s O="$T/build" BIN="$T/lpcoach" 2>&1 | grep -E 'warning:|error:' | head -5)
out=$warnings
expect_eq "the build has no warnings" "" "$warnings"

# The core links without curses: no curses symbol is referenced by the library.
lib="$T/build/liblpcoach.a"
if [ -f "$lib" ] && ! nm -u "$lib" | grep -Eq ' (initscr|newterm|endwin|wrefresh|getch|get_wch|mvwaddstr|waddnstr)$'; then
	ok "the core library calls no curses function"
else
	not_ok "the core library calls no curses function"
fi

# The rule examples in the README are valid rules that agree with their own
# examples.
mkdir -p "$T/readme-rules"
awk '/^One example of each kind:/{f=1} f&&/^```yaml$/{g=1;next} g&&/^```$/{exit} g' "$ROOT/README.md" >"$T/readme-rules/readme.yaml"
n=$(grep -c '^  - id:' "$T/readme-rules/readme.yaml")
expect_eq "the README shows one rule of each of the six kinds" 6 "$n"
run --stories "$ROOT/stories" check --rules "$T/readme-rules"
expect_rc "the README's rules pass check" 0

# The README's key list is the action table's ('lpcoach keys').
awk '/<!-- keys:begin -->/{f=1;next} /<!-- keys:end -->/{f=0} f' "$ROOT/README.md" >"$T/readme-keys"
run keys
printf '%s\n' "$out" >"$T/keys"
expect_file_eq "the README's key list matches 'lpcoach keys'" "$T/keys" "$T/readme-keys"
