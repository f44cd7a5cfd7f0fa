import type { RecordedEvent } from '@crm/eventsourcing';
import { documentProjection } from '@crm/eventsourcing';
import type { SatisfactionRated } from '@crm/service-desk';
import type { SatisfactionRatingDocument } from './satisfaction-rating.document';
import {
  SATISFACTION_RATINGS,
  SATISFACTION_RATINGS_PROJECTION,
} from './satisfaction-rating.document';

const SATISFACTION_RATED: SatisfactionRated['type'] = 'SatisfactionRated';

export const ratingId = (ticketId: string, resolutionNumber: number): string =>
  `${ticketId}:${resolutionNumber}`;

/** Pure: a rating event becomes its rating document; the event carries everything it is grouped by. */
export const evolveSatisfactionRating = (
  _current: SatisfactionRatingDocument | null,
  recorded: RecordedEvent,
): SatisfactionRatingDocument => {
  const { ticketId, resolutionNumber, customerId, score, agentId, category, channel, at } = (
    recorded as unknown as SatisfactionRated
  ).data;
  const ratedAt = new Date(at).toISOString();
  return {
    _id: ratingId(ticketId, resolutionNumber),
    ticketId,
    resolutionNumber,
    customerId,
    score,
    agentId,
    category,
    channel,
    ratedAt,
    month: ratedAt.slice(0, 7),
  };
};

export const satisfactionRatingsProjection = documentProjection<SatisfactionRatingDocument>({
  name: SATISFACTION_RATINGS_PROJECTION,
  collection: {
    name: SATISFACTION_RATINGS,
    indexes: [
      { field: 'ratedAt' },
      { field: 'agentId' },
      { field: 'category' },
      { field: 'channel' },
      { field: 'month' },
      { field: 'customerId' },
    ],
  },
  handles: [SATISFACTION_RATED],
  documentId: (event) =>
    typeof event.data.ticketId === 'string' && typeof event.data.resolutionNumber === 'number'
      ? ratingId(event.data.ticketId, event.data.resolutionNumber)
      : null,
  evolve: evolveSatisfactionRating,
});
