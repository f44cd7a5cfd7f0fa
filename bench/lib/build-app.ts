import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** How to start crm-api: compiled JavaScript (as `npm start` runs it) or, failing that, from source. */
export type AppEntry = { args: string[]; env: Record<string, string>; compiled: boolean };

export const appBuildDir = (workDir: string): string => join(workDir, 'build');

/**
 * Compiles the apps and libs with the project's own tsc (tsconfig.build.json) into the run's
 * scratch folder, so crm-api runs as it does in production, without a loader in its memory.
 */
export const buildApp = (workDir: string): boolean => {
  const outDir = appBuildDir(workDir);
  for (const tool of ['tsc', 'tsc-alias']) {
    const result = spawnSync(
      join(ROOT, 'node_modules', '.bin', tool),
      ['-p', 'tsconfig.build.json', '--outDir', outDir],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (result.status !== 0) return false;
  }
  return true;
};

export const appEntry = (workDir: string): AppEntry => {
  const main = join(appBuildDir(workDir), 'apps', 'crm-api', 'src', 'main.js');
  return existsSync(main)
    ? { args: [main], env: { NODE_PATH: join(ROOT, 'node_modules') }, compiled: true }
    : {
        args: ['-r', '@swc-node/register', join(ROOT, 'apps', 'crm-api', 'src', 'main.ts')],
        env: {},
        compiled: false,
      };
};
