import { request as httpRequest } from 'node:http';
import type { Role } from '@crm/platform';
import { contract } from '../../support/openapi-contract';
import { eventsAfter, headPosition } from './event-log';
import type { FuzzRequest } from './fuzz-requests';

export type Outcome = {
  request: FuzzRequest;
  status: number;
  body: unknown;
  headers: Headers | null;
  ms: number;
  failure?: string;
};

export type Violation = { rule: string; outcome: Outcome };

/** Runs `work` over `items` with at most `concurrency` in flight, keeping the input order. */
export const inPool = async <T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
};

const parse = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text; // not JSON: the shape check reports it
  }
};

const describeCause = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : (error as Error).message;
};

const failed = (
  request: FuzzRequest,
  started: number,
  error: unknown,
  timeoutMs: number,
): Outcome => {
  const name = (error as Error).name;
  return {
    request,
    status: 0,
    body: undefined,
    headers: null,
    ms: performance.now() - started,
    failure:
      name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms (hang)`
        : `connection failed: ${describeCause(error)}`,
  };
};

/**
 * Over-long request lines go on a connection of their own: Node refuses them (431) and drops
 * the socket, which would otherwise take the pool's next request down with it (see the
 * keep-alive test in fuzz.e2e-spec.ts).
 */
const sendAlone = (
  baseUrl: string,
  request: FuzzRequest,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Omit<Outcome, 'request' | 'ms'>> =>
  new Promise((resolve, reject) => {
    const outgoing = httpRequest(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: { ...headers, connection: 'close' },
      agent: false,
      timeout: timeoutMs,
    });
    outgoing.on('timeout', () =>
      outgoing.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })),
    );
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const responseHeaders = new Headers();
        for (const [key, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') responseHeaders.set(key, value);
        }
        resolve({
          status: response.statusCode ?? 0,
          body: parse(Buffer.concat(chunks).toString()),
          headers: responseHeaders,
        });
      });
    });
    outgoing.end(request.body);
  });

export const send = async (
  baseUrl: string,
  keys: Record<Role, string>,
  request: FuzzRequest,
  timeoutMs: number,
): Promise<Outcome> => {
  const headers = { ...request.headers };
  if (request.as) headers.authorization = `Bearer ${keys[request.as]}`;
  const started = performance.now();
  try {
    if (request.url.length > 8_000) {
      const answer = await sendAlone(baseUrl, request, headers, timeoutMs);
      return { request, ...answer, ms: performance.now() - started };
    }
    const response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers,
      body: request.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = parse(await response.text());
    return {
      request,
      status: response.status,
      body,
      headers: response.headers,
      ms: performance.now() - started,
    };
  } catch (error) {
    return failed(request, started, error, timeoutMs);
  }
};

const isErrorShape = (body: unknown, status: number): boolean => {
  if (body === null || typeof body !== 'object') return false;
  const { statusCode, error, message } = body as Record<string, unknown>;
  return (
    statusCode === status &&
    typeof error === 'string' &&
    error !== '' &&
    typeof message === 'string'
  );
};

/** What must hold for every answer to hostile input. */
export const violationsOf = (outcome: Outcome, bodyLimit: number): string[] => {
  if (outcome.failure) return [outcome.failure];
  const { status, request, headers } = outcome;
  const problems: string[] = [];
  const waited = status === 503 && request.waitsForPosition && headers?.get('retry-after');
  if (status >= 500 && !waited) problems.push(`answered ${status}`);
  if (status < 200 || (status >= 300 && status < 400)) problems.push(`answered ${status}`);
  if (status >= 400 && !isErrorShape(outcome.body, status)) {
    problems.push(`${status} without the error shape { statusCode, error, message }`);
  }
  const text = typeof outcome.body === 'string' ? outcome.body : JSON.stringify(outcome.body ?? '');
  problems.push(
    ...contract().check(request.method, request.url, {
      status,
      contentType: headers?.get('content-type') ?? null,
      text: outcome.body === undefined ? '' : text,
    }),
  );
  const refusedEarlier = status === 414 || status === 431;
  if (
    ['POST', 'PATCH', 'PUT'].includes(request.method) &&
    request.bodyBytes > bodyLimit &&
    status !== 413 &&
    !refusedEarlier
  ) {
    problems.push(`body over the limit answered ${status}, not 413`);
  }
  return problems;
};

/**
 * Rejected requests leave the log alone: every event appended while a batch ran carries the
 * correlation id of a request that was answered 2xx, and every 2xx write is in the log.
 */
export const logViolations = (
  dataDir: string,
  before: number,
  outcomes: Outcome[],
): Violation[] => {
  // Fuzzed X-Correlation-Id values can repeat within a batch: attribute to any request using it.
  const byCorrelation = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const id = outcome.headers?.get('x-correlation-id');
    if (id) byCorrelation.set(id, [...(byCorrelation.get(id) ?? []), outcome]);
  }
  const ok = (outcome: Outcome) => outcome.status >= 200 && outcome.status < 300;
  const appended = eventsAfter(dataDir, before);
  const violations: Violation[] = [];
  for (const event of appended) {
    const origins = byCorrelation.get(String(event.metadata.correlationId)) ?? [];
    if (!origins.some(ok)) {
      violations.push({
        rule: `${event.type} appended by a request answered ${origins.map((o) => o.status).join('/') || 'never'}`,
        outcome: origins[0] ?? outcomes[0]!,
      });
    }
  }
  const head = appended.at(-1)?.position ?? before;
  for (const outcome of outcomes) {
    const position = (outcome.body as { position?: unknown } | undefined)?.position;
    if (!ok(outcome) || typeof position !== 'number') continue;
    const correlationId = outcome.headers?.get('x-correlation-id') ?? '';
    const shared = (byCorrelation.get(correlationId) ?? []).filter(ok).length > 1;
    const own = appended.filter((e) => e.metadata.correlationId === correlationId);
    // A write that appended events answers the position of its last one; a no-op (tag it
    // already has, forget twice) appends nothing and answers a position already in the log.
    const expected = own.length > 0 && !shared ? own.at(-1)?.position : undefined;
    if (expected !== undefined ? position !== expected : position > head) {
      violations.push({
        rule: `answered position ${position}, but its own events are at ${own.map((e) => e.position).join(', ') || 'none'}`,
        outcome,
      });
    }
  }
  return violations;
};

/** Runs requests in batches, checking each answer and the log after each batch. */
export const runFuzz = async (options: {
  baseUrl: string;
  dataDir: string;
  keys: Record<Role, string>;
  requests: FuzzRequest[];
  bodyLimit: number;
  batchSize?: number;
  concurrency?: number;
  timeoutMs?: number;
}): Promise<{ violations: Violation[]; statuses: Map<number, number> }> => {
  const { baseUrl, dataDir, keys, requests, bodyLimit } = options;
  const batchSize = options.batchSize ?? 200;
  const violations: Violation[] = [];
  const statuses = new Map<number, number>();
  for (let start = 0; start < requests.length; start += batchSize) {
    const batch = requests.slice(start, start + batchSize);
    const before = headPosition(dataDir);
    const outcomes = await inPool(batch, options.concurrency ?? 8, (request) =>
      send(baseUrl, keys, request, options.timeoutMs ?? 10_000),
    );
    if (process.env.FUZZ_SLOW) {
      for (const o of outcomes)
        if (o.ms > 200 || o.status === 0 || o.status >= 413)
          console.log(
            Math.round(o.ms),
            o.status,
            o.request.route,
            o.request.bodyBytes,
            o.request.url.length,
            o.request.notes.slice(0, 150),
          );
    }
    for (const outcome of outcomes) {
      statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
      for (const rule of violationsOf(outcome, bodyLimit)) violations.push({ rule, outcome });
    }
    violations.push(...logViolations(dataDir, before, outcomes));
  }
  return { violations, statuses };
};

/** One line per distinct (route, rule), with the first request that showed it. */
export const summarize = (violations: Violation[], seed: number): string => {
  const groups = new Map<string, { count: number; example: Outcome }>();
  for (const { rule, outcome } of violations) {
    const key = `${outcome.request.route}: ${rule}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, example: outcome });
  }
  const lines = [...groups.entries()].slice(0, 40).map(([key, { count, example }]) => {
    const body = JSON.stringify(example.body) ?? '';
    return `  ${key} (×${count})\n    e.g. [${example.request.category}] ${example.request.method} ${example.request.url.slice(0, 120)} as ${example.request.as ?? 'nobody'}: ${example.request.notes.slice(0, 200)}\n    → ${example.status} ${body.slice(0, 200)}`;
  });
  return `${violations.length} violations in ${groups.size} groups (FUZZ_SEED=${seed}):\n${lines.join('\n')}`;
};
