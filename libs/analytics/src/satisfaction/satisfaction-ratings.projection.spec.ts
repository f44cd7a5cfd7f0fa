import type { RecordedEvent } from '@crm/eventsourcing';
import {
  evolveSatisfactionRating,
  satisfactionRatingsProjection,
} from './satisfaction-ratings.projection';
import { addTallies, emptyTally, toFigures } from './satisfaction-stats';

const rated = (overrides: Record<string, unknown> = {}): RecordedEvent => ({
  streamId: 'ticket-t1',
  revision: 3,
  position: 42,
  type: 'SatisfactionRated',
  data: {
    ticketId: 't1',
    customerId: 'c1',
    at: '2025-01-31T23:59:59.999Z',
    resolutionNumber: 2,
    score: 4,
    comment: 'kind words with personal data',
    agentId: 'agent-1',
    category: 'billing',
    channel: 'chat',
    ...overrides,
  },
  metadata: {
    eventId: 'e',
    commandId: 'c',
    correlationId: 'k',
    causationId: 'c',
    actor: { id: 'a', role: 'service' },
    occurredAt: '2025-02-01T00:00:00.000Z',
    schemaVersion: 1,
  },
  recordedAt: '2025-02-01T00:00:00.000Z',
});

describe('satisfaction ratings read model', () => {
  it('keeps one document per rated resolution, grouped by the UTC month of the rating, without the comment', () =>
    expect(evolveSatisfactionRating(null, rated())).toEqual({
      _id: 't1:2',
      ticketId: 't1',
      resolutionNumber: 2,
      customerId: 'c1',
      score: 4,
      agentId: 'agent-1',
      category: 'billing',
      channel: 'chat',
      ratedAt: '2025-01-31T23:59:59.999Z',
      month: '2025-01',
    }));

  it('normalises a rating time with an offset to UTC before taking its month', () =>
    expect(evolveSatisfactionRating(null, rated({ at: '2025-02-01T00:30:00+01:00' })).month).toBe(
      '2025-01',
    ));

  it('keys documents by ticket and resolution so a re-rating after reopen is a new document', () => {
    const first = evolveSatisfactionRating(null, rated({ resolutionNumber: 1 }));
    const second = evolveSatisfactionRating(null, rated({ resolutionNumber: 2 }));
    expect([first._id, second._id]).toEqual(['t1:1', 't1:2']);
  });

  it('handles only rating events', () =>
    expect(satisfactionRatingsProjection.handles).toEqual(['SatisfactionRated']));
});

describe('satisfaction figures', () => {
  it('averages Σ score / n and counts 4 and 5 as satisfied', () => {
    const tally = [5, 4, 1, 4].reduce(
      (total, score) =>
        addTallies(total, { n: 1, sum: score, counts: { ...emptyTally().counts, [score]: 1 } }),
      emptyTally(),
    );
    expect(toFigures(tally)).toEqual({
      n: 4,
      average: 3.5,
      csatPercent: 75,
      distribution: { 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 },
    });
  });

  it('has no average and no CSAT without ratings', () =>
    expect(toFigures(emptyTally())).toEqual({
      n: 0,
      average: null,
      csatPercent: null,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    }));
});
