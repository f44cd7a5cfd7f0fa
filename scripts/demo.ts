import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DemoRefusedError, runDemo } from './demo/run-demo';

const USAGE = `npm run demo [-- --customers 2000 --months 24 --seed 42]
Fills the empty data folder CRM_DATA_DIR (default ./data) with a generated history.`;

const positive = (name: string, text: string): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new DemoRefusedError(`--${name} must be a positive integer`);
  return value;
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '2000' },
      months: { type: 'string', default: '24' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const summary = await runDemo({
    env: { CRM_DATA_DIR: './data', ...process.env },
    customers: positive('customers', values.customers),
    months: positive('months', values.months),
    seed: positive('seed', values.seed),
    log: out,
  });
  out('');
  out(
    `demo data in ${summary.dataDir}: ${summary.customers} customers, ${summary.tickets} tickets, ${summary.orders ?? 'no'} orders, ${summary.campaigns ?? 'no'} campaigns, ${summary.opportunities ?? 'no'} opportunities (${summary.commands} commands, log position ${summary.position})`,
  );
  if (summary.failed.length > 0) {
    out(`${summary.failed.length} commands were refused, e.g.:`);
    for (const failure of summary.failed.slice(0, 5))
      out(`  ${failure.label}: ${failure.status} ${failure.message}`);
  }
  if (summary.keys.admin) out(`admin key (shown once):   CRM_ADMIN_KEY=${summary.keys.admin}`);
  out(`analyst key (dashboard): ${summary.keys.analyst}`);
  out(`auditor key (dashboard): ${summary.keys.auditor}`);
  out(`now: CRM_DATA_DIR=${summary.dataDir} npm start, and open http://localhost:3000/`);
};

main().catch((error: unknown) => {
  if (error instanceof DemoRefusedError) {
    process.stderr.write(`demo refused: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
