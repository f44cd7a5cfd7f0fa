import { randomBytes } from 'node:crypto';
import { open, randomFromPool, seal } from './aes-gcm';

describe('AES-256-GCM sealing', () => {
  it('opens what it sealed, and never reuses an IV across many seals', () => {
    const key = randomBytes(32);
    const sealed = Array.from({ length: 2000 }, (_, i) => seal(key, Buffer.from(`v${i}`), 'ctx'));
    expect(new Set(sealed.map((s) => s.subarray(0, 12).toString('hex'))).size).toBe(2000);
    expect(open(key, sealed[1999] as Buffer, 'ctx').toString()).toBe('v1999');
  });

  it('seals a string as its UTF-8 bytes, the same as the buffer of it', () => {
    const key = randomBytes(32);
    const sealed = seal(key, 'Zoë ✓', 'ctx');
    expect(sealed).toHaveLength(12 + 16 + Buffer.byteLength('Zoë ✓'));
    expect(open(key, sealed, 'ctx').toString('utf8')).toBe('Zoë ✓');
  });

  it('refuses a value opened under another context', () => {
    const key = randomBytes(32);
    expect(() => open(key, seal(key, Buffer.from('x'), 'a'), 'b')).toThrow();
  });

  it('hands out pooled random bytes once each, as independent copies', () => {
    const a = randomFromPool(32);
    const b = randomFromPool(32);
    expect(a.equals(b)).toBe(false);
    a.fill(0);
    expect(b.some((byte) => byte !== 0)).toBe(true);
    expect(randomFromPool(10_000)).toHaveLength(10_000);
  });
});
