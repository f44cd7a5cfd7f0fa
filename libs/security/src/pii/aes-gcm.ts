import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const POOL_BYTES = 4096;

let pool = Buffer.alloc(0);
let offset = 0;

/**
 * Fresh random bytes from the CSPRNG, drawn from a pool refilled 4 KiB at a time: one native
 * call per ~300 IVs instead of one each (Node's randomUUID pools the same way). Every byte is
 * handed out once.
 */
export const randomFromPool = (size: number): Buffer => {
  if (size > POOL_BYTES) return randomBytes(size);
  const bytes = Buffer.allocUnsafe(size);
  drawFromPool(bytes);
  return bytes;
};

/** Fills `target` (at most the pool's size) with bytes from the pool, each handed out once. */
const drawFromPool = (target: Buffer): void => {
  if (offset + target.length > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  pool.copy(target, 0, offset, offset + target.length);
  offset += target.length;
};

/**
 * AES-256-GCM: returns iv | tag | ciphertext. `context` is bound as additional data. The result
 * is one buffer written in place (the IV drawn from the pool straight into it).
 */
export const seal = (key: Buffer, plaintext: Buffer | string, context: string): Buffer => {
  const body = typeof plaintext === 'string' ? Buffer.from(plaintext) : plaintext;
  const out = Buffer.allocUnsafe(IV_BYTES + TAG_BYTES + body.length);
  const iv = out.subarray(0, IV_BYTES);
  drawFromPool(iv);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = cipher.update(body);
  const rest = cipher.final();
  ciphertext.copy(out, IV_BYTES + TAG_BYTES);
  rest.copy(out, IV_BYTES + TAG_BYTES + ciphertext.length);
  cipher.getAuthTag().copy(out, IV_BYTES);
  return out;
};

export const open = (key: Buffer, sealed: Buffer, context: string): Buffer => {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
};
