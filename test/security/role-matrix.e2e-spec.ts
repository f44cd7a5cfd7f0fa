import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { Role } from '@crm/platform';
import type { TestApp } from '../support/test-app';
import { startTestApp } from '../support/test-app';

type Access = 'public' | readonly Role[];

/**
 * Who may call each route besides admin. Every route of the app must be listed: the test reads
 * the app's route table, so a new endpoint without an entry here fails the build.
 */
const EXPECTED: Record<string, Access> = {
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'POST /admin/api-keys': [],
  'GET /admin/api-keys': [],
  'DELETE /admin/api-keys/:id': [],
  'POST /customers': ['service'],
  'PATCH /customers/:id': ['service'],
  'POST /customers/:id/notes': ['service'],
  'POST /customers/:id/tags': ['service'],
  'DELETE /customers/:id/tags/:tag': ['service'],
  'POST /customers/:id/forget': [],
  'GET /customers/:id': ['service', 'analyst'],
  'GET /customers': ['service', 'analyst'],
  'GET /customers/:id/history': ['auditor'],
  'GET /customers/:id/state': ['auditor'],
  'POST /tickets': ['service'],
  'POST /tickets/:id/classify': ['service'],
  'POST /tickets/:id/assign': ['service'],
  'POST /tickets/:id/replies': ['service'],
  'POST /tickets/:id/resolve': ['service'],
  'POST /tickets/:id/reopen': ['service'],
  'POST /tickets/:id/close': ['service'],
  'POST /tickets/:id/satisfaction': ['service'],
  'GET /tickets/:id': ['service', 'analyst'],
  'GET /tickets': ['service', 'analyst'],
  'GET /analytics/satisfaction': ['analyst'],
  'POST /orders': ['service'],
  'POST /orders/:id/confirm': ['service'],
  'POST /orders/:id/pay': ['service'],
  'POST /orders/:id/ship': ['service'],
  'POST /orders/:id/deliver': ['service'],
  'POST /orders/:id/cancel': ['service'],
  'POST /orders/:id/refunds': ['service'],
  'GET /orders/:id': ['service', 'analyst'],
  'GET /orders': ['service', 'analyst'],
  'GET /analytics/customer-value': ['analyst'],
  'GET /analytics/rfm': ['analyst'],
  'GET /analytics/predicted-value': ['analyst'],
  'GET /analytics/predicted-value/model': ['analyst'],
  'GET /analytics/predicted-value/backtest': ['analyst'],
  'GET /admin/projections': [],
  'POST /imports': ['service'],
  'POST /campaigns': ['service'],
  'POST /campaigns/:id/launch': ['service'],
  'POST /campaigns/:id/responses': ['service'],
  'POST /campaigns/:id/complete': ['service'],
  'POST /campaigns/:id/cancel': ['service'],
  'GET /campaigns/:id': ['service', 'analyst'],
  'GET /campaigns/:id/results': ['service', 'analyst'],
  'GET /analytics/campaigns': ['analyst'],
  'POST /admin/webhooks': [],
  'GET /admin/webhooks': [],
  'GET /admin/webhooks/:id': [],
  'DELETE /admin/webhooks/:id': [],
  'GET /admin/webhooks/:id/dead-letters': [],
  'POST /admin/webhooks/:id/dead-letters/:deliveryId/redeliver': [],
  'POST /admin/webhooks/:id/replay': [],
  'GET /customers/duplicates': ['service', 'analyst'],
  'POST /customers/:id/merge': ['service'],
  'POST /customers/:id/unmerge': ['service'],
  'POST /admin/projections/:name/rebuild': [],
  'POST /pipelines': [],
  'PUT /pipelines/:id': [],
  'POST /opportunities': ['service'],
  'POST /opportunities/:id/stage': ['service'],
  'POST /opportunities/:id/amount': ['service'],
  'POST /opportunities/:id/close-date': ['service'],
  'POST /opportunities/:id/owner': ['service'],
  'POST /opportunities/:id/win': ['service'],
  'POST /opportunities/:id/lose': ['service'],
  'POST /opportunities/:id/reopen': ['service'],
  'POST /activities': ['service'],
  'POST /activities/tasks': ['service'],
  'POST /activities/:id/reschedule': ['service'],
  'POST /activities/:id/reassign': ['service'],
  'POST /activities/:id/complete': ['service'],
  'GET /opportunities/:id': ['service', 'analyst'],
  'GET /opportunities': ['service', 'analyst'],
  'GET /pipelines/:id': ['service', 'analyst'],
  'GET /activities': ['service', 'analyst'],
  'GET /analytics/pipeline': ['analyst'],
  'GET /analytics/pipeline/forecast': ['analyst'],
  'GET /analytics/pipeline/conversion': ['analyst'],
  'GET /analytics/pipeline/win-rate': ['analyst'],
};

const ROLES: Role[] = ['service', 'analyst', 'auditor', 'admin'];

/** The app's own route table, from the controllers Nest registered. */
const routeTable = (t: TestApp): string[] => {
  const scanner = new MetadataScanner();
  const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [
    ...module.controllers.values(),
  ]);
  return controllers.flatMap(({ instance, metatype }) => {
    if (!instance || !metatype) return [];
    const prefix = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
    const prototype = Object.getPrototypeOf(instance) as object;
    return scanner.getAllMethodNames(prototype).flatMap((name) => {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) return [];
      const full = `/${[prefix, path]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      return [`${RequestMethod[method]} ${full}`];
    });
  });
};

const concrete = (path: string): string =>
  path
    .replace(/:id/g, '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e')
    .replace(/:tag/g, 'vip')
    .replace(/:(\w+)/g, 'x');

describe('role matrix: every route × every role, no key and a revoked key', () => {
  let t: TestApp;
  const keys = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) keys.set(role, role === 'admin' ? t.adminKey : await t.keyFor(role));
    const revoked = await t.request('POST', '/admin/api-keys', {
      body: { name: 'revoked', role: 'admin' },
    });
    await t.request('DELETE', `/admin/api-keys/${revoked.body.key.id}`);
    keys.set('revoked', revoked.body.token);
  });
  afterAll(() => t.close());

  it('lists every route the app serves, and no route that is gone', () => {
    expect([...routeTable(t)].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))(
    '%s answers each caller as its roles say',
    async (route, access) => {
      const [method = 'GET', path = '/'] = route.split(' ');
      const url = concrete(path);
      const body = method === 'GET' || method === 'DELETE' ? undefined : {};
      const outcomes: Record<string, number> = {};
      for (const caller of ['none', 'revoked', ...ROLES]) {
        const key = caller === 'none' ? null : (keys.get(caller) ?? null);
        outcomes[caller] = (await t.request(method, url, { key, body })).status;
      }
      for (const [caller, status] of Object.entries(outcomes)) {
        expect([route, caller, status < 500]).toEqual([route, caller, true]);
        const allowed =
          access === 'public' ||
          caller === 'admin' ||
          (access as readonly string[]).includes(caller);
        if (access !== 'public' && (caller === 'none' || caller === 'revoked')) {
          expect([route, caller, status]).toEqual([route, caller, 401]);
        } else if (!allowed) {
          expect([route, caller, status]).toEqual([route, caller, 403]);
        } else {
          expect([route, caller, [401, 403].includes(status)]).toEqual([route, caller, false]);
        }
      }
    },
  );
});
