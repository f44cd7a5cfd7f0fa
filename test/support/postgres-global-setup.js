// The PostgreSQL suites run when POSTGRES_URL names a server, as the EventStoreDB and MongoDB
// suites run when EVENTSTORE_URL / MONGODB_URL are set (.ci/run sets it to the machine's
// server). A server that is named but unreachable fails the run; CI without one fails too.
const { Client } = require('pg');

module.exports = async () => {
  const url = process.env.POSTGRES_URL;
  // The test processes must not see it: an app configured from the environment (a child
  // service, the CLI) would move to PostgreSQL. The suites get it as CRM_TEST_POSTGRES_URL.
  delete process.env.POSTGRES_URL;
  delete process.env.POSTGRES_SCHEMA;
  delete process.env.CRM_TEST_POSTGRES_URL;
  if (!url) {
    if (process.env.CI) throw new Error('POSTGRES_URL is not set: CI runs the PostgreSQL suites');
    return;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const where = url.replace(/\/\/[^@/]*@/, '//');
    throw new Error(`POSTGRES_URL names ${where}, which is unreachable (${error.message})`);
  } finally {
    await client.end().catch(() => {});
  }
  process.env.CRM_TEST_POSTGRES_URL = url;
};
