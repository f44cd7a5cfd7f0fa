import { RequestValidationError } from './error-body';
import { commandContextOf } from './request-context.decorator';
import type { AuthenticatedRequest } from './principal';

const requestWith = (headers: Record<string, string>, body: unknown = { name: 'Ada' }) =>
  ({
    id: 'req-1',
    principal: { keyId: 'key-1', role: 'service', name: 'svc' },
    headers,
    method: 'POST',
    url: '/customers?x=1',
    body,
  }) as AuthenticatedRequest;

describe('the command context of an HTTP request', () => {
  it('gives a keyless command a key of ours, new for every request, and says it is generated', () => {
    const first = commandContextOf(requestWith({}));
    const second = commandContextOf(requestWith({}));

    expect(first.idempotencyKey).toMatch(
      /^crm-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(first.idempotencyKeyGenerated).toBe(true);
    expect(first.requestFingerprint).toBeUndefined();
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it("keeps the caller's key and fingerprints method, path and body for reuse checks", () => {
    const context = commandContextOf(
      requestWith({ 'idempotency-key': 'order-42-attempt' }, { name: 'Ada', tags: ['vip'] }),
    );
    const sameBodyOtherOrder = commandContextOf(
      requestWith({ 'idempotency-key': 'order-42-attempt' }, { tags: ['vip'], name: 'Ada' }),
    );
    const otherBody = commandContextOf(
      requestWith({ 'idempotency-key': 'order-42-attempt' }, { name: 'Grace' }),
    );

    expect(context).toMatchObject({
      idempotencyKey: 'order-42-attempt',
      actor: { id: 'key-1', role: 'service' },
      correlationId: 'req-1',
    });
    expect(context.idempotencyKeyGenerated).toBeUndefined();
    expect(sameBodyOtherOrder.requestFingerprint).toBe(context.requestFingerprint);
    expect(otherBody.requestFingerprint).not.toBe(context.requestFingerprint);
  });

  it('refuses a malformed key with a 400 naming the header and rule', () => {
    let thrown: unknown;
    try {
      commandContextOf(requestWith({ 'idempotency-key': 'short' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestValidationError);
    expect((thrown as RequestValidationError).details).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', rule: 'matches' }),
    ]);
  });
});
