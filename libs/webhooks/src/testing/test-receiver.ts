import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '../delivery/webhook-signature';

export type ReceivedRequest = {
  path: string;
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  json: any;
  /** What the receiver did with it. */
  answer: Answer;
};

/** `ok`: 200; `fail`: 500; `hang`: never answers (the sender times out). */
export type Answer = 'ok' | 'fail' | 'hang';

export type TestReceiver = {
  url: (path?: string) => string;
  requests: ReceivedRequest[];
  /** Decides the answer of each request (the n-th one received, from 0, per path). */
  answerWith: (decide: (request: ReceivedRequest, n: number) => Answer) => void;
  /** Requests to `path` (all if omitted) whose answer was `ok`. */
  accepted: (path?: string) => ReceivedRequest[];
  verify: (request: ReceivedRequest, secret: string) => boolean;
  close: () => Promise<void>;
};

/** A real HTTP receiver on 127.0.0.1, on a free port, that records every request. */
export const startReceiver = async (): Promise<TestReceiver> => {
  const requests: ReceivedRequest[] = [];
  const perPath = new Map<string, number>();
  let decide: (request: ReceivedRequest, n: number) => Answer = () => 'ok';
  const hanging = new Set<ServerResponse>();

  const handle = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const path = req.url ?? '/';
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const request: ReceivedRequest = {
      path,
      id: header('webhook-id'),
      timestamp: header('webhook-timestamp'),
      signature: header('webhook-signature'),
      body,
      json: JSON.parse(body),
      answer: 'ok',
    };
    const n = perPath.get(path) ?? 0;
    perPath.set(path, n + 1);
    request.answer = decide(request, n);
    requests.push(request);
    if (request.answer === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    res.statusCode = request.answer === 'ok' ? 200 : 500;
    res.end();
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    requests,
    answerWith: (next) => {
      decide = next;
    },
    accepted: (path) => requests.filter((r) => r.answer === 'ok' && (!path || r.path === path)),
    verify: (request, secret) =>
      verifyWebhook({
        secret,
        body: request.body,
        timestamp: request.timestamp,
        signature: request.signature,
      }),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** Polls until `check` holds (bounded), then returns; fails with `what` otherwise. */
export const eventually = async (
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 8000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
};
