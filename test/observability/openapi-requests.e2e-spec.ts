import fc from 'fast-check';
import { requestsOf } from '../support/openapi-arbitraries';
import { contract } from '../support/openapi-contract';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

const SEED = Number(process.env.OPENAPI_REQUESTS_SEED ?? 20);

/** Rules between fields, which JSON Schema cannot state; each says so in its 400's details. */
const CROSS_FIELD_RULES = new Set([
  'isAfterField', // endsAt after startsAt
  'isAfterFrom', // to after from
  'isNotBeforeFrom', // a forecast's last day not before its first
  'isNotBelowField', // a range's max not below its min
  'maxTotal', // Σ quantity × unitPrice within the money limit
  'isPipelineStages', // one won and one lost stage, an open one, stage ids unique
  'customerIdOrOpportunityId', // an activity names a customer, an opportunity, or both
  'maxDaysAfterField', // a back-test's holdout at most so many days after its calibration
  // Against the server's clock: a model as of a day nobody has seen the end of yet.
  'isNotAfterToday',
]);
const explained = (body: unknown): boolean => {
  const details = (body as { details?: { rule: string }[] } | undefined)?.details ?? [];
  return details.length > 0 && details.every((d) => CROSS_FIELD_RULES.has(d.rule));
};
const RUNS = 8;

/**
 * Requests the document allows must not be refused as invalid: whatever the schemas accept,
 * the server accepts (it may still answer 404 for an unknown id, or 409 for a refused command)
 * and never answers 5xx. `cursor` is left out (opaque: only a previous page's is valid) and
 * `minPosition` and `X-Min-Position` too (a future position waits, then 503, by design).
 */
describe(`schema-valid requests per operation (fast-check, seed ${SEED})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t?.close());

  const { document } = contract();
  const operations = Object.entries(document.paths).flatMap(([template, item]) =>
    // The probes take no input; /imports takes CSV or JSON lines, not a JSON body.
    template === '/imports' || /^\/(health|metrics)/.test(template)
      ? []
      : Object.keys(item).map((method) => [method.toUpperCase(), template] as const),
  );

  it.each(operations)('%s %s accepts what its schemas allow', async (method, template) => {
    const requests = fc.sample(
      requestsOf(document, method.toLowerCase(), template, {
        skip: ['cursor', 'minPosition', 'X-Min-Position'],
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const refused: string[] = [];
    for (const request of requests) {
      const answer = await t.request(request.method, request.path, {
        body: request.body,
        headers: request.headers,
      });
      if ((answer.status === 400 && !explained(answer.body)) || answer.status >= 500) {
        refused.push(
          `${request.method} ${request.path} ${JSON.stringify(request.body)} → ${answer.status} ${JSON.stringify(answer.body)}`,
        );
      }
    }
    expect(refused).toEqual([]);
  });
});
