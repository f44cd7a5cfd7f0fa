import createClient from 'openapi-fetch';
import type { Client } from 'openapi-fetch';
import type { paths } from './openapi.generated';

export type { components, operations, paths } from './openapi.generated';
export type CrmClient = Client<paths>;

/**
 * A typed fetch client for crm-api, from the committed OpenAPI document: paths, parameters,
 * bodies and every answer's body are typed (`openapi-fetch` over `openapi-typescript`).
 */
export const createCrmClient = (
  baseUrl: string,
  apiKey: string,
  options: { fetch?: typeof fetch } = {},
): CrmClient =>
  createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
