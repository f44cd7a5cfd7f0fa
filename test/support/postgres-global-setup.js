// Decides once per run whether the PostgreSQL suites run. A reachable server (POSTGRES_TEST_URL,
// default the machine's 127.0.0.1:5432 database `test`) runs them; an unreachable one skips them
// with the reason, except under CI (CI=true), where the run fails: CI must prove them for real.
const { Client } = require('pg');

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

module.exports = async () => {
  const url = process.env.POSTGRES_TEST_URL || DEFAULT_URL;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.CRM_TEST_POSTGRES_URL = url;
    delete process.env.CRM_TEST_POSTGRES_SKIP_REASON;
  } catch (error) {
    const reason = `PostgreSQL is unreachable at ${url.replace(/\/\/[^@/]*@/, '//')} (${error.message})`;
    if (process.env.CI) {
      throw new Error(`${reason}; CI runs the PostgreSQL suites and cannot skip them`);
    }
    delete process.env.CRM_TEST_POSTGRES_URL;
    process.env.CRM_TEST_POSTGRES_SKIP_REASON = reason;
  } finally {
    await client.end().catch(() => {});
  }
};
