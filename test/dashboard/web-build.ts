import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, webRoot } from '../../apps/crm-api/src/dashboard/web-root';

const newestChange = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs;
    return Math.max(newest, time);
  }, 0);

/** Builds the dashboard (npm run build:web) unless dist/web is newer than every file in web/. */
export const ensureWebBuilt = (): void => {
  const root = projectRoot();
  const index = join(webRoot(), 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestChange(join(root, 'web'))) return;
  execFileSync('npm', ['run', 'build:web', '--silent'], {
    cwd: root,
    stdio: 'pipe',
    timeout: 120_000,
  });
};
