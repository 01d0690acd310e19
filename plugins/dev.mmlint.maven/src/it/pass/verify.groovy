def sarif = new File(basedir, 'target/mmlint.sarif')
assert sarif.isFile() : 'no SARIF report in target/'
assert sarif.text.contains('"version" : "2.1.0"')
assert new File(basedir, 'build.log').text.contains('mmlint: 0 findings in 1 file')
