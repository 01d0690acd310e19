#!/usr/bin/env bash
# The quality benchmark of issue 17: corpus recall and precision on today's trees, side by side in one run.
#
#   bench/quality.sh [--corpus-only] [--corpus DIR] [--mm-only] [--wider] [--wide] [--save | --out FILE.md] [--jobs N] [--trees 6.1,6.12]
#
# 1. Corpus (test-fixtures/corpus/, format in its README.md): every before.c, after.c and ok.c is analysed as
#    `mmlint check FILE` analyses a lone file (fragment mode; kernel version from `mmlint-kernel:`, Kconfig
#    from `mmlint-config:`), in one JVM. Per rule and in total: flag lines, flag lines hit (a finding of that
#    rule on that line of before.c), recall, findings in after.c, findings in ok.c; below the table each
#    missed flag line, each false flag, and every file that could not be analysed.
# 2. Today's trees (skipped with --corpus-only): `mmlint check --config config-<v>.amd64 linux-source-<v>/mm
#    <slice>` for Linux 6.1 and 6.12 under $MMLINT_KERNELS (default ~/.cache/mmlint/kernels; unpacked first
#    by scripts/kernel-sources.sh), all rules, against bench/triage/<v>.tsv (see bench/triage/README.md):
#    per rule and per scope (mm/, the slice) findings, TP, FP, unsure, untriaged and precision = TP / (TP +
#    FP + untriaged). The slice is 14 page-heavy files outside mm/ present in both trees (Quality.SLICE:
#    arch/x86/mm/init_64.c, virt/kvm/kvm_main.c, lib/iov_iter.c, ...); --mm-only analyses mm/ alone.
#    Untriaged findings are listed with a ready-made triage line. --wider adds the slices outside mm/ of
#    bench/results/triage-2026-11-22.md (about 4,800 more files: long).
#    --wide adds the files of bench/wide-files.txt (about 620 files outside mm/ that call the page APIs the rules
#    model), triaged in bench/triage/<v>-wide.tsv beside <v>.tsv; their precision is the row 'outside mm/ and the slice'.
#    Every run uses budgets of 10 minutes a file and 2 a function (Quality.BUDGETS): the defaults are wall
#    time, which a loaded machine stretches until files come out "not analysed"; the bench measures findings.
# 3. The markdown goes to stdout; --save writes it to bench/results/quality-<date>.md and the numbers, one per
#    line, to bench/results/quality-<date>.tsv (diff two runs' TSVs); --out FILE.md chooses the file (the TSV
#    goes beside it). The markdown ends with README.md's rules table, measured columns filled in.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
args=(); out=""; corpus_only=0; trees="6.1,6.12"
cmdline="bench/quality.sh${*:+ $*}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus-only) corpus_only=1; args+=("$1"); shift ;;
    --wider|--wide|--mm-only) args+=("$1"); shift ;;
    --corpus) args+=(--corpus "$(readlink -f "$2")"); shift 2 ;;
    --save) out="$here/bench/results/quality-$(date -u +%Y-%m-%d).md"; shift ;;
    --out) out="$2"; shift 2 ;;
    --jobs) args+=(--jobs "$2"); shift 2 ;;
    --trees) trees="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "quality: unknown argument $1 (see bench/quality.sh --help)" >&2; exit 2 ;;
  esac
done
kernels="${MMLINT_KERNELS:-$HOME/.cache/mmlint/kernels}"
JAVA="${JAVA:-java}"

# build the bench module and what it uses when a source changed since the last build (as ./mmlint does)
bm="$here/plugins/dev.mmlint.bench/target"; stamp="$bm/.quality-build-stamp"
newer=""
if [[ -f "$stamp" && -d "$bm/lib" ]]; then
  newer="$(find "$here/pom.xml" "$here/plugins" "$here/rules" \( -path '*/target' -prune \) -o \
      \( -type f \( -name pom.xml -o -path '*/src/main/*' -o -path "$here/rules/*" \) -newer "$stamp" -print -quit \) 2>/dev/null || true)"
fi
if [[ ! -f "$stamp" || ! -d "$bm/lib" || -n "$newer" ]]; then
  echo "quality: building the bench module (reactor package)" >&2
  (cd "$here" && ./mvnw -B -ntp -q -DskipTests package -pl plugins/dev.mmlint.bench -am -Dmmlint.cliOnly) >&2
  touch "$stamp"
fi
if [[ $corpus_only = 0 ]]; then
  IFS=, read -r -a vs <<< "$trees"
  # the trees (and Debian's configs beside them), unpacked outside the repository when missing
  sorted=(); for v in "${vs[@]}"; do sorted=("$v" "${sorted[@]}"); done
  MMLINT_KERNELS="$kernels" "$here/scripts/kernel-sources.sh" "${sorted[@]}" >&2
fi

# the modules as this reactor built them come first: a target/lib copy of a dev.mmlint jar may be older
cp=""
for mod in model dsl frontend cfg engine checks report; do
  cp+="$here/plugins/dev.mmlint.$mod/target/dev.mmlint.$mod-0.1.0-SNAPSHOT.jar:"
done
cp+="$bm/dev.mmlint.bench-0.1.0-SNAPSHOT.jar:$bm/lib/*"
commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
[[ -z "$(git -C "$here" status --porcelain --untracked-files=no -- plugins rules 2>/dev/null)" ]] || commit="$commit (with uncommitted changes)"
tsv=()
if [[ -n "$out" ]]; then tsv=(--out "$out" --tsv "${out%.md}.tsv"); fi
exec "$JAVA" -Xss8m -XX:+UseParallelGC ${MMLINT_JAVA_OPTS:-} -cp "$cp" dev.mmlint.bench.Bench quality \
  --root "$here" --kernels "$kernels" --trees "$trees" --command "$cmdline" --commit "$commit" "${tsv[@]}" "${args[@]}"
