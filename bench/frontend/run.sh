#!/usr/bin/env bash
# Front-end benchmark: parses every .c file of mm/ (top level) in three modes, each in a fresh JVM
# (cold, JIT warm-up included): tree mode with every header declaration parsed ("before"), tree
# mode with unreachable header declarations pruned ("after", the default), and with no includes at
# all (the floor). Prints wall time, process CPU, JIT and GC time, peak heap, problems and coverage
# side by side, and whether before and after gave the same coverage for every file. Results go to
# bench/results/frontend-<date>.md (appended to when it exists).
#
#   bench/frontend/run.sh [TREE] [--config FILE] [--jobs N] [--dir mm] [--passes 2] [--verify]
#                         [--modes full,pruned,none] [--jvm "JVM OPTIONS"]
# TREE defaults to $MMLINT_KERNEL_6_12 or $MMLINT_KERNELS/linux-source-6.12 (~/.cache/mmlint/kernels); the config to
# the Debian config beside it when the tree has no .config. --passes 2 also times a second, warm
# pass in each JVM; --verify adds a deep comparison (every name's binding and every expression's
# type) of the before and after parses of every file. $JAVA picks the java binary (default: java).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
tree="${MMLINT_KERNEL_6_12:-${MMLINT_KERNELS:-$HOME/.cache/mmlint/kernels}/linux-source-6.12}"
if [[ $# -gt 0 && "$1" != --* ]]; then tree="$1"; shift; fi
[[ -f "$tree/Makefile" ]] || { echo "bench: no kernel tree at $tree (run scripts/kernel-sources.sh)" >&2; exit 2; }
args=("$@")
if [[ ! -f "$tree/.config" && " ${args[*]:-} " != *" --config "* ]]; then
  v="$(sed -n 's/^VERSION = //p;s/^PATCHLEVEL = //p' "$tree/Makefile" | head -2 | paste -sd.)"
  cfg="$(dirname "$tree")/config-$v.amd64"
  [[ -f "$cfg" ]] && args+=(--config "$cfg")
fi
# the benchmark lives in the bench module (the front end's jar ships no benchmark code)
bm="$here/plugins/dev.mmlint.bench/target"
(cd "$here" && ./mvnw -B -ntp -q -DskipTests package -pl plugins/dev.mmlint.bench -am -Dmmlint.cliOnly) >&2
reactor=""
for mod in model dsl frontend cfg engine checks report; do
  reactor+="$here/plugins/dev.mmlint.$mod/target/dev.mmlint.$mod-0.1.0-SNAPSHOT.jar:"
done
out="$here/bench/results/frontend-$(date +%Y-%m-%d).md"
tmp="$(mktemp)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
"${JAVA:-java}" -cp "$bm/dev.mmlint.bench-0.1.0-SNAPSHOT.jar:$reactor$bm/lib/*" \
  dev.mmlint.bench.frontend.FrontendBenchmark "$tree" "${args[@]}" --out "$tmp"
{
  [[ -f "$out" ]] && echo
  echo "## Front-end benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $("${JAVA:-java}" -version 2>&1 | head -1)"
  echo
  echo "Machine: $(nproc) cores; load average $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after (shared machine)."
  echo
  cat "$tmp"
} >> "$out"
rm -f "$tmp"
echo "written: $out" >&2
