// Prints "tests: N passed, N failed, N skipped" from vitest's JSON report (used by .ci/run).
import { readFileSync } from "node:fs";

const r = JSON.parse(readFileSync(process.argv[2] ?? ".tmp/vitest-results.json", "utf8"));
console.log(
  `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
);
