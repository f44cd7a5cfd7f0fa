import type { OpenApiDocument } from './openapi-contract';
import { contract, createContractChecker, enforceRawContract } from './openapi-contract';

const json = 'application/json';
const error = { content: { [json]: { schema: { $ref: '#/components/schemas/Error' } } } };

const aDocument = (): OpenApiDocument =>
  ({
    openapi: '3.1.0',
    paths: {
      '/things/{id}': {
        get: {
          responses: {
            '200': {
              content: {
                [json]: {
                  schema: {
                    type: 'object',
                    required: ['id', 'count'],
                    properties: {
                      id: { type: 'string', format: 'uuid' },
                      count: { type: 'integer' },
                      note: { type: ['string', 'null'] },
                    },
                  },
                },
              },
            },
            '404': error,
          },
        },
        delete: { responses: { '204': { description: 'gone' } } },
      },
      '/things/special': { get: { responses: { '200': { content: { 'text/plain': {} } } } } },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['statusCode', 'message'],
          properties: { statusCode: { type: 'integer' }, message: { type: 'string' } },
        },
      },
    },
  }) as unknown as OpenApiDocument;

const id = '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
const answer = (status: number, body?: unknown, contentType: string | null = json) => ({
  status,
  contentType: body === undefined ? null : contentType,
  text: body === undefined ? '' : JSON.stringify(body),
});

describe('the OpenAPI contract checker (every e2e response goes through it)', () => {
  const sut = createContractChecker(aDocument());

  it('accepts a declared status whose body matches its schema', () => {
    expect(
      sut.check('GET', `/things/${id}?x=1`, answer(200, { id, count: 2, note: null })),
    ).toEqual([]);
    expect(sut.check('DELETE', `/things/${id}`, answer(204))).toEqual([]);
  });

  it('refuses a body that breaks the schema, naming the field', () => {
    expect(sut.check('GET', `/things/${id}`, answer(200, { id: 'nope', count: 1.5 }))).toEqual([
      `GET /things/${id} → 200: body/id must match format "uuid" {"format":"uuid"}`,
      `GET /things/${id} → 200: body/count must be integer {"type":"integer"}`,
    ]);
  });

  it('refuses a status the route does not declare, and a body where none is declared', () => {
    expect(
      sut.check('GET', `/things/${id}`, answer(500, { statusCode: 500, message: 'x' })),
    ).toEqual([
      `GET /things/${id} → 500: GET /things/{id} does not declare 500 (declares 200, 404)`,
    ]);
    expect(sut.check('DELETE', `/things/${id}`, answer(204, { id }))[0]).toContain(
      'declares no body',
    );
  });

  it('refuses another content type than the declared one', () => {
    expect(sut.check('GET', '/things/special', answer(200, 'hi', json))).toEqual([
      'GET /things/special → 200: content type application/json is not one of text/plain',
    ]);
  });

  it('prefers a literal segment over a parameter, and flags an undocumented route unless 404', () => {
    expect(sut.route('GET', '/things/special')).toBe('/things/special');
    expect(sut.check('GET', '/nowhere', answer(404, { statusCode: 404, message: 'x' }))).toEqual(
      [],
    );
    expect(sut.check('GET', '/nowhere', answer(200, {}))).toEqual([
      'GET /nowhere → 200: the route is not in openapi.json',
    ]);
  });

  it('checks the path a client sends: dot segments resolved, malformed escapes as they are', () => {
    expect(sut.check('GET', `/things/${id}/%2e%2e/special`, answer(200, 'hi', json))).toEqual([
      'GET /things/special → 200: content type application/json is not one of text/plain',
    ]);
    expect(sut.check('GET', '/things/%zz', answer(404, { statusCode: 404, message: 'x' }))).toEqual(
      [],
    );
  });

  it('checks a raw socket answer when the request has a request line, on the committed document', () => {
    const probe = 'GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n';
    const refused = { status: 431, headers: { 'content-type': json }, body: '{}' };
    expect(() => enforceRawContract(probe, refused)).toThrow(/body must have required property/);
    const unknown = { status: 418, headers: {}, body: '' };
    expect(() => enforceRawContract(probe, unknown)).toThrow(/does not declare 418/);
    expect(() => enforceRawContract('', unknown)).not.toThrow();
  });

  it('compiles the committed openapi.json', () => {
    expect(contract().route('GET', `/customers/${id}`)).toBe('/customers/{id}');
    expect(contract().route('GET', '/customers/duplicates')).toBe('/customers/duplicates');
  });
});
