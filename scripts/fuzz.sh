#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that reads outside input (issue 13): each @FuzzTest of the
# modules below is run by Jazzer for SECONDS_PER_TARGET seconds (default 60), one JVM per target.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET_FILTER]
# TARGET_FILTER (a regex over Class#method) runs only some targets.
# The generated corpus goes to <module>/target/fuzz-corpus/ (not kept); the committed seeds and
# regression inputs in src/test/resources/<pkg>/<Class>Inputs/<method>/ are read as a second corpus.
# A crash (an input breaking the target's invariants: an undocumented exception, a hang past the
# budget, a write outside the output) is written there as crash-<sha1>: commit it with the fix, and
# the normal test run (`mvn test`, no JAZZER_FUZZ) replays it. Per-target logs: target/fuzz-logs/.
# The last line of the output is always `fuzz: T targets, N inputs, C crashes`; exit 1 on crashes.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
secs="${1:-60}"
filter="${2:-.}"
modules=(dev.mmlint.frontend dev.mmlint.dsl dev.mmlint.report dev.mmlint.review dev.mmlint.lsp)
logs="$here/target/fuzz-logs"
mkdir -p "$logs"

pl=$(printf 'plugins/%s,' "${modules[@]}")
# one reactor build: sibling modules resolve to their target/ directories, never to whatever
# another checkout last installed into the local repository
if [ "${MMLINT_FUZZ_SKIP_BUILD:-0}" != 1 ] && ! ./mvnw -B -ntp -q -Dmmlint.cliOnly -pl "${pl%,}" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.cp >"$logs/build.log" 2>&1; then
  tail -40 "$logs/build.log" >&2
  echo "fuzz: 0 targets, 0 inputs, 0 crashes (build failed, see $logs/build.log)"
  exit 2
fi

export JAZZER_FUZZ=1
targets=0 inputs=0 crashes=0
for m in "${modules[@]}"; do
  dir="plugins/$m"
  cp="$here/$dir/target/test-classes:$here/$dir/target/classes:$(cat "$dir/target/fuzz.cp")"
  # Class#method of every @FuzzTest in the module's test sources
  while IFS= read -r t; do
    [[ "$t" =~ $filter ]] || continue
    cls="${t%#*}" meth="${t#*#}"
    simple="${cls##*.}" pkgdir="$(dirname "${cls//.//}")"
    inputs_dir="$here/$dir/src/test/resources/$pkgdir/${simple}Inputs/$meth"
    tag="${MMLINT_FUZZ_TAG:-}"
    corpus="$here/$dir/target/fuzz-corpus${tag:+-$tag}/$simple/$meth"
    mkdir -p "$inputs_dir" "$corpus"
    before=$(ls "$inputs_dir" | grep -c '^crash-\|^timeout-\|^oom-' || true)
    log="$logs/$simple.$meth${tag:+.$tag}.log"
    echo "fuzz: $t for ${secs}s ..." >&2
    ( cd "$here/$dir" && java -Xmx2g -Xss64m ${MMLINT_FUZZ_JAVA_OPTS:-} -Dmmlint.root="$here" -cp "$cp" com.code_intelligence.jazzer.Jazzer \
        --target_class="$cls" --target_method="$meth" --keep_going=50 \
        --instrumentation_includes='dev.mmlint.**:org.eclipse.jgit.patch.**:org.apache.james.mime4j.**:com.fasterxml.jackson.**:org.antlr.v4.runtime.**:org.eclipse.lsp4j.jsonrpc.**' \
        --custom_hook_includes='dev.mmlint.**' \
        -max_total_time="$secs" -timeout=300 -report_slow_units=600 -rss_limit_mb=6144 -print_final_stats=1 \
        -artifact_prefix="$inputs_dir/" "$corpus" "$inputs_dir" ) >"$log" 2>&1
    n=$(grep -a -o '^Done [0-9]* runs' "$log" | tail -1 | awk '{print $2}')
    if [ -z "$n" ]; then # killed or crashed without the final line: the last status line
      n=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}')
    fi
    n=${n:-0}
    after=$(ls "$inputs_dir" | grep -c '^crash-\|^timeout-\|^oom-' || true)
    c=$((after - before))
    echo "fuzz: $t: $n inputs, $c crashes" >&2
    targets=$((targets + 1)) inputs=$((inputs + n)) crashes=$((crashes + c))
  done < <(grep -rl '@FuzzTest' "$dir/src/test/java" | while read -r f; do
             cls=$(sed -n 's/^package \(.*\);/\1/p' "$f").$(basename "$f" .java)
             grep -A1 '@FuzzTest' "$f" | sed -n 's/.*void \([A-Za-z0-9_]*\)(.*/\1/p' | sed "s/^/$cls#/"
           done)
done
echo "fuzz: $targets targets, $inputs inputs, $crashes crashes"
[ "$crashes" -eq 0 ]
