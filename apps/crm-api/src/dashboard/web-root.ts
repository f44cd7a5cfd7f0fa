import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder up from here with a package.json (src and dist alike). */
export const projectRoot = (from: string = __dirname): string => {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
};

/** Where `npm run build` puts the dashboard (Vite's outDir in web/vite.config.ts). */
export const webRoot = (): string => join(projectRoot(), 'dist', 'web');
