/** Any way to call the API: the in-process test app or a child process over fetch. */
export type Http = (
  method: string,
  path: string,
  options?: { body?: unknown; key?: string; headers?: Record<string, string> },
) => Promise<{ status: number; body: any }>;

const HOUR = 3_600_000;

/** A campaign body running from an hour ago to a week from now, overridable field by field. */
export const aCampaign = (overrides: Record<string, unknown> = {}) => ({
  name: 'Spring sale',
  channel: 'email',
  cost: { amount: 10_000, currency: 'EUR' },
  startsAt: new Date(Date.now() - HOUR).toISOString(),
  endsAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
  attributionWindowDays: 14,
  audience: { tags: ['spring-2026'] },
  ...overrides,
});

/** Small steps of the scenarios, each failing loudly when the API does not answer as expected. */
export const campaignSteps = (http: Http, service: string) => {
  const expectStatus = async (
    call: Promise<{ status: number; body: any }>,
    status: number,
  ): Promise<any> => {
    const response = await call;
    if (response.status !== status) {
      throw new Error(
        `expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  };
  return {
    expectStatus,
    customer: async (n: number, tags: string[] = []): Promise<string> =>
      (
        await expectStatus(
          http('POST', '/customers', {
            key: service,
            body: { name: `Customer ${n}`, email: `customer.${n}@example.com`, tags },
          }),
          201,
        )
      ).id,
    tag: (customerId: string, tags: string[]) =>
      expectStatus(
        http('POST', `/customers/${customerId}/tags`, { key: service, body: { tags } }),
        200,
      ),
    plan: async (overrides: Record<string, unknown> = {}): Promise<string> =>
      (
        await expectStatus(
          http('POST', '/campaigns', { key: service, body: aCampaign(overrides) }),
          201,
        )
      ).id,
    launch: (campaignId: string) =>
      expectStatus(http('POST', `/campaigns/${campaignId}/launch`, { key: service }), 200),
    respond: (campaignId: string, customerId: string, kind: string) =>
      expectStatus(
        http('POST', `/campaigns/${campaignId}/responses`, {
          key: service,
          body: { customerId, kind },
        }),
        200,
      ),
    order: async (
      customerId: string,
      total: number,
      currency = 'EUR',
      campaignId?: string,
    ): Promise<{ id: string; position: number }> =>
      expectStatus(
        http('POST', '/orders', {
          key: service,
          body: {
            customerId,
            currency,
            lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: total }],
            ...(campaignId ? { campaignId } : {}),
          },
        }),
        201,
      ),
    orderAction: (orderId: string, action: string, body: unknown = {}) =>
      expectStatus(http('POST', `/orders/${orderId}/${action}`, { key: service, body }), 200),
  };
};
