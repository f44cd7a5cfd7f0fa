import { planReport } from './satisfaction-report.plan';

describe('reading a satisfaction time range from buckets', () => {
  it('reads all-time buckets when the range is open at both ends', () =>
    expect(planReport(undefined, undefined)).toEqual({ kind: 'total' }));

  it('reads whole months, the whole days around them and the ratings of partial days', () =>
    expect(planReport('2024-03-10T08:30:00.000Z', '2024-06-15T12:00:00.000Z')).toEqual({
      kind: 'parts',
      months: [{ from: '2024-04', to: '2024-06' }],
      days: [
        { from: '2024-03-11', to: '2024-04-01' },
        { from: '2024-06-01', to: '2024-06-15' },
      ],
      ratings: [
        { from: '2024-03-10T08:30:00.000Z', to: '2024-03-11T00:00:00.000Z' },
        { from: '2024-06-15T00:00:00.000Z', to: '2024-06-15T12:00:00.000Z' },
      ],
    }));

  it('needs no ratings and no days when both bounds are month starts', () =>
    expect(planReport('2024-01-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z')).toEqual({
      kind: 'parts',
      months: [{ from: '2024-01', to: '2024-03' }],
      days: [],
      ratings: [],
    }));

  it('leaves a missing bound open', () => {
    expect(planReport(undefined, '2024-03-01T00:00:00.000Z')).toEqual({
      kind: 'parts',
      months: [{ from: undefined, to: '2024-03' }],
      days: [],
      ratings: [],
    });
    expect(planReport('2024-12-31T00:00:00.000Z', undefined)).toEqual({
      kind: 'parts',
      months: [{ from: '2025-01', to: undefined }],
      days: [{ from: '2024-12-31', to: '2025-01-01' }],
      ratings: [],
    });
  });

  it('reads days only within one month, and ratings only within one day', () => {
    expect(planReport('2024-02-27T00:00:00.000Z', '2024-02-29T06:00:00.000Z')).toEqual({
      kind: 'parts',
      months: [],
      days: [{ from: '2024-02-27', to: '2024-02-29' }],
      ratings: [{ from: '2024-02-29T00:00:00.000Z', to: '2024-02-29T06:00:00.000Z' }],
    });
    expect(planReport('2024-02-29T01:00:00.000Z', '2024-03-01T06:00:00.000Z')).toEqual({
      kind: 'parts',
      months: [],
      days: [],
      ratings: [{ from: '2024-02-29T01:00:00.000Z', to: '2024-03-01T06:00:00.000Z' }],
    });
  });

  it('compares bounds past year 9999 as strings do: before every rating', () => {
    expect(planReport('+010000-01-01T00:00:00.000Z', undefined)).toEqual({ kind: 'total' });
    expect(planReport(undefined, '+010000-01-01T00:00:00.000Z')).toEqual({ kind: 'none' });
  });
});
