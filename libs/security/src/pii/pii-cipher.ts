import { createHmac } from 'node:crypto';
import { open, seal } from './aes-gcm';
import type { DataKey } from './data-key-store';
import type { PiiKind } from './pii-kinds';
import { ERASED_MARKER } from './pii-kinds';

/**
 * A protected value, as stored in events and read models:
 * `pii:v1:<kind>:<customerId>:<base64 of iv | tag | ciphertext of the JSON value>`.
 * It names the customer whose key opens it and what kind of data it is, so any read path can
 * reveal it (or show it erased) and mask it for analysts without knowing the document's shape.
 */
const PREFIX = 'pii:v1:';
const PROTECTED =
  /^pii:v1:(name|email|phone|address|text|index):([A-Za-z0-9-]{1,64}):([A-Za-z0-9+/=]+)$/;

export type ProtectedValue = { kind: PiiKind; customerId: string; sealed: Buffer };

export const isProtected = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(PREFIX);

export const parseProtected = (value: string): ProtectedValue | null => {
  const match = PROTECTED.exec(value);
  if (!match) return null;
  return {
    kind: match[1] as PiiKind,
    customerId: match[2] as string,
    sealed: Buffer.from(match[3] as string, 'base64'),
  };
};

const context = (kind: PiiKind, customerId: string): string => `pii:${kind}:${customerId}`;

export const protect = (key: Buffer, kind: PiiKind, customerId: string, value: unknown): string =>
  `${PREFIX}${kind}:${customerId}:${seal(key, JSON.stringify(value), context(kind, customerId)).toString('base64')}`;

/** What reads show for a sealed value that fails its integrity check (tampered, or a wrong key). */
export const UNREADABLE_MARKER = '[unreadable]';

/**
 * The plaintext value, the erased marker when the key is gone, or the unreadable marker when
 * the ciphertext does not authenticate: one damaged value must not fail a whole response.
 */
export const reveal = (parsed: ProtectedValue, key: DataKey): unknown => {
  if (key === null || key === 'destroyed') return ERASED_MARKER;
  try {
    const plaintext = open(key, parsed.sealed, context(parsed.kind, parsed.customerId));
    return JSON.parse(plaintext.toString('utf8')) as unknown;
  } catch {
    return UNREADABLE_MARKER;
  }
};

/**
 * Blind index: a keyed hash for exact look-ups (duplicate email) without storing plaintext.
 * Keyed by a key derived from the master key, so the hashes mean nothing without it.
 */
export class PiiHasher {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = createHmac('sha256', masterKey).update('blind-index:v1').digest();
  }

  hash(kind: PiiKind, value: string): string {
    return createHmac('sha256', this.key)
      .update(`${kind}:${value.trim().toLowerCase()}`)
      .digest('base64url');
  }
}
