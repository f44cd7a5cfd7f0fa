import {
  AppendOutcomeUnknownError,
  AppendTooLargeError,
  StoreUnavailableError,
} from '@crm/eventsourcing';
import { mapError } from './all-exceptions.filter';

describe('mapError', () => {
  it('answers an append of unknown outcome with 503, its code and the key that retries it safely', () => {
    const mapped = mapError(new AppendOutcomeUnknownError(new Error('deadline'), 'crm-abc-123'));
    expect(mapped).toMatchObject({
      status: 503,
      code: 'APPEND_OUTCOME_UNKNOWN',
      retryAfter: 1,
      idempotencyKey: 'crm-abc-123',
    });
    expect(mapped?.message).toMatch(/may have been recorded/);
    expect(mapped?.message).toMatch(/Idempotency-Key: crm-abc-123/);
  });

  it('keeps "retry shortly" for a store that wrote nothing', () => {
    const mapped = mapError(new StoreUnavailableError('event-store', new Error('refused')));
    expect(mapped).toMatchObject({ status: 503, retryAfter: 5 });
    expect(mapped?.code).toBeUndefined();
  });

  it('answers an append the store refused as too large with 422 and APPEND_TOO_LARGE, not 500', () => {
    const mapped = mapError(new AppendTooLargeError('campaign-1', 1_048_576, new Error('big')));
    expect(mapped).toMatchObject({ status: 422, code: 'APPEND_TOO_LARGE' });
    expect(mapped?.message).toMatch(/campaign-1.*too large.*1048576 bytes/);
  });
});
