import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CommandRunner, isDomainError } from '@crm/eventsourcing';
import type { ScriptedCommand } from '../lib/crm-script';
import { median, nowMs, round } from '../lib/stats';
import { openStores } from '../lib/stores';
import type { Workload } from '../lib/workload';
import { fmtRate, perSecond, reportSkipped, rotated } from '../lib/workload';
import { commandScript, runScripted } from './commands.workload';

/** Emmett lives in its own folder: its peer range (commander 12) conflicts with the app's. */
const EMMETT_DIR = join(__dirname, '..', 'emmett');

type EmmettEventStore = { appendToStream: unknown };
type EmmettHandle = (
  store: EmmettEventStore,
  id: string,
  handle: (state: unknown) => unknown,
) => Promise<unknown>;
type EmmettModules = {
  getSQLiteEventStore(options: { fileName: string }): EmmettEventStore;
  CommandHandler(options: {
    evolve: (state: unknown, event: unknown) => unknown;
    initialState: () => unknown;
    retry?: unknown;
  }): EmmettHandle;
};

const loadEmmett = (quick: boolean): EmmettModules | string => {
  const installed = (): boolean =>
    existsSync(join(EMMETT_DIR, 'node_modules', '@event-driven-io', 'emmett-sqlite'));
  if (!installed() && !quick) {
    // sqlite3 (Emmett's driver) compiles from source here: about a minute.
    spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: EMMETT_DIR,
      stdio: 'inherit',
    });
  }
  if (!installed()) {
    return 'Emmett is installed apart from the app (bench/emmett); `npm --prefix bench/emmett ci` installs it (a full run does it by itself). Not installed, so no figure.';
  }
  const requireEmmett = createRequire(join(EMMETT_DIR, 'package.json'));
  try {
    const sqlite = requireEmmett('@event-driven-io/emmett-sqlite') as Pick<
      EmmettModules,
      'getSQLiteEventStore'
    >;
    const core = requireEmmett('@event-driven-io/emmett') as Pick<EmmettModules, 'CommandHandler'>;
    return { getSQLiteEventStore: sqlite.getSQLiteEventStore, CommandHandler: core.CommandHandler };
  } catch (error) {
    return `Emmett could not be loaded here: ${error instanceof Error ? error.message : String(error)}`;
  }
};

/**
 * The single-event command workload (same seeded script as `commands`) through Emmett's
 * CommandHandler on its SQLite event store, against our runner on our store. Emmett 0.38's
 * SQLite store opens a connection per operation and sets only `journal_mode = WAL`, so it runs
 * at SQLite's default synchronous=FULL: that is the only durability it can be compared at.
 */
export const emmettWorkload: Workload = async (context) => {
  if (context.durability !== 'FULL') {
    reportSkipped(
      `Emmett at ${context.durability}: Emmett's SQLite store exposes no synchronous setting and reopens its connection for every operation (the pragma is per connection), so it always runs FULL; compared at FULL only.`,
    );
    return [];
  }
  const emmett = loadEmmett(context.quick);
  if (typeof emmett === 'string') {
    reportSkipped(emmett);
    return [];
  }
  // Emmett manages a few hundred commands a second at FULL: a smaller script keeps the run short.
  const { setup, timed } = commandScript(
    context.quick
      ? { customers: 200, rounds: 3, perRound: 100 }
      : { customers: 2_000, rounds: 6, perRound: 400 },
  );
  const dir = (name: string): string => {
    const path = join(context.workDir, `emmett-${name}`);
    mkdirSync(path, { recursive: true });
    return path;
  };
  const eventStore = emmett.getSQLiteEventStore({ fileName: join(dir('emmett'), 'emmett.sqlite') });
  const handlers = new Map<unknown, EmmettHandle>();
  const handlerFor = (decider: ScriptedCommand['decider']): EmmettHandle => {
    let handle = handlers.get(decider);
    if (!handle) {
      handle = emmett.CommandHandler({
        evolve: decider.evolve,
        initialState: () => decider.initialState,
      });
      handlers.set(decider, handle);
    }
    return handle;
  };
  const failures: string[] = [];
  const emmettRun = async (commands: readonly ScriptedCommand[]): Promise<void> => {
    for (const command of commands) {
      try {
        await handlerFor(command.decider)(eventStore, command.streamId, (state) => {
          const decision = command.decider.decide(command.command, state);
          if (isDomainError(decision)) throw new Error(decision.message);
          return [...decision];
        });
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const plain = openStores(dir('ours-plain'), 'FULL');
  const sealed = openStores(dir('ours'), 'FULL');
  const plainRunner = new CommandRunner(plain.events);
  const oursRun =
    (runner: CommandRunner) =>
    async (commands: readonly ScriptedCommand[]): Promise<void> => {
      for (const command of commands) await runScripted(runner, command);
    };
  const variants = {
    emmett: emmettRun,
    ours: oursRun(plainRunner),
    oursSealed: oursRun(sealed.runner),
  };
  for (const run of Object.values(variants)) await run(setup);
  const rates: Record<keyof typeof variants, number[]> = { emmett: [], ours: [], oursSealed: [] };
  for (const [index, commands] of timed.entries()) {
    for (const name of rotated(['emmett', 'ours', 'oursSealed'] as const, index)) {
      const started = nowMs();
      await variants[name](commands);
      rates[name].push(perSecond(commands.length, nowMs() - started));
    }
    context.log(
      `emmett round ${index + 1}/${timed.length}: emmett ${Math.round(rates.emmett.at(-1) ?? 0)}/s, ours ${Math.round(rates.ours.at(-1) ?? 0)}/s, ours+PII ${Math.round(rates.oursSealed.at(-1) ?? 0)}/s`,
    );
  }
  await plain.close();
  await sealed.close();
  const emmettRate = median(rates.emmett);
  const ours = median(rates.ours);
  const oursSealed = median(rates.oursSealed);
  const ratio = ours / emmettRate;
  return [
    {
      workload:
        'single-event command vs Emmett 0.38.5 (@event-driven-io/emmett-sqlite, same deciders, no PII on either side)',
      setting: 'FULL',
      ours: fmtRate(ours),
      baseline: `Emmett CommandHandler + SQLite event store: ${fmtRate(emmettRate)}`,
      ratio: round(ratio, 2),
      target: '≥ 1.5× Emmett',
      met: ratio >= 1.5,
      note: `With our PII sealing on top the runner does ${fmtRate(oursSealed)} (${(oursSealed / emmettRate).toFixed(2)}× Emmett). Emmett runs on node-sqlite3 5.1.7 (asynchronous, compiled here from source) and reopens its connection per operation; it has no NORMAL setting.${failures.length ? ` Emmett failed ${failures.length} of ${setup.length + timed.flat().length} commands (first: ${failures[0] ?? ''}); they count as done in its rate.` : ''}`,
      details: { rates, emmettFailures: failures.length, firstFailures: failures.slice(0, 5) },
    },
  ];
};
