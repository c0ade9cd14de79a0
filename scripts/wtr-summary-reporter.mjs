// web-test-runner's own summary has a prefix CI does not read; this prints `wtr: N passed, N failed, N skipped`
// as the very last line. A test file that fails to load counts as a failure.
function walk(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) walk(child, counts);
}

/** A wtr reporter that prints the plain closing line. */
export function summaryReporter() {
  let line = '';
  return {
    // wtr flushes its terminal output after the reporters' stop(), so the line is printed on exit to be last.
    start() {
      process.once('exit', () => {
        if (line) process.stdout.write(line);
      });
    },
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      let fileErrors = 0;
      for (const session of sessions) {
        walk(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) fileErrors += session.errors.length;
      }
      line = `\nwtr: ${counts.passed} passed, ${counts.failed + fileErrors} failed, ${counts.skipped} skipped\n`;
    },
  };
}
