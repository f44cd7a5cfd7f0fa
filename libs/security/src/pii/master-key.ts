import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
 * the data can read the personal data).
 */
export const loadMasterKey = (configured: string | undefined, keyDir: string): MasterKeySource => {
  if (configured) return { key: parseMasterKey(configured), origin: 'env' };
  const path = join(keyDir, 'master.key');
  if (existsSync(path))
    return { key: parseMasterKey(readFileSync(path, 'utf8')), origin: 'file', path };
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, origin: 'generated', path };
};
