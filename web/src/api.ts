export type ApiSuccess<T> = { ok: true; status: number; body: T };
export type ApiFailure = { ok: false; status: number; message: string };
export type ApiResult<T> = ApiSuccess<T> | ApiFailure;

export type Query = Record<string, string | number | boolean | undefined>;

const messageOf = (body: unknown, fallback: string): string => {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const { message } = body;
    if (typeof message === 'string') return message;
  }
  return fallback;
};

export const withQuery = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

/** Reads from the CRM API with the signed-in key; every failure becomes a value, never a throw. */
export class ApiClient {
  constructor(
    private readonly key: string,
    private readonly onUnauthorized: () => void = () => {},
  ) {}

  async get<T>(path: string, query?: Query): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetch(withQuery(path, query), {
        headers: { authorization: `Bearer ${this.key}`, accept: 'application/json' },
      });
    } catch (error) {
      return { ok: false, status: 0, message: `network error: ${String(error)}` };
    }
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    if (response.ok) return { ok: true, status: response.status, body: body as T };
    if (response.status === 401) this.onUnauthorized();
    return { ok: false, status: response.status, message: messageOf(body, response.statusText) };
  }
}
