import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_IMPORT_MAX_LINE_BYTES } from '@crm/customers';
import { buildCli } from '../../apps/crm-cli/src/cli';
import { loadConfig } from '@crm/platform';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';
import { deepArray } from './support/json-text';

const LIMIT = 64 * 1024;
const NDJSON = 'application/x-ndjson';

const customerLine = (n: number): string =>
  JSON.stringify({ name: `Bulk Customer ${n}`, email: `bulk-${n}@import.example` });

/**
 * Imports stream hostile files with a small configured line limit (IMPORT_MAX_LINE_BYTES): no
 * line or field can exhaust memory or crash the process, and hostile JSON lines meet the same
 * parser as request bodies.
 */
describe('hostile imports', () => {
  let t: TestApp;
  let service: string;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_LINE_BYTES: String(LIMIT) });
    service = await t.keyFor('service');
  });
  afterAll(() => t?.close());

  const upload = (contentType: string, body: string) =>
    t.request('POST', '/imports', {
      key: service,
      raw: body,
      headers: { 'content-type': contentType },
    });

  const expectAlive = async () =>
    expect((await t.request('GET', '/health/live', { key: null })).status).toBe(200);

  it('has a default line limit', () => {
    expect(loadConfig({}).importMaxLineBytes).toBe(DEFAULT_IMPORT_MAX_LINE_BYTES);
    expect(DEFAULT_IMPORT_MAX_LINE_BYTES).toBe(1024 * 1024);
    expect(() => loadConfig({ IMPORT_MAX_LINE_BYTES: '12' })).toThrow(/IMPORT_MAX_LINE_BYTES=12/);
  });

  it('rejects a JSON line longer than the limit as a row and imports the lines around it', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(16 * LIMIT), email: 'huge@import.example' });
    const response = await upload(NDJSON, [customerLine(1), huge, customerLine(2)].join('\n'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      rows: 3,
      imported: 2,
      rejected: 1,
      rejections: [{ line: 2, field: 'line', rule: 'maxLength' }],
    });
    await expectAlive();
  });

  it('answers 413 with the error shape for a CSV field longer than the limit', async () => {
    const csv = `name,email\nBig Field,${'y'.repeat(16 * LIMIT)}@import.example\n`;
    const response = await upload('text/csv', csv);
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      statusCode: 413,
      error: 'Payload Too Large',
      message: expect.stringMatching(/longer than 65536 bytes/),
    });
    await expectAlive();
  });

  it('answers 400, not 500, for CSV it cannot read', async () => {
    const response = await upload('text/csv', 'name,email\n"Unclosed,quote@import.example\n');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/CSV/) });
  });

  it.each([
    [
      'nested 20 000 deep',
      `{"name":"Deep","email":"deep@import.example","x":${deepArray(20_000).text}}`,
      'maxDepth',
    ],
    [
      'with a lone surrogate',
      '{"name":"Lone \\ud800","email":"lone@import.example"}',
      'isWellFormed',
    ],
    [
      'with a __proto__ key',
      '{"name":"Proto","email":"proto@import.example","__proto__":{"polluted":1}}',
      'isJson',
    ],
    [
      'with a constructor key',
      '{"name":"Ctor","email":"ctor@import.example","constructor":{"prototype":{"polluted":1}}}',
      'isJson',
    ],
  ])('rejects a JSON line %s as a row, as the API refuses such a body', async (_, line, rule) => {
    const response = await upload(NDJSON, [line, customerLine(3)].join('\n'));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      rows: 2,
      rejected: 1,
      rejections: [{ line: 1, field: 'line', rule }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectAlive();
  });

  it('bounds the lines of a CLI import by the same setting', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-cli-import-'));
    try {
      const file = join(dataDir, 'customers.jsonl');
      const long = JSON.stringify({ name: 'z'.repeat(2048), email: 'long@import.example' });
      writeFileSync(file, [customerLine(10), long, customerLine(11)].join('\n'));
      const lines: string[] = [];
      await buildCli(
        { CRM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', IMPORT_MAX_LINE_BYTES: '1024' },
        (line) => lines.push(line),
      ).parseAsync(['node', 'crm-cli', 'import', 'customers', file]);
      expect(lines[0]).toMatch(/3 rows .* 2 imported, 0 already imported, 1 rejected/);
      expect(lines.join('\n')).toContain('line 2: line (maxLength)');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
