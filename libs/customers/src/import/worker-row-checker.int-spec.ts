import { PiiHasher } from '@crm/security/pii';
import { randomBytes } from 'node:crypto';
import { InProcessRowChecker } from './customer-row-check';
import { WorkerRowChecker } from './worker-row-checker';

const ACTOR = { id: 'checker-test', role: 'admin' };

const rows: Record<string, unknown>[] = [
  { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+441234567890', tags: ['vip'] },
  {
    name: 'Grace Hopper',
    email: 'grace@example.com',
    address: { street: '1 Navy Way', city: 'Arlington', country: 'US' },
  },
  { name: 'No Email' },
  { name: 'Bad Email', email: 'not-an-email' },
  { name: 'Extra', email: 'extra@example.com', shoeSize: 9 },
  { name: 'Bad Address', email: 'addr@example.com', address: { street: 'x' } },
];

describe('WorkerRowChecker', () => {
  const masterKey = randomBytes(32);

  it('gives the checks of this thread: commands, blind indexes, ids and rejections', async () => {
    const sut = WorkerRowChecker.start(masterKey);
    try {
      const expected = await new InProcessRowChecker(new PiiHasher(masterKey)).check(rows, ACTOR);
      const [first, second] = await Promise.all([
        sut.check(rows, ACTOR),
        sut.check(rows.slice(0, 2), ACTOR),
      ]);
      expect(first).toEqual(expected);
      expect(second).toEqual(expected.slice(0, 2));
      expect(expected.filter((check) => 'rule' in check)).toHaveLength(4);
    } finally {
      await sut.close();
    }
  });

  it('refuses work once closed', async () => {
    const sut = WorkerRowChecker.start(masterKey);
    await sut.close();
    await expect(sut.check(rows, ACTOR)).rejects.toThrow(/closed/);
  });
});
