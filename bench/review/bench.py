#!/usr/bin/env python3
"""Review benchmark (issue 15): reviews every benchmark patch with `mmlint review` and prints one table.

Rows: the development corpus's fixes (must report "fixed") and their reverts (must report
"introduced"), real upstream mm/ patches (bench/review/real.tsv, expected verdicts read from each
patch), and the 20-patch speed series against the 6.1 tree, with images shared and not shared.
Run through bench/review.sh; --save writes bench/results/review-<date>.md.
"""
import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KERNELS = os.environ.get("MMLINT_KERNELS", os.path.expanduser("~/.cache/mmlint/kernels"))
CACHE = os.path.join(os.environ.get("MMLINT_CACHE", os.path.expanduser("~/.cache/mmlint")), "review-bench")
MMLINT = os.path.join(ROOT, "mmlint")
SUMMARY = re.compile(r"mmlint review: (\d+) patch(?:es)?, (\d+) files? reviewed: (\d+) introduced, (\d+) pre-existing, (\d+) fixed")


def run_review(args, java_opts=""):
    """Runs mmlint review with --format json; returns (json or None, stderr, wall s, cpu s)."""
    env = dict(os.environ)
    env["MMLINT_JAVA_OPTS"] = (env.get("MMLINT_JAVA_OPTS", "") + " " + java_opts).strip()
    t0 = time.time()
    c0 = os.times()
    p = subprocess.run([MMLINT, "review", "--format", "json"] + args, capture_output=True, text=True, env=env)
    c1 = os.times()
    wall = time.time() - t0
    cpu = (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
    try:
        js = json.loads(p.stdout)
    except ValueError:
        js = None
    return js, p.stderr, wall, cpu


def counts(patch):
    c = {"introduced": 0, "pre-existing": 0, "fixed": 0}
    for f in patch.get("findings", []):
        c[f["status"]] = c.get(f["status"], 0) + 1
    return c


def agrees(expected, c):
    if expected == "fixed":
        return c["fixed"] >= 1 and c["introduced"] == 0
    if expected == "introduced":
        return c["introduced"] >= 1
    if expected == "nothing":
        return c["introduced"] == 0 and c["fixed"] == 0
    return None


def verdict(c):
    return "%d / %d / %d" % (c["introduced"], c["pre-existing"], c["fixed"])


def corpus_rows(work, rows, notes):
    out = os.path.join(work, "corpus")
    subprocess.run([os.path.join(HERE, "corpus-patches.sh"), out], check=True, capture_output=True)
    entries = {}
    with open(os.path.join(out, "entries.tsv")) as f:
        for line in f:
            e, file, rule, flags = line.rstrip("\n").split("\t")
            entries[e] = (file, rule, int(flags))
    for kind, expected in (("fix", "fixed"), ("revert", "introduced")):
        js, err, wall, cpu = run_review([os.path.join(out, kind + ".mbox")])
        if js is None:
            notes.append("corpus %s: no JSON from mmlint review: %s" % (kind, err.strip()[-500:]))
            continue
        n = len(js["patches"])
        notes.append("corpus %s patches: %d in one run, %.1f s wall, %.1f s CPU (%.2f s wall a patch)" % (kind, n, wall, cpu, wall / max(n, 1)))
        for p in js["patches"]:
            m = re.search(r"([\w.-]+): the upstream fix", p["subject"])
            e = m.group(1) if m else p["subject"]
            file, rule, flags = entries.get(e, ("?", "?", 0))
            c = counts(p)
            label = ("revert of " if kind == "revert" else "") + e
            rows.append(dict(group="corpus " + kind, patch=label, what="%s %s, %d flag line(s)" % (rule, file, flags),
                             expected=expected, counts=c, time="%.2f (avg)" % (wall / max(n, 1))))


def read_mail(msgid, notes):
    path = os.path.join(CACHE, "mails", msgid + ".mbox")
    if os.path.isfile(path):
        return path
    os.makedirs(os.path.dirname(path), exist_ok=True)
    url = "https://lore.kernel.org/all/%s/raw" % msgid
    try:
        subprocess.run(["curl", "-sfL", "--max-time", "30", "-o", path + ".part", url], check=True)
        os.replace(path + ".part", path)
        return path
    except (subprocess.CalledProcessError, FileNotFoundError):
        notes.append("%s: mail not in %s and not fetched from %s" % (msgid, os.path.dirname(path), url))
        return None


def applies(tree, mail, reverse):
    args = ["git", "apply", "--check"] + (["-R"] if reverse else []) + [mail]
    return subprocess.run(args, cwd=tree, capture_output=True).returncode == 0


def touched(mail):
    files = []
    with open(mail, errors="replace") as f:
        for line in f:
            m = re.match(r"^diff --git a/(\S+) b/(\S+)", line)
            if m:
                files.append(m.group(1))
    return files


def preimage_tree(version, mails):
    """A copy of the tree (hard links) with the given mails reverted, newest first; cached by their names."""
    src = os.path.join(KERNELS, "linux-source-" + version)
    key = hashlib.sha256("\n".join(sorted(os.path.basename(m) for m in mails)).encode()).hexdigest()[:12]
    dst = os.path.join(CACHE, "trees", "linux-%s-pre-%s" % (version, key))
    if os.path.isdir(dst):
        return dst
    tmp = dst + ".part"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    subprocess.run(["cp", "-al", src, tmp], check=True)
    for m in mails:
        for f in touched(m):  # a file of its own before it is patched: the tree's inode is never written
            p = os.path.join(tmp, f)
            if os.path.exists(p):
                os.unlink(p)
                shutil.copy2(os.path.join(src, f), p)
    for m in reversed(mails):
        subprocess.run(["git", "apply", "-R", m], cwd=tmp, check=True, capture_output=True)
    os.rename(tmp, dst)
    return dst


def real_rows(rows, notes):
    manifest = []
    with open(os.path.join(HERE, "real.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            msgid, version, expected, why = line.rstrip("\n").split("\t")
            manifest.append((msgid, version, expected, why))
    for version in sorted({v for _, v, _, _ in manifest}):
        tree = os.path.join(KERNELS, "linux-source-" + version)
        config = os.path.join(KERNELS, "config-%s.amd64" % version)
        fwd, rev = [], []
        for msgid, v, expected, why in manifest:
            if v != version:
                continue
            mail = read_mail(msgid, notes)
            row = dict(group="real " + version, patch=msgid, what=why, expected=expected, counts=None, time="")
            if mail is None:
                row["note"] = "mail not available"
            elif applies(tree, mail, True):  # first: a patch that adds lines may also apply again after itself
                rev.append((mail, row))
            elif applies(tree, mail, False):
                fwd.append((mail, row))
            else:
                row["note"] = "applies to Debian's %s tree in neither direction (later changes to its context)" % version
            rows.append(row)
        for mails, base in ((fwd, tree), (rev, preimage_tree(version, [m for m, _ in rev]) if rev else None)):
            for mail, row in mails:
                js, err, wall, cpu = run_review(["--tree", base, "--config", config, mail])
                if js is None or not js["patches"]:
                    row["note"] = "no review: " + err.strip()[-300:]
                    continue
                row["counts"] = counts(js["patches"][0])
                row["time"] = "%.1f" % wall
                row["note"] = "; ".join([("against the tree" if base == tree else "against the tree with it reverted")] + [l[len("mmlint review: "):] for l in err.splitlines() if l.startswith("mmlint review:") and "patch" not in l])[:300]
        if len(rev) > 1:  # the same patches as one series, in posting order, against the tree with all of them reverted
            base = preimage_tree(version, [m for m, _ in rev])
            js, err, wall, cpu = run_review(["--tree", base, "--config", config] + [m for m, _ in rev], "-Dmmlint.review.stats=true")
            c = {"introduced": 0, "pre-existing": 0, "fixed": 0}
            for q in (js or {}).get("patches", []):
                for k, v in counts(q).items():
                    c[k] += v
            stats = [l for l in err.splitlines() if "file images" in l]
            rows.append(dict(group="real " + version, patch="the %d patches above as one series" % len(rev), what="",
                             expected="nothing", counts=c if js else None, time="%.1f" % wall,
                             note="%.1f s CPU; %s" % (cpu, stats[0][len("mmlint review: "):] if stats else err.strip()[-200:])))


def history_rows(work, rows, notes):
    """20 consecutive upstream mm/ commits (history-series.sh) reviewed as one series against their real
    pre-image, a Linux 2.6.31 tree, under that tree's x86_64 defconfig; expected verdicts in history.tsv."""
    out = os.path.join(work, "history")
    p = subprocess.run([os.path.join(HERE, "history-series.sh"), out], capture_output=True, text=True)
    if p.returncode != 0:
        notes.append("history: skipped: " + (p.stderr.strip().splitlines() or ["history-series.sh failed"])[-1])
        return
    tree = p.stdout.strip().splitlines()[-1]
    expected = {}
    with open(os.path.join(HERE, "history.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            c, e, why = line.rstrip("\n").split("\t")
            expected[c] = (e, why)
    triage = {}
    with open(os.path.join(HERE, "history-triage.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rule, fn, v, why = line.rstrip("\n").split("\t")
            triage[(rule, fn)] = "%s: %s" % (v, why)
    commits = []
    with open(os.path.join(out, "commits.tsv")) as f:
        for line in f:
            c, subject = line.rstrip("\n").split("\t", 1)
            commits.append((c, subject))
    config = os.path.join(tree, "arch/x86/configs/x86_64_defconfig")
    js, err, wall, cpu = run_review(["--tree", tree, "--config", config, os.path.join(out, "series.mbox")], "-Dmmlint.review.stats=true")
    if js is None:
        notes.append("history: no JSON from mmlint review: " + err.strip()[-500:])
        return
    patches = js["patches"]
    total = {"introduced": 0, "pre-existing": 0, "fixed": 0}
    for i, (c, subject) in enumerate(commits):
        e, why = expected.get(c, ("?", "no expected verdict in history.tsv"))
        row = dict(group="history 2.6.32", patch="%s %s" % (c, subject), what=why, expected=e, counts=None, time="")
        if i < len(patches):
            q = patches[i]
            row["counts"] = counts(q)
            for k, v in row["counts"].items():
                total[k] += v
            found = ["%s %s %s:%d %s() [%s]" % (x["status"], x.get("rule") or x.get("ruleId"), x["file"], x["line"], x.get("function"),
                                                 triage.get((x.get("rule") or x.get("ruleId"), x.get("function")), "untriaged"))
                     for x in q.get("findings", [])]
            probs = [pr.split(": ", 1)[-1] for pr in q.get("problems", [])]
            row["note"] = "; ".join([why] + found + probs)
        else:
            row["note"] = "not in the review's output"
        rows.append(row)
    stats = [l for l in err.splitlines() if "file images" in l]
    rows.append(dict(group="history 2.6.32", patch="the %d commits above as one series" % len(commits), what="", expected="nothing",
                     counts=total, time="%.1f" % wall,
                     note="against %s (git archive of %s), --config its x86_64_defconfig; %.1f s CPU; %s; load %s" % (
                         os.path.basename(tree), os.path.basename(tree).rsplit("-", 1)[-1], cpu,
                         stats[0][len("mmlint review: "):] if stats else "",
                         " ".join("%.1f" % x for x in os.getloadavg()))))


SPLIT_FILES = ["mm/gup.c", "mm/memory.c", "mm/hugetlb.c", "mm/huge_memory.c"]


def split_series(out):
    """20 patches that revisit the same files, as a real series does: each of SPLIT_FILES taken from its
    6.1 text towards its 6.12 text in 5 steps (its 6.1..6.12 hunks cut into 5 consecutive groups),
    the files in turn. Patch k of a file applies to the text patch k-1 left."""
    old = os.path.join(KERNELS, "linux-source-6.1")
    new = os.path.join(KERNELS, "linux-source-6.12")
    per_file = {}
    for f in SPLIT_FILES:
        d = subprocess.run(["git", "diff", "--no-index", "--no-color", "-U3", os.path.join(old, f), os.path.join(new, f)],
                           capture_output=True, text=True).stdout
        hunks = re.split(r"(?m)^(?=@@ )", d)[1:]
        k = len(hunks)
        groups = [hunks[i * k // 5:(i + 1) * k // 5] for i in range(5)]
        per_file[f] = [g for g in groups if g]
    n = 0
    with open(out, "w") as o:
        total = sum(len(v) for v in per_file.values())
        for step in range(5):
            for f in SPLIT_FILES:
                if step >= len(per_file[f]):
                    continue
                n += 1
                o.write("From %040d Mon Sep 17 00:00:00 2001\nFrom: mmlint bench <bench@mmlint.invalid>\n"
                        "Date: Sun, 6 Dec 2026 00:00:%02d +0000\nSubject: [PATCH %02d/%02d] %s: step %d of 5 towards Linux 6.12\n\n"
                        "Part %d of the 6.1 to 6.12 changes of %s (bench/review/bench.py).\n\n"
                        "Signed-off-by: mmlint bench <bench@mmlint.invalid>\n---\ndiff --git a/%s b/%s\n--- a/%s\n+++ b/%s\n%s-- \n2.39.5\n\n"
                        % (n, n, n, total, f[:-2], step + 1, step + 1, f, f, f, f, f, "".join(per_file[f][step])))
    return n


def speed_rows(work, rows, notes):
    mbox = os.path.join(work, "speed.mbox")
    p = subprocess.run([os.path.join(HERE, "synthetic-series.sh"), mbox], capture_output=True, text=True, check=True)
    split = os.path.join(work, "split.mbox")
    n_split = split_series(split)
    tree = os.path.join(KERNELS, "linux-source-6.1")
    config = os.path.join(KERNELS, "config-6.1.amd64")
    for share in ("true", "false"):
        js, err, wall, cpu = run_review(["--tree", tree, "--config", config, split],
                                        "-Dmmlint.review.stats=true -Dmmlint.review.shareImages=" + share)
        stats = [l for l in err.splitlines() if "file images" in l]
        c = {"introduced": 0, "pre-existing": 0, "fixed": 0}
        for q in (js or {}).get("patches", []):
            for k, v in counts(q).items():
                c[k] += v
        if not js:
            notes.append("split series: no JSON: " + err.strip()[-300:])
        rows.append(dict(group="speed", patch="%d-patch series revisiting 4 files vs 6.1, images %s" % (n_split, "shared" if share == "true" else "not shared"),
                         what="", expected="speed", counts=c, time="%.1f" % wall,
                         note="%.1f s CPU; %s; load %s" % (cpu, stats[0][len("mmlint review: "):] if stats else "",
                                                           " ".join("%.1f" % x for x in os.getloadavg()))))
        rows[-1]["json"] = json.dumps(js, sort_keys=True) if js else None
    if rows[-1].get("json") and rows[-2].get("json"):
        notes.append("split series: the review with images shared is %s the one without" %
                     ("identical to" if rows[-1]["json"] == rows[-2]["json"] else "DIFFERENT from"))
    results = {}
    for share in ("true", "false"):
        js, err, wall, cpu = run_review(["--tree", tree, "--config", config, mbox],
                                        "-Dmmlint.review.stats=true -Dmmlint.review.shareImages=" + share)
        stats = [l for l in err.splitlines() if "file images" in l]
        m = SUMMARY.search(err)
        c = {"introduced": 0, "pre-existing": 0, "fixed": 0}
        if js is not None:
            for q in js["patches"]:
                for k, v in counts(q).items():
                    c[k] += v
        results[share] = json.dumps(js, sort_keys=True) if js else None
        rows.append(dict(group="speed", patch="20-patch series vs 6.1, images %s" % ("shared" if share == "true" else "not shared"),
                         what="20 mm/ files taken to their 6.12 text (" + p.stderr.strip() + ")", expected="speed",
                         counts=c, time="%.1f" % wall,
                         note="%.1f s CPU; %s; load %s" % (cpu, stats[0][len("mmlint review: "):] if stats else "",
                                                           " ".join("%.1f" % x for x in os.getloadavg()))))
    if results.get("true") and results.get("false"):
        notes.append("speed series: the review with images shared is %s the one without" %
                     ("identical to" if results["true"] == results["false"] else "DIFFERENT from"))


def main():
    save = "--save" in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    work = tempfile.mkdtemp(prefix="mmlint-review-bench-")
    rows, notes = [], []
    t0 = time.time()
    try:
        if not only or "corpus" in only:
            corpus_rows(work, rows, notes)
        if not only or "real" in only:
            real_rows(rows, notes)
        if not only or "history" in only:
            history_rows(work, rows, notes)
        if not only or "speed" in only:
            speed_rows(work, rows, notes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = time.time() - t0
    lines = ["| group | patch | expected | mmlint: introduced / pre-existing / fixed | agrees | time (s) | notes |",
             "|---|---|---|---|---|---|---|"]
    judged = agree = 0
    disagreements = []
    for r in rows:
        c = r["counts"]
        a = agrees(r["expected"], c) if c is not None else None
        if a is not None:
            judged += 1
            agree += a
            if not a:
                disagreements.append(r)
        lines.append("| %s | %s | %s | %s | %s | %s | %s |" % (
            r["group"], r["patch"], r["expected"], verdict(c) if c else "–",
            "–" if a is None else ("yes" if a else "**no**"), r["time"] or "–",
            (r.get("note") or r["what"]).replace("|", "\\|")))
    lines.append("")
    by = {}
    for r in rows:
        c = r["counts"]
        a = agrees(r["expected"], c) if c is not None else None
        if a is None:
            continue
        g = by.setdefault(r["group"], [0, 0])
        g[0] += 1
        g[1] += a
    lines.append("**Totals:** %d of %d judged patches agree (%s); wall time of the whole benchmark %.0f s "
                 "(load average %s on %d cores)." % (agree, judged, ", ".join("%s %d/%d" % (k, v[1], v[0]) for k, v in sorted(by.items())),
                                                      total, " ".join("%.1f" % x for x in os.getloadavg()), os.cpu_count()))
    lines.append("")
    lines.extend("- " + n for n in notes)
    lines.append("")
    lines.append("Disagreements: %d (listed above with **no**)." % len(disagreements))
    text = "\n".join(lines) + "\n"
    print(text)
    if save:
        day = datetime.date.today().isoformat()
        path = os.path.join(ROOT, "bench", "results", "review-%s.md" % day)
        head = ("# Review benchmark, %s\n\n`bench/review.sh --save` (issue 15). Verdict columns: what `mmlint review` "
                "reported for the patch (introduced / pre-existing / fixed findings). A fix agrees when it reports at least "
                "one fixed and nothing introduced, a revert when it reports at least one introduced, a real patch expected "
                "to change nothing when it reports nothing introduced or fixed. Corpus patches are reviewed without a tree "
                "(hunks with the whole file as context, as lone fragments), real patches against Debian's tree.\n\n" % day)
        with open(path, "w") as f:
            f.write(head + text)
        print("saved " + os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
