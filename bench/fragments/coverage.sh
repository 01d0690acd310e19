#!/usr/bin/env bash
# Fragment-mode coverage of the development corpus: how many of the functions in the corpus's
# before.c (pre-fix), after.c (post-fix) and ok.c (look-alike) files parse clean in fragment mode
# (no kernel tree: the built-in prelude mmlint-builtin.h only), and why the others do not.
#
#   bench/fragments/coverage.sh [--corpus DIR] [--top N]
#
# Runs `./mmlint coverage` over every C file of the corpus (test-fixtures/corpus/ by default; a
# fragment whose conditionals test CONFIG_ symbols counts the functions of both parses) and prints,
# as markdown: per kind of file, functions, clean, partial, skipped and the clean share; then the N
# (default 25) most frequent reasons a function is not clean, with the number of functions each
# concerns. Nothing is written; the numbers of past runs are in bench/fragments/README.md.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
corpus="$here/test-fixtures/corpus"; top=25
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) corpus="$(readlink -f "$2")"; shift 2 ;;
    --top) top="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "coverage: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -d "$corpus" ]] || { echo "coverage: no corpus directory $corpus" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$corpus" -name '*.c' | sort)
[[ ${#files[@]} -gt 0 ]] || { echo "coverage: no C files under $corpus" >&2; exit 2; }
# the per-file table of `mmlint coverage`: file functions clean partial skipped; then one line per
# function that is not clean: file:line: partial|skipped: name: reasons
"$here/mmlint" coverage "${files[@]}" > "$work/out.txt" 2> "$work/err.txt" || {
  echo "coverage: mmlint coverage failed:" >&2; cat "$work/err.txt" >&2; exit 1; }
rev="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# Fragment coverage of the corpus"
echo
echo "\`bench/fragments/coverage.sh\` at $rev, $(date -u +%Y-%m-%d), corpus ${corpus#$here/}: ${#files[@]} files."
echo
echo "| files | functions | clean | partial | skipped | clean share |"
echo "|---|---|---|---|---|---|"
awk -v corpus="$corpus/" '
  NF == 5 && $2 ~ /^[0-9]+$/ && $3 ~ /^[0-9]+$/ {
    f = $1; sub(/.*\//, "", f)
    k = (f == "before.c" || f == "after.c" || f == "ok.c") ? f : "other"
    n[k] += $2; c[k] += $3; p[k] += $4; s[k] += $5
    n["all"] += $2; c["all"] += $3; p["all"] += $4; s["all"] += $5
  }
  END {
    split("before.c after.c ok.c other all", order, " ")
    for (i = 1; i <= 5; i++) { k = order[i]; if (!(k in n)) continue
      printf "| %s | %d | %d | %d | %d | %.1f%% |\n", (k == "all" ? "**all**" : k), n[k], c[k], p[k], s[k], n[k] ? 100 * c[k] / n[k] : 0 }
  }' "$work/out.txt"
echo
echo "Most frequent reasons a function is not clean (functions concerned):"
echo
echo "| reason | functions |"
echo "|---|---|"
grep -E ': (partial|skipped): ' "$work/out.txt" | while IFS= read -r l; do
  fn="${l%%: partial:*}"; fn="${fn%%: skipped:*}"
  rest="${l#*: partial: }"; rest="${rest#*: skipped: }"; rest="${rest#*: }"
  # one reason per "line N: ..." entry, without its line number; each counted once per function
  printf '%s\n' "$rest" | sed 's/; and [0-9]* more$//' | tr ';' '\n' | sed 's/^ *line [0-9]*: //; s/^ *//' | sort -u | sed "s|^|$fn\t|"
done | cut -f2 | sort | uniq -c | sort -rn | head -n "$top" | awk '{ c = $1; $1 = ""; sub(/^ /, ""); printf "| %s | %d |\n", $0, c }'
