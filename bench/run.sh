#!/usr/bin/env bash
# Benchmarks of issue 8: mmlint side by side with Coccinelle and with the parse-only floor, on
# Debian's Linux 6.12 and 6.1 mm/ (all .c files, subdirectories included: what `mmlint check
# <tree>/mm` reads), printed as one table of absolute times and ratios measured in one run.
#
#   bench/run.sh [--trees 6.12,6.1] [--jobs N] [--dir mm] [--recheck-n 30] [--recheck-warmup 0] [--no-profile]
#                [--scaling] [--scaling-slices "mm;mm fs"] [--whole-tree] [--recheck-only] [--out FILE.md]
#
# Per tree, each in a fresh process timed by /usr/bin/time -v (wall, CPU, peak RSS) with a GC log
# (peak heap):
#   - mmlint check, all rules, the CLI exactly as ./mmlint runs it, cold JVM and --no-cache (the result
#     cache of earlier runs would answer instead), --jobs 1 and --jobs N
#     (findings per rule; the two reports must be byte-identical);
#   - the same analysis in one JVM twice (dev.mmlint.bench.Bench check): pass 1 cold, pass 2 warm,
#     plus a single-threaded profile pass (parse vs analysis per file, slowest files);
#   - parse-only with no includes (the front-end benchmark's floor), --jobs 1 and N;
#   - Coccinelle (spatch from Debian's coccinelle, installed when missing) with the semantic
#     patches of bench/cocci/ for the rule classes MM001-MM003: each patch alone (as coccicheck
#     runs them) with --jobs N, and the three in one spatch run with --jobs 1 and N;
#   - warm re-check latency of mm/memory.c and mm/gup.c (the language server's path);
#   - on 6.1: review of a 20-patch series (20 mm/ files taken from 6.1 to 6.12, git format-patch
#     mbox built here) with `mmlint review --tree <6.1>`.
# --recheck-only measures the re-check latency alone (a couple of minutes; the other rows stay empty).
# --dir measures another directory of each tree instead of mm/ (e.g. mm/damon for a quick try).
# --scaling adds 6.12 mm/, mm/+fs/, mm/+fs/+drivers/gpu/ (--whole-tree: the whole tree too) with
# mmlint --jobs N and the floor, to show whether time grows linearly with files (--scaling-slices
# names other slices: directories of a slice separated by spaces, slices by ';'). --trees "" with
# --scaling measures the scaling only.
#
# The table goes to bench/results/bench-<date>.md (machine, JDK, load average before/after, exact
# commands included); raw outputs stay in the work directory printed at the end. Trees come from
# scripts/kernel-sources.sh (Debian configs beside them). Nothing is installed into ~/.m2: the CLI
# and the bench module are packaged inside the reactor.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
trees=6.12,6.1; dir=mm; jobs="$(nproc)"; recheck_n=30; recheck_warmup=0; profile=1; recheck_only=0; scaling=0; scaling_slices="mm;mm fs;mm fs drivers/gpu"; whole=0; out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --trees) trees="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --recheck-n) recheck_n="$2"; shift 2 ;;
    --recheck-warmup) recheck_warmup="$2"; shift 2 ;;
    --no-profile) profile=0; shift ;;
    --recheck-only) recheck_only=1; shift ;;
    --scaling) scaling=1; shift ;;
    --scaling-slices) scaling=1; scaling_slices="$2"; shift 2 ;;
    --whole-tree) scaling=1; whole=1; shift ;;
    --out) out="$2"; shift 2 ;;
    *) echo "bench: unknown argument $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
out="${out:-$here/bench/results/bench-$(date -u +%Y-%m-%d).md}"
JAVA="${JAVA:-java}"

echo "bench: building the CLI and the bench module (reactor package)" >&2
(cd "$here" && ./mvnw -B -ntp -q -DskipTests package -pl plugins/dev.mmlint.cli,plugins/dev.mmlint.bench -am -Dmmlint.cliOnly) >&2
cli="$here/plugins/dev.mmlint.cli/target"; bm="$here/plugins/dev.mmlint.bench/target"
if [[ $recheck_only = 0 ]] && ! command -v spatch >/dev/null; then
  echo "bench: installing coccinelle" >&2
  apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq coccinelle >&2
fi

work="$(mktemp -d /tmp/mmlint-bench.XXXXXX)"
res="$work/results.tsv"; meta="$work/meta.tsv"; cmds="$work/commands.txt"
: > "$res"; : > "$meta"; : > "$cmds"
m() { printf '%s\t%s\n' "$1" "$2" >> "$meta"; }
r() { printf '%s\t%s\n' "$1" "$2" >> "$res"; echo "bench: $1 = $2" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# the launcher's JVM options (./mmlint), the same for every JVM here
jvm=(-Xss8m -XX:+UseParallelGC)
# the modules as this reactor just built them come first on every class path: a target/lib copy of
# a dev.mmlint jar may be an older SNAPSHOT resolved from ~/.m2
reactor=""
for mod in model dsl frontend cfg engine checks report review lsp; do
  reactor+="$here/plugins/dev.mmlint.$mod/target/dev.mmlint.$mod-0.1.0-SNAPSHOT.jar:"
done
clicp="$cli/dev.mmlint.cli-0.1.0-SNAPSHOT.jar:$reactor$cli/lib/*"
benchmain=(-cp "$bm/dev.mmlint.bench-0.1.0-SNAPSHOT.jar:$reactor$bm/lib/*" dev.mmlint.bench.Bench)

# measure KEY COMMAND...: one process under /usr/bin/time -v; records wall, cpu, rss, exit status,
# and for a JVM (a GC log at $work/KEY.gc) the peak heap: the largest heap before a collection or
# at exit.
measure() {
  local key="$1"; shift
  printf '%s\n' "$*" | sed "s#$reactor#\$REACTOR_JARS:#g; s#$work#\$WORK#g; s#$HOME#~#g; s#$here/##g" >> "$cmds"
  echo "bench: $key ... (load $(load))" >&2
  /usr/bin/time -v -o "$work/$key.time" "$@" > "$work/$key.out" 2> "$work/$key.err" || true
  local t="$work/$key.time"
  r "$key.wall" "$(sed -n 's/.*(h:mm:ss or m:ss): //p' "$t" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
  r "$key.cpu" "$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$t")"
  r "$key.rss_mb" "$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2/1024 }' "$t")"
  r "$key.exit" "$(awk -F': ' '/Exit status/ { print $2 }' "$t")"
  if [[ -f "$work/$key.gc" ]]; then
    r "$key.heap_mb" "$(awk '
      match($0, /[0-9]+M->[0-9]+M/) { split(substr($0, RSTART, RLENGTH), a, "M->"); if (a[1] + 0 > max) max = a[1] + 0 }
      /(PSYoungGen|ParOldGen|PSOldGen)[ ]+total/ { if (match($0, /used [0-9]+K/)) exit_used += substr($0, RSTART + 5, RLENGTH - 6) / 1024 }
      END { if (exit_used > max) max = exit_used; printf "%d", max }' "$work/$key.gc")"
    # the most heap still in use right after a collection: what the run needed live
    r "$key.live_mb" "$(awk 'match($0, /[0-9]+M->[0-9]+M/) { split(substr($0, RSTART, RLENGTH), a, "M->"); if (a[2] + 0 > max) max = a[2] + 0 }
      END { printf "%d", max }' "$work/$key.gc")"
  fi
}
java_measure() { local key="$1"; shift; measure "$key" "$JAVA" "${jvm[@]}" "-Xlog:gc,gc+heap+exit:file=$work/$key.gc" "$@"; }
mmlint_measure() {
  local key="$1"; shift
  local cap=(); [[ "$key" == *-xmx1g ]] && cap=(-Xmx1g)
  # the launcher runs check and review with C1 alone and a young generation of at most 512 MB (see ./mmlint)
  [[ "${1:-}" == check || "${1:-}" == review ]] && cap+=(-XX:TieredStopAtLevel=1 -XX:MaxNewSize=512m)
  java_measure "$key" "${cap[@]}" -cp "$clicp" dev.mmlint.cli.Main "$@"; }
# findings per rule in an mmlint text report / a spatch report
count_mmlint() {
  local key="$1" f="$work/$1.out"
  r "$key.findings" "$(grep -cE '\[MM[0-9]{3}\]$' "$f" || true)"
  for c in MM001 MM002 MM003 MM004 MM005 MM006 MM007; do r "$key.$c" "$(grep -cE "\\[$c\\]\$" "$f" || true)"; done
}
count_cocci() {
  local key="$1" f="$work/$1.out"
  grep -E ': MM00[123] ' "$f" | sort -u > "$work/$key.findings.txt" || true
  r "$key.findings" "$(wc -l < "$work/$key.findings.txt")"
  for c in MM001 MM002 MM003; do r "$key.$c" "$(grep -c ": $c " "$work/$key.findings.txt" || true)"; done
}

m date "$(date -u +%Y-%m-%dT%H:%MZ)"
m machine "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2/1048576 }' /proc/meminfo) RAM, $(uname -sr)"
m jdk "$("$JAVA" -version 2>&1 | head -1)"
m jvm "${jvm[*]} (the ./mmlint launcher's options); -Xlog:gc,gc+heap+exit:file=... added for the peak heap"
m spatch "$(spatch --version 2>/dev/null | head -1 || true)"
m commit "$(cd "$here" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$here" && git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
m jobs "$jobs"
m dir "$dir"
m recheck_n "$recheck_n"
m recheck_warmup "$recheck_warmup"
m load_before "$(load)"

# the three semantic patches in one file, as one spatch run
{ echo "virtual report"; for f in mm001 mm002 mm003; do echo; grep -v '^virtual report$' "$here/bench/cocci/$f.cocci"; done; } > "$work/mm-all.cocci"
spatch_args=(-D report --no-includes --very-quiet --no-show-diff --chunksize 1)

tree_list=(); [[ -n "$trees" ]] && IFS=, read -r -a tree_list <<< "$trees"
declare -A tree_dir
for v in "${tree_list[@]}"; do
  t="$(bash "$here/scripts/kernel-sources.sh" "$v" | tail -n 1)"
  tree_dir[$v]="$t"
  cfg="$(dirname "$t")/config-$v.amd64"
  m "tree.$v" "$t ($(sed -n 's/^VERSION = //p;s/^PATCHLEVEL = //p;s/^SUBLEVEL = //p' "$t/Makefile" | head -3 | paste -sd.), $(find "$t/$dir" -name '*.c' | wc -l) .c files in $dir/, config $(basename "$cfg"))"
  m "load_before.$v" "$(load)"
  if [[ $recheck_only = 1 ]]; then
    java_measure "$v.recheck" "${benchmain[@]}" recheck "$t/mm/memory.c" "$t/mm/gup.c" --config "$cfg" --n "$recheck_n" --warmup "$recheck_warmup" \
      --key "$v.recheck" --out "$res"
    m "load_after.$v" "$(load)"
    continue
  fi

  mmlint_measure "$v.cli-j1" check --no-cache --jobs 1 --config "$cfg" --no-settings -q "$t/$dir"
  count_mmlint "$v.cli-j1"
  mmlint_measure "$v.cli-jN" check --no-cache --jobs "$jobs" --config "$cfg" --no-settings -q "$t/$dir"
  count_mmlint "$v.cli-jN"
  r "$v.identical_1_N" "$(cmp -s "$work/$v.cli-j1.out" "$work/$v.cli-jN.out" && echo yes || echo NO)"
  # the heap target: the same run with the heap capped at 1 GB
  mmlint_measure "$v.cli-jN-xmx1g" check --no-cache --jobs "$jobs" --config "$cfg" --no-settings -q "$t/$dir"
  r "$v.xmx1g_identical" "$(cmp -s "$work/$v.cli-jN.out" "$work/$v.cli-jN-xmx1g.out" && echo yes || echo NO)"

  prof=(); [[ $profile = 1 ]] && prof=(--profile "$work/$v.profile.tsv")
  java_measure "$v.jvm" "${benchmain[@]}" check "$t/$dir" --config "$cfg" --jobs "$jobs" --passes 2 --key "$v.jvm" --out "$res" "${prof[@]}"

  java_measure "$v.floor-j1" "${benchmain[@]}" floor "$t/$dir" --config "$cfg" --jobs 1 --passes 2 --key "$v.floor-j1" --out "$res"
  java_measure "$v.floor-jN" "${benchmain[@]}" floor "$t/$dir" --config "$cfg" --jobs "$jobs" --passes 2 --key "$v.floor-jN" --out "$res"

  for p in mm001 mm002 mm003; do
    measure "$v.cocci-$p" spatch "${spatch_args[@]}" --jobs "$jobs" --sp-file "$here/bench/cocci/$p.cocci" --dir "$t/$dir"
    count_cocci "$v.cocci-$p"
  done
  measure "$v.cocci-all-jN" spatch "${spatch_args[@]}" --jobs "$jobs" --sp-file "$work/mm-all.cocci" --dir "$t/$dir"
  count_cocci "$v.cocci-all-jN"
  measure "$v.cocci-all-j1" spatch "${spatch_args[@]}" --jobs 1 --sp-file "$work/mm-all.cocci" --dir "$t/$dir"
  count_cocci "$v.cocci-all-j1"
  r "$v.cocci_identical_1_N" "$(cmp -s "$work/$v.cocci-all-j1.findings.txt" "$work/$v.cocci-all-jN.findings.txt" && echo yes || echo NO)"

  java_measure "$v.recheck" "${benchmain[@]}" recheck "$t/mm/memory.c" "$t/mm/gup.c" --config "$cfg" --n "$recheck_n" --warmup "$recheck_warmup" \
    --key "$v.recheck" --out "$res"
  m "load_after.$v" "$(load)"
done

# review: a 20-patch series taking 20 mm/ files of 6.1 to their 6.12 text, applied against 6.1
if [[ $recheck_only = 0 && -n "${tree_dir[6.1]:-}" && -n "${tree_dir[6.12]:-}" ]]; then
  old="${tree_dir[6.1]}"; new="${tree_dir[6.12]}"; mbox="$work/series.mbox"
  # the files both trees have and that differ, by size; 20 spread evenly over the sizes
  mapfile -t picked < <(cd "$old" && for f in mm/*.c; do
      [[ -f "$new/$f" ]] && ! cmp -s "$f" "$new/$f" && echo "$(wc -c < "$f") $f"; done | sort -n |
    awk '{ f[NR] = $2 } END { for (i = 1; i <= 20; i++) print f[int((i - 0.5) * NR / 20) + 1] }')
  : > "$mbox"; i=0; lines=0
  for f in "${picked[@]}"; do
    i=$((i + 1))
    d="$(git diff --no-index --no-color "$old/$f" "$new/$f" | sed -E "1,4s#(a|b)$old/#\\1/#; 1,4s#(a|b)$new/#\\1/#" || true)"
    lines=$((lines + $(printf '%s\n' "$d" | grep -cE '^[-+][^-+]' || true)))
    printf 'From %040d Mon Sep 17 00:00:00 2001\nFrom: mmlint bench <bench@mmlint.invalid>\nDate: Sun, 22 Nov 2026 00:00:%02d +0000\nSubject: [PATCH %02d/20] %s: update to Linux 6.12\n\n%s as in Linux 6.12 (a benchmark series built by bench/run.sh).\n\nSigned-off-by: mmlint bench <bench@mmlint.invalid>\n---\n%s\n-- \n2.39.5\n\n' \
      "$i" "$i" "$i" "${f%.c}" "$f" "$d" >> "$mbox"
  done
  m review_series "20 patches, one file each (${picked[*]}), $lines changed lines, $(wc -c < "$mbox") bytes"
  mmlint_measure review review --tree "$old" --config "$(dirname "$old")/config-6.1.amd64" "$mbox"
  m review_summary "$(grep -m1 '^mmlint review:' "$work/review.out" "$work/review.err" -h || true)"
fi

if [[ $scaling = 1 ]]; then
  t="$(bash "$here/scripts/kernel-sources.sh" 6.12 | tail -n 1)"; cfg="$(dirname "$t")/config-6.12.amd64"
  m scaling_tree "$t"
  IFS=';' read -r -a slices <<< "$scaling_slices"; [[ $whole = 1 ]] && slices+=(".")
  for s in "${slices[@]}"; do
    name="${s// /+}"; name="${name//\//-}"; dirs=(); for d in $s; do dirs+=("$t/$d"); done
    r "scale.$name.files" "$(find "${dirs[@]}" -name '*.c' | wc -l)"
    mmlint_measure "scale.$name.cli" check --no-cache --jobs "$jobs" --config "$cfg" --no-settings -q "${dirs[@]}"
    count_mmlint "scale.$name.cli"
    java_measure "scale.$name.floor" "${benchmain[@]}" floor "${dirs[@]}" --config "$cfg" --jobs "$jobs" --passes 1 \
      --key "scale.$name.floor" --out "$res"
  done
fi
m load_after "$(load)"

mkdir -p "$(dirname "$out")"
"$JAVA" "${benchmain[@]}" table "$res" --meta "$meta" --commands "$cmds" --out "$out"
echo "bench: written $out; raw outputs in $work" >&2
