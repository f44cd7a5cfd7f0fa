import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

const tail = (output: string): string => output.trim().split('\n').slice(-3).join(' / ');

/**
 * Makes sure Debian's Chromium is at CHROMIUM, installing it with apt-get when it is missing and
 * this process may (root); never a downloaded browser build. Synchronous, so a suite can decide
 * at load time whether it runs. Returns why it cannot be had, or undefined when it is there.
 */
export const ensureChromium = (path = CHROMIUM, uid = process.getuid?.()): string | undefined => {
  if (existsSync(path)) return undefined;
  if (uid !== 0) {
    return `Chromium is missing at ${path} and this run is not root, so it cannot install it: run \`sudo sh -c '${INSTALL}'\``;
  }
  process.stderr.write(`Chromium is missing at ${path}: installing it (${INSTALL})…\n`);
  const run = (args: string[]) =>
    spawnSync('apt-get', args, {
      encoding: 'utf8',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 600_000,
    });
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
  ]) {
    const result = run(args);
    if (result.status !== 0) {
      const why = result.error?.message ?? tail(result.stderr || result.stdout);
      return `Chromium is missing at ${path} and \`apt-get ${args.join(' ')}\` failed (${why})`;
    }
  }
  return existsSync(path) ? undefined : `apt-get installed chromium but ${path} is still missing`;
};

/**
 * The browser suite, with Chromium installed first when it is missing (see ensureChromium). It
 * is never skipped: when Chromium cannot be had, the suite fails with the reason and the command
 * that installs it.
 */
export const describeWithChromium = (title: string, suite: () => void): void => {
  const missing = ensureChromium();
  describe(
    title,
    missing
      ? () => {
          it("has Debian's Chromium to drive", () => {
            throw new Error(missing);
          });
        }
      : suite,
  );
};

/** Debian's Chromium, headless, on a fresh profile that is deleted on close. */
export const launchChromium = async (): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> => {
  const missing = ensureChromium();
  if (missing) throw new Error(missing);
  const profile = mkdtempSync(join(tmpdir(), 'crm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};
