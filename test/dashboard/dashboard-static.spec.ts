import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerDashboard } from '../../apps/crm-api/src/dashboard/dashboard.static';

describe('registerDashboard', () => {
  const root = mkdtempSync(join(tmpdir(), 'crm-web-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const serve = async (dir: string) => {
    const sut = Fastify();
    sut.get('/customers', async () => ({ items: [] }));
    await registerDashboard(sut, dir);
    await sut.ready();
    return sut;
  };

  it('serves index.html at / with a strict content security policy, and hashed assets for a year', async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>CRM</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    const sut = await serve(root);

    const page = await sut.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await sut.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await sut.close();
  });

  it('adds no catch-all: other paths still reach their routes or a 404', async () => {
    const sut = await serve(root);
    expect((await sut.inject({ url: '/customers' })).json()).toEqual({ items: [] });
    expect((await sut.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await sut.inject({ url: '/../package.json' })).statusCode).toBe(404);
    await sut.close();
  });

  it('says how to build the dashboard when dist/web is missing', async () => {
    const sut = await serve(join(root, 'nowhere'));
    const page = await sut.inject({ url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    await sut.close();
  });
});
