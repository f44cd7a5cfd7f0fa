import type { AudienceRule } from '../domain/audience-rule';
import type { AudienceSource } from './audience-source';

const DAY_MS = 86_400_000;
const daysBefore = (asOf: Date, days: number | null): Date | null =>
  days === null ? null : new Date(asOf.getTime() - days * DAY_MS);

/** The live customers matching every criterion of the rule as of `asOf`, sorted. */
export const resolveAudience = async (
  rule: AudienceRule,
  source: AudienceSource,
  asOf: Date,
): Promise<string[]> => {
  const lookups: Promise<string[]>[] = [source.liveCustomerIds(rule.tags)];
  if (rule.segment !== null) lookups.push(source.customerIdsInSegment(rule.segment, asOf));
  if (rule.value) lookups.push(source.customerIdsByValue(rule.value));
  if (rule.lastOrder) {
    const { minDaysAgo, maxDaysAgo } = rule.lastOrder;
    lookups.push(
      source.customerIdsByLastOrder(daysBefore(asOf, maxDaysAgo), daysBefore(asOf, minDaysAgo)),
    );
  }
  const [live = [], ...criteria] = await Promise.all(lookups);
  const sets = criteria.map((ids) => new Set(ids));
  return [...new Set(live)].filter((id) => sets.every((set) => set.has(id))).sort();
};
