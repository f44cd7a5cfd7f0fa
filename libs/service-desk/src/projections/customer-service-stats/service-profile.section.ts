import type { DocumentStore } from '@crm/documents';
import type { CustomerProfileSection } from '@crm/platform';
import type { CustomerServiceStatsDocument } from './customer-service-stats.document';
import {
  CUSTOMER_SERVICE_STATS,
  CUSTOMER_SERVICE_STATS_PROJECTION,
} from './customer-service-stats.document';

export type ServiceProfile = {
  serviceCount: number;
  openTicketCount: number;
  /** The customer's own average: Σ score / n over every rating they gave; null without ratings. */
  satisfaction: { average: number | null; n: number };
};

export const toServiceProfile = (stats: CustomerServiceStatsDocument): ServiceProfile => ({
  serviceCount: stats.serviceCount,
  openTicketCount: stats.openTicketCount,
  satisfaction: {
    average: stats.ratingCount === 0 ? null : stats.ratingSum / stats.ratingCount,
    n: stats.ratingCount,
  },
});

const EMPTY: ServiceProfile = {
  serviceCount: 0,
  openTicketCount: 0,
  satisfaction: { average: null, n: 0 },
};

/** The `service` part of GET /customers/:id. */
export const serviceProfileSection: CustomerProfileSection = {
  name: 'service',
  projections: [CUSTOMER_SERVICE_STATS_PROJECTION],
  empty: EMPTY,
  async load(documents: DocumentStore, customerIds: readonly string[]) {
    const stats = await documents.getMany<CustomerServiceStatsDocument>(
      CUSTOMER_SERVICE_STATS,
      customerIds,
    );
    return new Map(stats.map((s) => [s.customerId, toServiceProfile(s)]));
  },
  async loadGroups(documents, groups) {
    const members = [...groups.values()].flat();
    const stats = new Map(
      (await documents.getMany<CustomerServiceStatsDocument>(CUSTOMER_SERVICE_STATS, members)).map(
        (s) => [s.customerId, s],
      ),
    );
    const combined = new Map<string, ServiceProfile>();
    for (const [id, ids] of groups) {
      const parts = ids.flatMap((member) => stats.get(member) ?? []);
      const sum = (
        field: 'serviceCount' | 'openTicketCount' | 'ratingSum' | 'ratingCount',
      ): number => parts.reduce((total, part) => total + part[field], 0);
      combined.set(id, {
        serviceCount: sum('serviceCount'),
        openTicketCount: sum('openTicketCount'),
        satisfaction: {
          average: sum('ratingCount') === 0 ? null : sum('ratingSum') / sum('ratingCount'),
          n: sum('ratingCount'),
        },
      });
    }
    return combined;
  },
};
