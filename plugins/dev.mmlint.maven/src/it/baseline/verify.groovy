def log = new File(basedir, 'build.log').text
assert log.contains('mmlint: 0 new findings in 1 file (1 in the baseline)')
assert !log.contains('[WARNING] src/main/c/gup.c')
assert new File(basedir, 'target/mmlint.sarif').text.contains('"baselineState" : "unchanged"')
