import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import Database from 'better-sqlite3';

export type Machine = {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  betterSqlite3: string;
  sqlite: string;
  dataFilesystem: string;
  loadAtStart: string;
  loadAtEnd?: string;
};

export const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export const describeMachine = (dataDir: string): Machine => {
  const db = new Database(':memory:');
  const sqlite = db.prepare<[], string>('SELECT sqlite_version()').pluck().get() ?? '?';
  db.close();
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.versions.node,
    betterSqlite3: (
      JSON.parse(readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
    sqlite,
    dataFilesystem: filesystemOf(dataDir),
    loadAtStart: load(),
  };
};

const filesystemOf = (path: string): string => {
  try {
    const out = execFileSync('df', ['-T', path], { encoding: 'utf8' }).trim().split('\n')[1] ?? '';
    const [device, fsType] = out.split(/\s+/);
    return `${fsType ?? '?'} (${device ?? '?'})`;
  } catch {
    return 'unknown filesystem';
  }
};
