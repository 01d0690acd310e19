#!/usr/bin/env bash
# Benchmark of the persistent result cache (issue 16): `mmlint check` on Debian's Linux 6.12 mm/ (all rules,
# Debian config), each row a fresh JVM exactly as ./mmlint runs it, measured side by side in one run:
#
#   no cache      --no-cache (every file parsed and analysed)
#   cold          an empty cache (every file analysed, every result stored)
#   warm          the same tree again, unchanged
#   one .c edit   after appending a comment to one .c file (that file alone is analysed again)
#   header edit   after appending a comment to one header (the files that include it are analysed again)
#
#   bench/cache.sh [--tree 6.12] [--dir mm] [--c-file mm/mmzone.c] [--header include/linux/memory-tiers.h]
#                  [--jobs N] [--xmx 1g] [--old DIR] [--out FILE.md]
#
# --old DIR: another build of the CLI (a directory holding dev.mmlint.cli-*.jar and lib/, e.g. a copy of
# plugins/dev.mmlint.cli/target from an older commit), run the way the launcher runs it (its own AppCDS archive
# in DIR) with its own cache: every cached row is measured for both builds, one right after the other.
#
# Every row runs with --time-budget 30m --function-budget 30m: on a loaded machine a file over the default
# budget is not analysed, not stored, and would make the rows differ for reasons of load, not of the cache.
#
# The tree is a hard-linked copy (cp -al) in a work directory; the two files edited are first replaced by
# real copies there, so the unpacked tree is never written. The cache ($MMLINT_CACHE) is a fresh directory
# in the work directory. Every row's JSON report must be byte-identical to the no-cache one (the edits are
# comments at the end of a file: they change no finding). The table goes to bench/results/cache-<date>.md.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
tree=6.12; dir=mm; cfile=mm/mmzone.c; header=include/linux/memory-tiers.h; jobs="$(nproc)"; xmx=1g; out=""; old=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tree) tree="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --c-file) cfile="$2"; shift 2 ;;
    --header) header="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    --old) old="$(cd "$2" && pwd)"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
out="${out:-$here/bench/results/cache-$(date -u +%Y-%m-%d).md}"
kernels="${MMLINT_KERNELS:-$HOME/.cache/mmlint/kernels}"
src="$kernels/linux-source-$tree"; config="$kernels/config-$tree.amd64"
[[ -d "$src" && -f "$config" ]] || "$here/scripts/kernel-sources.sh" >&2
echo "bench: building the CLI (reactor package)" >&2
(cd "$here" && ./mvnw -B -ntp -q -DskipTests package -pl plugins/dev.mmlint.cli -am -Dmmlint.cliOnly) >&2
touch "$here/plugins/dev.mmlint.cli/target/.mmlint-build-stamp"
# the launcher's class-data archive (AppCDS) is made by its first run after a build: make it here, outside
# the measured rows, with a small check that loads the model, the parser and the engine
"$here/mmlint" check -q --no-cache --no-settings "$here/test-fixtures/rules/MM006-compound-page-published-early/bad-set-count-unfrozen.c" > /dev/null || true
# the launcher's start-up cache: an AOT cache when it chose a JDK 25 or later, else the AppCDS archive
cds="none"
if [[ "${MMLINT_CDS:-1}" != 0 ]]; then
  aot="$(ls -t "$here"/plugins/dev.mmlint.cli/target/mmlint-*.aot 2>/dev/null | head -1 || true)"
  if [[ -n "$aot" && "$aot" -nt "$here/plugins/dev.mmlint.cli/target/.mmlint-build-stamp" ]]; then
    cds="AOT cache of JDK $(basename "$aot" .aot | sed 's/^mmlint-//')"
  elif [[ -f "$here/plugins/dev.mmlint.cli/target/mmlint-cds.jsa" ]]; then
    cds="AppCDS archive"
  fi
fi
# the old build, run as the launcher runs a build: java with the launcher's options and its own AppCDS archive
old_java=(); old_main=()
if [[ -n "$old" ]]; then
  old_cp="$(ls "$old"/dev.mmlint.cli-*.jar | head -1):$old/lib/*"
  # the launcher's options for `check` (C1 alone: see ./mmlint)
  old_java=(java -Xss8m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:MaxNewSize=512m)
  if [[ "${MMLINT_CDS:-1}" != 0 ]]; then
    [[ -f "$old/mmlint-cds.jsa" ]] || java -Xss8m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$old/mmlint-cds.jsa" \
        -Xlog:disable -Xlog:all=error:stderr -cp "$old_cp" dev.mmlint.cli.Main check -q --no-cache --no-settings \
        "$here/test-fixtures/rules/MM006-compound-page-published-early/bad-set-count-unfrozen.c" > /dev/null || true
    [[ -f "$old/mmlint-cds.jsa" ]] && old_java+=(-XX:SharedArchiveFile="$old/mmlint-cds.jsa" -Xshare:auto -Xlog:disable -Xlog:all=error:stderr)
  fi
  old_main=(-cp "$old_cp" dev.mmlint.cli.Main)
fi

work="$(mktemp -d /tmp/mmlint-cache-bench.XXXXXX)"
echo "bench: hard-linked copy of $src in $work" >&2
cp -al "$src" "$work/linux"
for f in "$cfile" "$header"; do cp --remove-destination "$src/$f" "$work/linux/$f"; done
export MMLINT_CACHE="$work/cache"
export MMLINT_JAVA_OPTS="-Xmx$xmx ${MMLINT_JAVA_OPTS:-}"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before="$(load)"
rows=(); timings=()
# row NAME ARGS...: one ./mmlint check under /usr/bin/time -v; JSON report and stderr kept in $work
row() {
  local name="$1"; shift
  local key="${name// /-}"; key="${key//./}"; key="${key//[()]/}"
  local rc=0 cli=("$here/mmlint") cache="$work/cache"
  if [[ "$name" == *"(old build)" ]]; then cli=("${old_java[@]}" ${MMLINT_JAVA_OPTS:-} "${old_main[@]}"); cache="$work/cache-old"; fi
  MMLINT_CACHE="$cache" MMLINT_TIMING=1 /usr/bin/time -v -o "$work/$key.time" "${cli[@]}" check -q --cache-stats --jobs "$jobs" --format json \
      --time-budget 30m --function-budget 30m --config "$config" "$@" "$work/linux/$dir" > "$work/$key.json" 2> "$work/$key.err" || rc=$?
  local wall cpu rss stats same
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; printf "%.1f", s}' "$work/$key.time")"
  cpu="$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u+s}' "$work/$key.time")"
  rss="$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$work/$key.time")"
  stats="$(sed -n 's/^mmlint: result cache: \([0-9]*\) hits, \([0-9]*\) misses.*/\2 analysed, \1 from cache/p' "$work/$key.err")"
  [[ -n "$stats" ]] || stats="all analysed (no cache)"
  same="-"
  [[ -f "$work/no-cache.json" && "$key" != no-cache ]] && { cmp -s "$work/no-cache.json" "$work/$key.json" && same=yes || same=NO; }
  rows+=("$name|$wall|$cpu|$rss|$rc|$stats|$same")
  timing="$(sed -n 's/^mmlint: timing: //p' "$work/$key.err")"
  [[ -n "$timing" ]] && timings+=("$name: $timing")
  echo "bench: $name: ${wall} s wall, ${cpu} s CPU, ${rss} MB RSS, exit $rc, $stats, identical: $same" >&2
}
row "no cache" --no-cache
row "cold"
[[ -n "$old" ]] && row "cold (old build)"
row "warm"
[[ -n "$old" ]] && row "warm (old build)"
printf '\n/* mmlint cache bench: an edit that changes no finding */\n' >> "$work/linux/$cfile"
row "one .c edit"
[[ -n "$old" ]] && row "one .c edit (old build)"
# the files whose parse read the header: their cache entries list it (directly or through other headers)
# (format 1 entries, the old build's, hold the paths whole; format 2 front-codes them: then the header edit
# row's count of analysed files is the measure)
includers="?"
[[ -n "$old" ]] && includers="$(grep -rlF "$work/linux/$header" "$work/cache-old/results" | wc -l)"
printf '\n/* mmlint cache bench: an edit that changes no finding */\n' >> "$work/linux/$header"
row "header edit"
[[ -n "$old" ]] && row "header edit (old build)"
load_after="$(load)"

base="$(echo "${rows[0]}" | cut -d'|' -f2)"
mkdir -p "$(dirname "$out")"
{
  echo "# Result cache benchmark, Linux $tree $dir/ ($(date -u +%Y-%m-%d))"
  echo
  echo "Each row a fresh JVM running \`./mmlint check --format json --config config-$tree.amd64 --jobs $jobs\` on a hard-linked"
  echo "copy of the tree, \`MMLINT_JAVA_OPTS=-Xmx$xmx\`, in this order in one run (\`bench/cache.sh\`). The .c edit is \`$cfile\`, the"
  echo "header edit \`$header\` (read by $includers of the files, directly or through other headers, as their cache entries say)."
  echo "\"identical\": the JSON report is byte-identical to the no-cache one."
  echo
  echo "| run | wall s | ratio to no cache | CPU s | peak RSS MB | exit | files | identical |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in "${rows[@]}"; do
    IFS='|' read -r name wall cpu rss rc stats same <<< "$r"
    ratio="$(awk -v a="$wall" -v b="$base" 'BEGIN { if (a > 0) printf "%.1fx faster", b / a; else print "-" }')"
    [[ "$name" == "no cache" ]] && ratio="1"
    echo "| $name | $wall | $ratio | $cpu | $rss | $rc | $stats | $same |"
  done
  echo
  echo "Start-up cache of the launcher: $cds$([[ -n "$old" ]] && echo "; the old build: \`java\` on the PATH with its own AppCDS archive"). Cache size after the run: $(du -sk "$work/cache/results" | awk '{printf "%.1f MB", $1/1024}')$(
    [[ -n "$old" ]] && du -sk "$work/cache-old/results" | awk '{printf " (old build: %.1f MB)", $1/1024}')."
  [[ -n "$old" ]] && echo "Old build: $old ($(cat "$old/COMMIT" 2>/dev/null || echo "commit unknown"))."
  if [[ ${#timings[@]} -gt 0 ]]; then
    echo
    echo "Where the wall time went (\`MMLINT_TIMING=1\`, builds that print it):"
    echo
    for t in "${timings[@]}"; do echo "- $t"; done
  fi
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo); $(java -version 2>&1 | head -1);"
  echo "load average before $load_before, after $load_after (other work on the machine inflates wall times; CPU"
  echo "seconds are the steadier measure). Raw outputs: $work."
} > "$out"
cat "$out"
