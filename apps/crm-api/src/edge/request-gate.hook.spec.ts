import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { DocumentStoreUnavailableError } from '@crm/documents';
import type { Principal } from '@crm/platform';
import type { ApiKeyService } from '@crm/security';
import { registerRequestGate } from './request-gate.hook';

const SERVICE: Principal = { keyId: 'k-1', role: 'service', name: 'billing' };

/** A key service answering from a table, or failing as its store does when it is down. */
const keysThat = (authenticate: (token: string) => Promise<Principal | null>) =>
  ({ authenticate }) as unknown as ApiKeyService;

const appWith = async (apiKeys: ApiKeyService): Promise<FastifyInstance> => {
  const sut = Fastify();
  registerRequestGate(sut, apiKeys, { perKeyPerMinute: 100, perAddressPerMinute: 100 });
  sut.get('/health/live', () => ({ status: 'ok' }));
  sut.post('/customers', (request) => ({
    principal: (request as unknown as { principal?: Principal }).principal ?? null,
  }));
  await sut.ready();
  return sut;
};

describe('request gate', () => {
  it('leaves the authenticated principal on the request for the roles guard', async () => {
    const sut = await appWith(
      keysThat((token) => Promise.resolve(token === 'good' ? SERVICE : null)),
    );
    const response = await sut.inject({
      method: 'POST',
      url: '/customers',
      headers: { authorization: 'Bearer good' },
      payload: {},
    });
    expect(response.json()).toEqual({ principal: SERVICE });
    await sut.close();
  });

  it('answers 503 with Retry-After when the key store is down, in the error shape', async () => {
    const sut = await appWith(
      keysThat(() => Promise.reject(new DocumentStoreUnavailableError(new Error('locked')))),
    );
    const response = await sut.inject({
      method: 'POST',
      url: '/customers',
      headers: { authorization: 'Bearer good' },
      payload: {},
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    await sut.close();
  });

  it('answers 500 in the error shape, without details, for an unexpected failure', async () => {
    const sut = await appWith(keysThat(() => Promise.reject(new Error('secret internals'))));
    const response = await sut.inject({
      method: 'GET',
      url: '/customers',
      headers: { authorization: 'Bearer good' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'internal error',
    });
    await sut.close();
  });

  it('lets probes through without looking at keys', async () => {
    const sut = await appWith(keysThat(() => Promise.reject(new Error('never asked'))));
    const response = await sut.inject({
      method: 'GET',
      url: '/health/live',
      headers: { authorization: 'Bearer whatever' },
    });
    expect(response.statusCode).toBe(200);
    await sut.close();
  });
});
