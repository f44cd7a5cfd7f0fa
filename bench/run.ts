import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './lib/build-app';
import { describeMachine, load } from './lib/machine';
import type { BenchReport, ResultRow } from './lib/report';
import { printTable, reportFiles, writeReports } from './lib/report';
import type { Durability } from './lib/stores';
import type { Workload } from './lib/workload';
import { SKIPPED } from './lib/workload';
import { appWorkload } from './workloads/app.workload';
import { catchUpWorkload } from './workloads/catch-up.workload';
import { commandsWorkload } from './workloads/commands.workload';
import { datasetWorkload } from './workloads/dataset.workload';
import { emmettWorkload } from './workloads/emmett.workload';
import { httpWorkload } from './workloads/http.workload';
import { importWorkload } from './workloads/import.workload';
import { pipelineWorkload } from './workloads/pipeline.workload';
import { pgDocumentsWorkload } from './workloads/pg-documents.workload';
import { postgresWorkload } from './workloads/postgres.workload';
import { postgresScaleWorkload } from './workloads/postgres-scale.workload';
import { predictedValueWorkload } from './workloads/predicted-value.workload';
import { rebuildWorkload } from './workloads/rebuild.workload';

/**
 * `npm run bench [-- --quick] [-- --only=commands,http] [-- --keep]`: runs each workload in a
 * child process of its own (a fresh heap, no JIT or cache carried over), in order, and writes
 * bench/results/latest.json and bench/RESULTS.md (a run with --only=a,b writes
 * bench/results/a+b.json and bench/RESULTS-a+b.md instead, so a partial run never replaces the
 * full one).
 */
const WORKLOADS: {
  name: string;
  durabilities: Durability[];
  /** Fewer settings under --quick, to stay under two minutes. */
  quick?: Durability[];
  /** Node options of the workload's process, when the program it measures runs with its own. */
  nodeOptions?: string[];
  run: Workload;
}[] = [
  { name: 'commands', durabilities: ['NORMAL', 'FULL'], run: commandsWorkload },
  { name: 'emmett', durabilities: ['FULL', 'NORMAL'], run: emmettWorkload },
  { name: 'http', durabilities: ['NORMAL', 'FULL'], quick: ['FULL'], run: httpWorkload },
  // The embedded default's durability (SQLITE_SYNCHRONOUS=FULL).
  // Run as `npm run cli` runs crm-cli (see package.json).
  {
    name: 'import',
    durabilities: ['FULL'],
    nodeOptions: ['--max-semi-space-size=64'],
    run: importWorkload,
  },
  // The dataset comes before the workloads that read it.
  { name: 'dataset', durabilities: ['NORMAL'], run: datasetWorkload },
  { name: 'catch-up', durabilities: ['NORMAL'], run: catchUpWorkload },
  { name: 'rebuild', durabilities: ['NORMAL'], run: rebuildWorkload },
  { name: 'app', durabilities: ['FULL'], run: appWorkload },
  // Builds its own data (100,000 and 1,000 opportunities) and serves both.
  { name: 'pipeline', durabilities: ['FULL'], run: pipelineWorkload },
  { name: 'pg-documents', durabilities: ['NORMAL'], run: pgDocumentsWorkload },
  // The server's own durability (synchronous_commit), whatever the label.
  { name: 'postgres', durabilities: ['FULL'], run: postgresWorkload },
  // PostgreSQL's own durability; SQLITE_SYNCHRONOUS does not apply.
  { name: 'postgres-http', durabilities: ['FULL'], run: postgresScaleWorkload },
  // Pure computation over the purchases read model (embedded document store, NORMAL).
  { name: 'predicted-value', durabilities: ['NORMAL'], run: predictedValueWorkload },
];

const RESULT = '@@result ';

type Args = {
  quick: boolean;
  only: string[] | null;
  keep: boolean;
  child?: string;
  values: Record<string, string | boolean>;
};

const parseArgs = (argv: readonly string[]): Args => {
  const values: Record<string, string | boolean> = {};
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key) values[key] = value ?? true;
  }
  return {
    values,
    quick: values.quick === true,
    keep: values.keep === true,
    only: typeof values.only === 'string' ? values.only.split(',') : null,
    ...(typeof values.workload === 'string' ? { child: values.workload } : {}),
  };
};

/** Child mode: one workload at one durability; rows go to stdout, progress to stderr. */
const runChild = async (args: Args): Promise<void> => {
  const workload = WORKLOADS.find((w) => w.name === args.child);
  if (!workload) throw new Error(`unknown workload ${String(args.child)}`);
  const rows = await workload.run({
    quick: args.quick,
    workDir: String(args.values['work-dir']),
    durability: args.values.durability as Durability,
    log: (message) => process.stderr.write(`  ${message}\n`),
  });
  for (const row of rows) process.stdout.write(`${RESULT}${JSON.stringify(row)}\n`);
};

const spawnChild = (
  args: string[],
  nodeOptions: readonly string[] = [],
): Promise<{ rows: ResultRow[]; skipped: string[]; code: number | null }> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...nodeOptions, '--expose-gc', '-r', '@swc-node/register', __filename, ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' },
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => {
      const lines = out.split('\n');
      resolve({
        rows: lines
          .filter((l) => l.startsWith(RESULT))
          .map((l) => JSON.parse(l.slice(RESULT.length)) as ResultRow),
        skipped: lines.filter((l) => l.startsWith(SKIPPED)).map((l) => l.slice(SKIPPED.length)),
        code,
      });
    });
  });

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return runChild(args);

  const started = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
  const machine = describeMachine(workDir);
  const rows: ResultRow[] = [];
  const skipped: BenchReport['skipped'] = [];
  process.stderr.write(`bench (${args.quick ? 'quick' : 'full'}) in ${workDir}\n`);
  try {
    if (
      !args.only ||
      args.only.some((name) => ['http', 'app', 'pipeline', 'postgres-http'].includes(name))
    ) {
      process.stderr.write(
        '▶ compiling crm-api (tsconfig.build.json) to run it as production does\n',
      );
      if (!buildApp(workDir)) {
        skipped.push({
          workload: 'build',
          reason:
            'tsc failed on the current tree; crm-api ran from source through @swc-node/register (its memory includes the loader)',
        });
      }
    }
    for (const workload of WORKLOADS) {
      if (args.only && !args.only.includes(workload.name) && workload.name !== 'dataset') continue;
      if (
        args.only &&
        workload.name === 'dataset' &&
        !args.only.some((o) => ['catch-up', 'rebuild', 'app'].includes(o))
      )
        continue;
      for (const durability of (args.quick && workload.quick) || workload.durabilities) {
        process.stderr.write(`▶ ${workload.name} (${durability})\n`);
        const result = await spawnChild(
          [
            `--workload=${workload.name}`,
            `--durability=${durability}`,
            `--work-dir=${workDir}`,
            ...(args.quick ? ['--quick'] : []),
          ],
          workload.nodeOptions,
        );
        rows.push(...result.rows);
        for (const reason of result.skipped) skipped.push({ workload: workload.name, reason });
        if (result.code !== 0) {
          skipped.push({
            workload: `${workload.name} (${durability})`,
            reason: `the workload failed (exit ${String(result.code)}); see the log above`,
          });
        }
      }
    }
  } finally {
    if (!args.keep) rmSync(workDir, { recursive: true, force: true });
  }
  const report: BenchReport = {
    mode: args.quick ? 'quick' : 'full',
    ...(args.only ? { only: args.only } : {}),
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    durationS: (Date.now() - started) / 1000,
    machine: { ...machine, loadAtEnd: load() },
    rows,
    skipped,
  };
  printTable(rows);
  const files = reportFiles(args.only);
  await writeReports(__dirname, report, files);
  process.stderr.write(
    `\nwrote bench/${files.markdown} and bench/${files.json} in ${Math.round(report.durationS)} s\n`,
  );
};

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
