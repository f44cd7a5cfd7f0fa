import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestReceiver } from '../testing/test-receiver';
import { startReceiver } from '../testing/test-receiver';
import type { Resolve } from './webhook-target';
import { TARGET_REFUSED, WebhookTargetPolicy } from './webhook-target';
import { NOT_DELIVERED, httpTransport } from './webhook-transport';

const aRequest = (url: string) => ({ url, secret: 'whsec_test', eventId: 'e-1', body: '{}' });

/** A port nothing listens on: a server's, after it closed. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
};

describe('httpTransport', () => {
  let receiver: TestReceiver;
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(() => receiver.close());

  it('connects to the address that was checked, without resolving the name again', async () => {
    const lookups: string[] = [];
    // The name exists only in this resolver: a second resolution by the system would fail.
    const resolve: Resolve = async (hostname) => {
      lookups.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const port = new URL(receiver.url()).port;
    const sut = httpTransport(new WebhookTargetPolicy({ allowLoopback: true, resolve }));

    const outcome = await sut(aRequest(`http://hooks.crm-test.invalid:${port}/pinned`), {
      timeoutMs: 2000,
    });

    expect(outcome).toEqual({ ok: true, status: 200 });
    expect(lookups).toEqual(['hooks.crm-test.invalid']);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/pinned']);
  });

  it('refuses a name that resolves to a refused address, and never connects', async () => {
    const resolve: Resolve = async () => [{ address: '10.0.0.1', family: 4 }];
    const sut = httpTransport(new WebhookTargetPolicy({ resolve }));

    expect(await sut(aRequest('http://rebind.crm-test.invalid/'), { timeoutMs: 2000 })).toEqual({
      ok: false,
      error: TARGET_REFUSED,
    });
  });

  it('refuses loopback unless configured', async () => {
    const sut = httpTransport(new WebhookTargetPolicy());

    expect(await sut(aRequest(receiver.url('/a')), { timeoutMs: 2000 })).toEqual({
      ok: false,
      error: TARGET_REFUSED,
    });
    expect(receiver.requests).toEqual([]);
  });

  it('reports a refused connection, an HTTP error and a timeout alike', async () => {
    const sut = httpTransport(new WebhookTargetPolicy({ allowLoopback: true }));
    receiver.answerWith((request) => (request.path === '/fail' ? 'fail' : 'hang'));

    const outcomes = [
      await sut(aRequest(`http://127.0.0.1:${await closedPort()}/`), { timeoutMs: 2000 }),
      await sut(aRequest(receiver.url('/fail')), { timeoutMs: 2000 }),
      await sut(aRequest(receiver.url('/hang')), { timeoutMs: 100 }),
    ];

    expect(outcomes).toEqual([
      { ok: false, error: NOT_DELIVERED },
      { ok: false, error: NOT_DELIVERED },
      { ok: false, error: NOT_DELIVERED },
    ]);
  });
});
