def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/c/gup.c:18:') : 'finding not logged in file:line:col form'
assert log.contains('[MM002]')
assert new File(basedir, 'target/mmlint.sarif').text.contains('"ruleId" : "MM002"')
