#!/usr/bin/env bash
# The `history` group of bench/review.sh: a real upstream series and its real pre-image.
# Writes OUTDIR/series.mbox, 20 consecutive mm/ commits of the v2.6.31..v2.6.32 merge window as
# `git format-patch` mails (two OOM killer changes, Mel Gorman's per-migratetype PCP lists, Hugh Dickins' GUP flags and
# ZERO_PAGE series: get_user_pages, follow_page, get_dump_page, follow_hugetlb_page), and prints the
# path of the pre-image: the tree of the first commit's parent, extracted once with `git archive` into
# $MMLINT_CACHE/review-bench/trees/ (default ~/.cache/mmlint/review-bench), never into this repository.
# The commits come from a git mirror of Linus' history ($MMLINT_HISTORY_GIT, default
# /work/.mirror/yifengyou+linux-2.6.26/repo); without it the script says so and exits 3.
#   history-series.sh OUTDIR        -> stdout: the pre-image tree; OUTDIR/series.mbox, OUTDIR/commits.tsv
set -euo pipefail
out=${1:?usage: history-series.sh OUTDIR}
git_dir=${MMLINT_HISTORY_GIT:-/work/.mirror/yifengyou+linux-2.6.26/repo}
cache="${MMLINT_CACHE:-$HOME/.cache/mmlint}/review-bench"
first=495789a51a9   # oom: make oom_score to per-process value (v2.6.32-rc1)
last=f8dbf0a7a4c    # mmap: save some cycles for the shared anonymous mapping
count=20
if ! git --git-dir="$git_dir" cat-file -e "$first^{commit}" 2>/dev/null; then
  echo "history-series.sh: no git mirror of Linus' history with commit $first at $git_dir (set MMLINT_HISTORY_GIT); group skipped" >&2
  exit 3
fi
full=$(git --git-dir="$git_dir" rev-parse "$first")
base=$(git --git-dir="$git_dir" rev-parse "$first^")
mapfile -t commits < <(git --git-dir="$git_dir" rev-list --reverse "$base..$last" -- mm/)
[[ "${commits[0]}" == "$full" && ${#commits[@]} == "$count" ]] || { echo "history-series.sh: $first..$last is not $count mm/ commits" >&2; exit 1; }
mkdir -p "$out"
: > "$out/series.mbox"; : > "$out/commits.tsv"
i=0
for c in "${commits[@]}"; do
  i=$((i + 1))
  # one mail a commit, whole (mm/ and whatever else it touches), numbered as one series
  git --git-dir="$git_dir" format-patch --stdout -1 "$c" \
    | sed "1,/^Subject:/s/^Subject: \[PATCH\]/Subject: [PATCH $(printf '%02d\/%02d' "$i" "$count")]/" >> "$out/series.mbox"
  printf '%s\t%s\n' "$(git --git-dir="$git_dir" rev-parse --short=12 "$c")" "$(git --git-dir="$git_dir" log -1 --format=%s "$c")" >> "$out/commits.tsv"
done
tree="$cache/trees/linux-history-${base:0:12}"
if [[ ! -f "$tree/Makefile" ]]; then
  rm -rf "$tree.part"; mkdir -p "$tree.part"
  git --git-dir="$git_dir" archive --format=tar "$base" | tar -x -C "$tree.part"
  rm -rf "$tree"; mv "$tree.part" "$tree"
fi
echo "$tree"
