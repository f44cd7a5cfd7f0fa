// Jest ignores `testTimeout` inside a project's configuration (only the root one counts), so
// each project sets its own here: JEST_PROJECT_TIMEOUT_MS is put in each project's globals.
/* global jest */
jest.setTimeout(globalThis.JEST_PROJECT_TIMEOUT_MS);
