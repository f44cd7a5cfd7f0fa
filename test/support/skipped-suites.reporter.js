// Lists the suites that were skipped, with the reason their title gives (e.g. the production
// adapters' contract suites without EVENTSTORE_URL / MONGODB_URL), and ends every run with the
// plain 'N passed, N failed, N skipped' line that CI reads.
class SkippedSuitesReporter {
  constructor() {
    this.skipped = new Set();
  }

  onTestResult(_test, result) {
    for (const test of result.testResults) {
      if (test.status === 'pending' && test.ancestorTitles[0])
        this.skipped.add(test.ancestorTitles[0]);
    }
  }

  onRunComplete(_contexts, results) {
    if (this.skipped.size > 0) {
      process.stdout.write(
        `\nSkipped suites:\n${[...this.skipped].map((title) => `  - ${title}`).join('\n')}\n`,
      );
    }
    const closing = `\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`;
    // After Jest's own summary, so it is the run's closing line.
    process.once('exit', () => process.stdout.write(closing));
  }
}

module.exports = SkippedSuitesReporter;
