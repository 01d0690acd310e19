#!/usr/bin/env python3
"""Review speed, two builds side by side in one run (issue 15).

    bench/review/speed-ab.py BASE_CLI_DIR [--rounds N] [--series synthetic,split,history] [--extra "-Dx=y"]
                             [--base-extra "-Dx=y"] [--new-extra "-XX:..."] [--base-java J] [--new-java J]

BASE_CLI_DIR holds the baseline build's CLI (dev.mmlint.cli-*.jar and lib/, e.g. a copy of
plugins/dev.mmlint.cli/target taken before a change); the other build is this worktree's
plugins/dev.mmlint.cli/target. Each series is reviewed by both builds in turn (base, new, base,
new, ...: both see the same load), with the same JVM options and no class-data archive, and the
table gives wall and CPU seconds (the JVM's user + system time, which a shared machine's load
inflates far less than wall time), their ratios, and whether the two reviews' JSON are
byte-identical (they must be). BASE_CLI_DIR "same" takes this worktree's build for both, the base
run with --base-extra (e.g. the system properties that turn a change off); --new-extra gives the new
build's run more options (e.g. the JVM options the launcher adds for a review); --base-java and
--new-java name the java binary each side runs (default `java` on the PATH), to compare JVMs.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import bench  # noqa: E402


def classpath(d):
    jar = glob.glob(os.path.join(d, "dev.mmlint.cli-*.jar"))
    if not jar:
        raise SystemExit("no dev.mmlint.cli-*.jar in " + d)
    return jar[0] + ":" + os.path.join(d, "lib", "*")


def review(cp, args, extra, java="java"):
    cmd = [java, "-Xss8m", "-XX:+UseParallelGC", "-Dmmlint.review.stats=true"] + extra + ["-cp", cp, "dev.mmlint.cli.Main",
                                                                                          "review", "--format", "json"] + args
    t0, c0 = time.time(), os.times()
    p = subprocess.run(cmd, capture_output=True, text=True)
    c1 = os.times()
    cpu = (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
    stats = [l[len("mmlint review: "):] for l in p.stderr.splitlines() if "file images" in l]
    return p.stdout, time.time() - t0, cpu, stats[0] if stats else p.stderr.strip()[-300:]


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    base = args[0]
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 1
    which = args[args.index("--series") + 1].split(",") if "--series" in args else ["synthetic", "split", "history"]
    extra = args[args.index("--extra") + 1].split() if "--extra" in args else []
    base_extra = args[args.index("--base-extra") + 1].split() if "--base-extra" in args else []
    new_extra = args[args.index("--new-extra") + 1].split() if "--new-extra" in args else []
    base_java = args[args.index("--base-java") + 1] if "--base-java" in args else "java"
    new_java = args[args.index("--new-java") + 1] if "--new-java" in args else "java"
    new = os.path.join(ROOT, "plugins", "dev.mmlint.cli", "target")
    if base == "same":
        base = new
    work = tempfile.mkdtemp(prefix="mmlint-speed-ab-")
    k = bench.KERNELS
    series = []
    if "synthetic" in which:
        m = os.path.join(work, "speed.mbox")
        subprocess.run([os.path.join(HERE, "synthetic-series.sh"), m], check=True, capture_output=True)
        series.append(("20 mm/ files to their 6.12 text, vs 6.1", ["--tree", os.path.join(k, "linux-source-6.1"), "--config",
                                                                    os.path.join(k, "config-6.1.amd64"), m]))
    if "split" in which:
        m = os.path.join(work, "split.mbox")
        n = bench.split_series(m)
        series.append(("%d patches revisiting 4 files, vs 6.1" % n, ["--tree", os.path.join(k, "linux-source-6.1"), "--config",
                                                                      os.path.join(k, "config-6.1.amd64"), m]))
    if "history" in which:
        out = os.path.join(work, "history")
        p = subprocess.run([os.path.join(HERE, "history-series.sh"), out], capture_output=True, text=True)
        if p.returncode == 0:
            tree = p.stdout.strip().splitlines()[-1]
            series.append(("20 upstream commits of v2.6.32, vs their pre-image", ["--tree", tree, "--config",
                           os.path.join(tree, "arch/x86/configs/x86_64_defconfig"), os.path.join(out, "series.mbox")]))
        else:
            print("history: skipped: " + p.stderr.strip())
    print("| series | build | wall (s) | CPU (s) | review's statistics |")
    print("|---|---|---|---|---|")
    summary = []
    for name, a in series:
        res = {"base": [], "new": []}
        outs = {}
        for r in range(rounds):
            for b, d in (("base", base), ("new", new)):
                out, wall, cpu, stats = review(classpath(d), a, extra + (base_extra if b == "base" else new_extra),
                                                   base_java if b == "base" else new_java)
                res[b].append((wall, cpu))
                outs.setdefault(b, out)
                if outs[b] != out:
                    outs[b + "-unstable"] = True
                print("| %s | %s | %.1f | %.1f | %s; load %s |" % (name, b, wall, cpu, stats, " ".join("%.1f" % x for x in os.getloadavg())),
                      flush=True)
        bw = sum(x[0] for x in res["base"]) / rounds
        bc = sum(x[1] for x in res["base"]) / rounds
        nw = sum(x[0] for x in res["new"]) / rounds
        nc = sum(x[1] for x in res["new"]) / rounds
        same = outs.get("base") == outs.get("new") and outs.get("base")
        try:
            n = len(json.loads(outs["new"])["patches"])
        except (ValueError, KeyError, TypeError):
            n = 0
        summary.append("- %s (%d patches): CPU %.1f s -> %.1f s (new/base %.2f), wall %.1f s -> %.1f s (%.2f); review JSON %s" % (
            name, n, bc, nc, nc / bc if bc else 0, bw, nw, nw / bw if bw else 0, "byte-identical" if same else "DIFFERENT"))
    print()
    print("\n".join(summary))


if __name__ == "__main__":
    main()
