def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] not analysed: src/main/c/bomb.c: error: not analysed: macro expansion budget exceeded') : 'bomb not reported'
assert log.contains('[WARNING] src/main/c/gup.c:18:') : 'the other file was not analysed'
assert log.contains('a budget ran out') : 'the build did not fail for the budget'
def txt = new File(basedir, 'target/mmlint.txt').text
assert txt.contains('over budget')
