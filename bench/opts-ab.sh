#!/usr/bin/env bash
# Two settings of the same build side by side: `./mmlint check` (cold JVM, no result cache, the launcher's
# flags) on each tree's mm/, with MMLINT_JAVA_OPTS set to A and to B, alternating A B B A ... so that a
# machine that slows down or speeds up during the run weighs on both alike. Prints a Markdown table of wall
# and CPU seconds per run, the medians, B ÷ A, and whether every report of B is byte-identical to A's.
#   bench/opts-ab.sh [--rounds N] [--jobs N] [--trees "6.12 6.1"] -- "A opts" "B opts"
# e.g. bench/opts-ab.sh -- "-Dmmlint.inclusionMemo=false" ""
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rounds=3 jobs=2 trees="6.12 6.1"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --trees) trees="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [--rounds N] [--jobs N] [--trees \"6.12 6.1\"] -- \"A opts\" \"B opts\"" >&2; exit 2 ;;
  esac
done
[[ $# -eq 2 ]] || { echo "$0: give the two settings after --" >&2; exit 2; }
A="$1" B="$2"
K="${MMLINT_KERNELS:-$HOME/.cache/mmlint/kernels}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/mmlint" --version >/dev/null 2>&1 || true # builds the CLI and records the launcher's class-data archive first
echo "| tree | round | setting | wall s | CPU s | report |"
echo "|---|---|---|---|---|---|"
for v in $trees; do
  t="$K/linux-source-$v" cfg="$K/config-$v.amd64"
  [[ -d "$t/mm" && -f "$cfg" ]] || { echo "$0: no $t (bash scripts/kernel-sources.sh $v)" >&2; exit 1; }
  for r in $(seq 1 "$rounds"); do
    order="A B"; (( r % 2 == 0 )) && order="B A"
    for s in $order; do
      opts="$A"; [[ $s == B ]] && opts="$B"
      out="$work/$v.$s.$r.json"
      MMLINT_JAVA_OPTS="$opts" /usr/bin/time -f "%e %U %S" -o "$work/time" "$here/mmlint" check --no-cache --no-settings -q \
          --jobs "$jobs" --config "$cfg" --format json "$t/mm" >"$out" 2>"$work/err" || [[ $? -eq 1 ]]
      read -r wall user sys < <(tail -1 "$work/time")
      cpu=$(echo "$user + $sys" | bc)
      same="-"
      if [[ $s == B && -f "$work/$v.A.$r.json" ]]; then cmp -s "$out" "$work/$v.A.$r.json" && same=identical || same=DIFFERENT; fi
      if [[ $s == A && -f "$work/$v.B.$r.json" ]]; then cmp -s "$out" "$work/$v.B.$r.json" && same=identical || same=DIFFERENT; fi
      echo "| $v | $r | $s | $wall | $cpu | $same |"
      echo "$v $s $wall $cpu" >>"$work/rows"
    done
  done
done
echo
echo "A: \`MMLINT_JAVA_OPTS=\"$A\"\`, B: \`MMLINT_JAVA_OPTS=\"$B\"\`, $rounds rounds, --jobs $jobs, $(nproc) cores"
echo
echo "| tree | median wall A | median wall B | B ÷ A | median CPU A | median CPU B | B ÷ A |"
echo "|---|---|---|---|---|---|---|"
for v in $trees; do
  python3 - "$work/rows" "$v" <<'EOF'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
v = sys.argv[2]
def med(s, i): return statistics.median(float(r[i]) for r in rows if r[0] == v and r[1] == s)
wa, wb, ca, cb = med("A", 2), med("B", 2), med("A", 3), med("B", 3)
print(f"| {v} | {wa:.1f} | {wb:.1f} | {wb/wa:.2f} | {ca:.1f} | {cb:.1f} | {cb/ca:.2f} |")
EOF
done
