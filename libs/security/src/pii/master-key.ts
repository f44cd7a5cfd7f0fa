import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

export type MasterKeySource = { key: Buffer; origin: 'env' | 'file' | 'generated'; path?: string };

export const parseMasterKey = (text: string): Buffer => {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('master key must be 32 bytes (64 hex digits or base64)');
  return key;
};

/**
 * The key that wraps every customer's data key: CRM_MASTER_KEY, else `master.key` in the key
 * vault folder, created on first start (the caller warns loudly: whoever copies that file and
 * the data can read the personal data). Processes sharing the folder may start at once: the
 * key is written whole to a private file first and then linked into place, which only one of
 * them can do; the others read the winner's key.
 */
export const loadMasterKey = (configured: string | undefined, keyDir: string): MasterKeySource => {
  if (configured) return { key: parseMasterKey(configured), origin: 'env' };
  const path = join(keyDir, 'master.key');
  if (existsSync(path))
    return { key: parseMasterKey(readFileSync(path, 'utf8')), origin: 'file', path };
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(draft, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: parseMasterKey(readFileSync(path, 'utf8')), origin: 'file', path };
  } finally {
    unlinkSync(draft);
  }
  return { key, origin: 'generated', path };
};
