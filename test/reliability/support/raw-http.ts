import { connect } from 'node:net';
import { enforceRawContract } from '../../support/openapi-contract';

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * Writes bytes to a fresh socket and reads until the server closes it (or the timeout). The
 * answer to a request with a request line is checked against openapi.json.
 */
export const rawExchange = (
  url: string,
  request: string | Buffer,
  timeoutMs = 5_000,
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(
      () => socket.destroy(new Error(`no close within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A keep-alive answer never closes: stop once a whole response with its body is in.
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(text.slice(0, end));
      if (end >= 0 && length && text.length >= end + 4 + Number(length[1])) socket.end();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (chunks.length === 0) reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      const response = { status: Number(statusLine.split(' ')[1] ?? 0), headers, body };
      try {
        enforceRawContract(request, response);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      resolve(response);
    });
    socket.write(request);
  });
