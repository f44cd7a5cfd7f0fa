import { v4 as uuidv4, v5 as referenceV5 } from 'uuid';
import { uuidV5 } from './uuid-v5';

describe('uuidV5', () => {
  it('derives exactly the ids the uuid package derives, so stored idempotent ids still match', () => {
    const names = [
      '',
      'import:abc',
      'key-1:CreateCustomer:customer-1:retry-7',
      'naïve café ☕ 𝄞 顧客',
      'x'.repeat(1000),
      ...Array.from({ length: 200 }, (_, i) => `${uuidv4()}:${i}`),
    ];
    for (const name of names) {
      const namespace = uuidv4();
      expect(uuidV5(name, namespace)).toBe(referenceV5(name, namespace));
      expect(uuidV5(name, namespace.toUpperCase())).toBe(referenceV5(name, namespace));
    }
  });
});
