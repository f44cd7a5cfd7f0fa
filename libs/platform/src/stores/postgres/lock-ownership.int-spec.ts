import { describeWithPostgres, uniqueSchemaName } from '../../../../../test/support/postgres';
import { AdvisoryLocks } from './advisory-locks';
import { lockedEndpoints, lockedProjections } from './lock-ownership';

describeWithPostgres('projection ownership and endpoint claims on advisory locks', (url) => {
  const opened: AdvisoryLocks[] = [];
  const locks = async (schema: string): Promise<AdvisoryLocks> => {
    const sut = new AdvisoryLocks({ connectionString: url, schema, pollIntervalMs: 50 });
    opened.push(sut);
    await sut.start();
    return sut;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((l) => l.close()));
  });

  it('gives each projection to one process and tells the other when it takes them over', async () => {
    const schema = uniqueSchemaName('owners');
    const [first, second] = [await locks(schema), await locks(schema)];
    const here = await lockedProjections(first, ['profiles', 'tickets']);
    const there = await lockedProjections(second, ['profiles', 'tickets']);
    let told = 0;
    there.onChange(() => (told += 1));

    expect([here.owns('profiles'), here.owns('tickets')]).toEqual([true, true]);
    expect([there.owns('profiles'), there.owns('tickets')]).toEqual([false, false]);

    await first.close();
    const deadline = Date.now() + 10_000;
    while (!(there.owns('profiles') && there.owns('tickets')) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect([there.owns('profiles'), there.owns('tickets')]).toEqual([true, true]);
    expect(told).toBe(2);
  });

  it('claims endpoints apart from projections, and a released claim goes to the other', async () => {
    const schema = uniqueSchemaName('owners');
    const [first, second] = [await locks(schema), await locks(schema)];
    const projections = await lockedProjections(second, ['ep-1']);
    const here = lockedEndpoints(first);
    const there = lockedEndpoints(second);
    let told = 0;
    projections.onChange(() => (told += 1));

    expect(await here.claim('ep-1')).toBe(true); // a projection of the same name is no conflict
    expect(await there.claim('ep-1')).toBe(false);
    await here.release('ep-1');
    const deadline = Date.now() + 10_000;
    while (!there.holds('ep-1') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));

    expect(there.holds('ep-1')).toBe(true);
    expect(told).toBe(0); // endpoint locks are not projection news
  });
});
