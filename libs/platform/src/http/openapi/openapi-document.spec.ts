import Ajv2020 from 'ajv/dist/2020';
import type { OpenAPIObject } from '@nestjs/swagger';
import { finishOpenApiDocument } from './openapi-document';

type Json = Record<string, any>;

const aDocument = (overrides: Partial<OpenAPIObject> = {}): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/things/{id}': {
      post: {
        security: [{ bearer: [] }],
        parameters: [
          { in: 'path', name: 'id', required: true, schema: { type: 'string' } },
          { in: 'header', name: 'Idempotency-Key', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'ok' },
          '404': { description: 'mine' },
          '409': { description: 'Already shipped' },
        },
      },
    },
    '/things': {
      get: {
        security: [{ bearer: [] }],
        parameters: [
          { in: 'query', name: 'minPosition', required: false, schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/health/live': { get: { responses: { '200': { description: 'up' } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          rule: { type: 'object', nullable: true, allOf: [{ $ref: '#/components/schemas/Rule' }] },
          reason: { type: 'string', nullable: true, enum: ['a', 'b'] },
        },
      },
      Rule: { type: 'object', properties: { tags: { type: 'array' } } },
    },
  },
  ...overrides,
});

const compile = (document: Json, name: string) => {
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema({ ...document, $id: 'doc' });
  return ajv.compile({ $ref: `doc#/components/schemas/${name}` });
};

describe('finishOpenApiDocument', () => {
  const sut: Json = finishOpenApiDocument(aDocument(), '/');

  it('lets a nullable reference and a nullable enum be null (OpenAPI 3.1)', () => {
    const validate = compile(sut, 'Thing');
    expect(sut['openapi']).toBe('3.1.0');
    expect(validate({ rule: null, reason: null })).toBe(true);
    expect(validate({ rule: { tags: [] }, reason: 'a' })).toBe(true);
    expect(validate({ rule: 'x' })).toBe(false);
    expect(validate({ reason: 'c' })).toBe(false);
  });

  it('declares what the edge answers on every secured route, keeping the route’s own', () => {
    const responses = sut['paths']['/things/{id}']['post']['responses'] as Json;
    expect(Object.keys(responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '408',
      '409',
      '413',
      '414',
      '415',
      '422',
      '429',
      '431',
      '503',
    ]);
    expect(responses['404'].description).toBe('mine');
    // A command's own 409 still says the runner's: both can answer.
    expect(responses['409'].description).toMatch(
      /^Already shipped\. Also: .*CONCURRENT_MODIFICATION/,
    );
    expect(responses['429'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorBody',
    });
    expect(responses['503'].headers).toHaveProperty('Retry-After');
  });

  it('marks the probes public and path ids as UUIDs, and names a server and a licence', () => {
    expect(sut['paths']['/health/live']['get']['security']).toEqual([]);
    expect(Object.keys(sut['paths']['/health/live']['get']['responses'])).toEqual([
      '200',
      '408',
      '431',
    ]);
    expect(sut['paths']['/things/{id}']['post']['parameters'][0].schema).toEqual({
      type: 'string',
      format: 'uuid',
    });
    expect(sut['servers']).toHaveLength(1);
    expect(sut['info']['license']).toEqual({ name: 'MIT', identifier: 'MIT' });
  });

  it('declares a read’s X-Min-Position header next to its minPosition, and no command status', () => {
    const read = sut['paths']['/things']['get'] as Json;
    expect(read['parameters'].map((p: Json) => `${p.in} ${p.name}`)).toEqual([
      'query minPosition',
      'header X-Min-Position',
    ]);
    expect(read['parameters'][1].schema).toEqual({ type: 'string' });
    expect(Object.keys(read['responses'])).not.toContain('409');
    expect(Object.keys(read['responses'])).not.toContain('422');
  });
});
