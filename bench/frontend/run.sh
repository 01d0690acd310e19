#!/usr/bin/env bash
# Front-end benchmark: parses every .c file of mm/ in one run, in tree mode (generated headers,
# Kbuild include paths, shared header cache, header bodies skipped) and with no includes at all,
# and prints times, their ratio, problems, % functions clean and peak heap. Results go to
# bench/results/frontend-<date>.md.
#
#   bench/frontend/run.sh [TREE] [--config FILE] [--jobs N] [--dir mm]
# TREE defaults to $MMLINT_KERNEL_6_12 or ~/.cache/mmlint/kernels/linux-source-6.12; the config to
# the Debian config beside it when the tree has no .config.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
tree="${MMLINT_KERNEL_6_12:-$HOME/.cache/mmlint/kernels/linux-source-6.12}"
if [[ $# -gt 0 && "$1" != --* ]]; then tree="$1"; shift; fi
[[ -f "$tree/Makefile" ]] || { echo "bench: no kernel tree at $tree (run scripts/kernel-sources.sh)" >&2; exit 2; }
args=("$@")
if [[ ! -f "$tree/.config" && " ${args[*]:-} " != *" --config "* ]]; then
  v="$(sed -n 's/^VERSION = //p;s/^PATCHLEVEL = //p' "$tree/Makefile" | head -2 | paste -sd.)"
  cfg="$(dirname "$tree")/config-$v.amd64"
  [[ -f "$cfg" ]] && args+=(--config "$cfg")
fi
fe="$here/plugins/dev.mmlint.frontend"
if [[ ! -d "$fe/target/classes" || ! -f "$fe/target/bench.classpath" ]]; then
  (cd "$here" && ./mvnw -B -q -o -DskipTests install -pl plugins/dev.mmlint.frontend \
     && ./mvnw -B -q -o -pl plugins/dev.mmlint.frontend dependency:build-classpath -Dmdep.outputFile=target/bench.classpath) >&2
fi
out="$here/bench/results/frontend-$(date +%Y-%m-%d).md"
java -Xss8m -XX:+UseParallelGC -cp "$fe/target/classes:$(cat "$fe/target/bench.classpath")" \
  dev.mmlint.frontend.bench.FrontendBenchmark "$tree" "${args[@]}" --out "$out.table"
{
  echo "# Front-end benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/') at the end of the run."
  echo
  cat "$out.table"
} > "$out"
rm -f "$out.table"
echo "written: $out" >&2
