import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Every response the e2e suites receive through the test app is checked here against the
 * committed openapi.json: the route and status are declared, the content type is the declared
 * one and the body matches its schema. A route or a status that drifts from the document fails
 * the test that saw it. OPENAPI_CONTRACT=report lists problems in a file instead of failing
 * (OPENAPI_CONTRACT_REPORT, default test/artifacts/openapi-contract.txt), for a whole-suite survey.
 */

type MediaType = { schema?: unknown };
type Response = { content?: Record<string, MediaType> };
type Operation = { responses: Record<string, Response> };
export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

export const OPENAPI_PATH = join(__dirname, '..', '..', 'openapi.json');

/** Served beside the API and outside the contract: the dashboard, its assets and the docs UI. */
const OUTSIDE_THE_API = /^\/($|index\.html$|assets\/|docs($|\/|-json$)|favicon)/;

type Route = { template: string; pattern: RegExp; literal: number };

export type ContractChecker = {
  document: OpenApiDocument;
  /** The problems with one response; empty when it keeps the contract. */
  check(
    method: string,
    url: string,
    response: { status: number; contentType: string | null; text: string },
  ): string[];
  /** The operation a request goes to, as its path template, or undefined. */
  route(method: string, url: string): string | undefined;
};

const routesOf = (document: OpenApiDocument): Route[] =>
  Object.keys(document.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/\{[^}]+\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[^/]+')}$`,
      ),
      literal: template.replace(/\{[^}]+\}/g, '').length,
    }))
    // A literal segment wins over a parameter (/customers/duplicates before /customers/{id}).
    .sort((a, b) => b.literal - a.literal);

export const createContractChecker = (document: OpenApiDocument): ContractChecker => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'openapi.json' });
  const routes = routesOf(document);
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (pointer: string): ValidateFunction => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `openapi.json#${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };
  const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

  const route = (method: string, url: string): string | undefined => {
    const raw = url.split('?')[0] ?? '';
    let path = raw;
    try {
      path = decodeURI(raw);
    } catch {
      // a malformed escape: matched as sent (the server answers 400 or 404)
    }
    return routes.find(
      (r) => r.pattern.test(path) && document.paths[r.template]?.[method.toLowerCase()],
    )?.template;
  };

  const check: ContractChecker['check'] = (method, url, response) => {
    // As a client sends it: `/campaigns/%2e%2e` goes out as `/`.
    const { pathname: path, search } = new URL(url, 'http://contract.invalid');
    url = `${path}${search}`;
    const m = method.toLowerCase();
    const where = `${method.toUpperCase()} ${path} → ${response.status}`;
    if (OUTSIDE_THE_API.test(path)) return [];
    const template = route(method, url);
    if (!template) {
      // No such route: the server's 404 (or 405) in the one error shape is all it may say.
      if (response.status === 404 || response.status === 405) return [];
      return [`${where}: the route is not in openapi.json`];
    }
    const operation = document.paths[template]?.[m] as Operation;
    const status = String(response.status);
    const declared =
      operation.responses[status] ??
      operation.responses[`${status[0]}XX`] ??
      operation.responses['default'];
    if (!declared) {
      return [
        `${where}: ${method.toUpperCase()} ${template} does not declare ${status} (declares ${Object.keys(operation.responses).join(', ')})`,
      ];
    }
    const statusKey = operation.responses[status] ? status : `${status[0]}XX`;
    const media = declared.content ?? {};
    const mediaTypes = Object.keys(media);
    if (mediaTypes.length === 0) {
      return response.text === ''
        ? []
        : [`${where}: declares no body but got ${response.text.slice(0, 200)}`];
    }
    const contentType = (response.contentType ?? '').split(';')[0]?.trim() ?? '';
    const mediaType = mediaTypes.find((type) => type === contentType || type === '*/*');
    if (!mediaType) {
      return [
        `${where}: content type ${contentType || '(none)'} is not one of ${mediaTypes.join(', ')}`,
      ];
    }
    if (mediaType !== 'application/json' || !media[mediaType]?.schema) return [];
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      return [`${where}: the body is not JSON: ${response.text.slice(0, 200)}`];
    }
    const validate = validatorFor(
      `/paths/${escape(template)}/${m}/responses/${statusKey}/content/${escape(mediaType)}/schema`,
    );
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (e) =>
          `${where}: body${e.instancePath} ${e.message ?? e.keyword}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
      );
  };

  return { document, check, route };
};

let shared: ContractChecker | undefined;
/** The committed document's checker (read and compiled once per test file). */
export const contract = (): ContractChecker =>
  (shared ??= createContractChecker(
    JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument,
  ));

/** Fails (or, under OPENAPI_CONTRACT=report, records) a response that breaks the contract. */
export const enforceContract = (
  method: string,
  url: string,
  response: { status: number; contentType: string | null; text: string },
): void => {
  const problems = contract().check(method, url, response);
  if (problems.length === 0) return;
  if (process.env.OPENAPI_CONTRACT === 'report') {
    const file =
      process.env.OPENAPI_CONTRACT_REPORT ??
      join(__dirname, '..', 'artifacts', 'openapi-contract.txt');
    appendFileSync(file, `${problems.join('\n')}\n`);
    return;
  }
  throw new Error(`The response breaks openapi.json:\n  ${problems.join('\n  ')}`);
};

/**
 * fetch, with the answer checked like the test app's requests: for tests that call a server
 * themselves (another process, a client library, a stream).
 */
export const contractFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  return enforceFetchedContract(request.method, request.url, await fetch(request));
};

/** The check alone, where a test fetches inside a try that forgives a killed server. */
export const enforceFetchedContract = async <
  R extends {
    status: number;
    headers: { get(name: string): string | null };
    clone(): { text(): Promise<string> };
  },
>(
  method: string,
  url: string,
  response: R,
): Promise<R> => {
  const { pathname, search } = new URL(url);
  enforceContract(method, `${pathname}${search}`, {
    status: response.status,
    contentType: response.headers.get('content-type'),
    text: await response.clone().text(),
  });
  return response;
};

/** The same for an answer read off a raw socket: checked when the request has a request line. */
export const enforceRawContract = (
  request: string | Buffer,
  response: { status: number; headers: Record<string, string>; body: string },
): void => {
  const line = /^([A-Z]+) (\/\S*) HTTP\/1\.[01]\r\n/.exec(request.toString('latin1'));
  if (!line?.[1] || !line[2] || response.status === 0) return;
  enforceContract(line[1], line[2], {
    status: response.status,
    contentType: response.headers['content-type'] ?? null,
    text: response.body,
  });
};
