/**
 * Who a campaign targets, as data. Every criterion present must hold (they are ANDed) and only
 * live customers qualify. At launch the rule is resolved against the read models into a fixed
 * list of customer ids, recorded in the launch event.
 */
export type AudienceRule = {
  /** Customers with any (or all) of these tags. */
  tags: { match: TagMatch; values: string[] } | null;
  /** Customers in this RFM segment as of the launch. */
  segment: string | null;
  /** Customers whose value in `currency` (net of cancellations and refunds) is in [min, max]. */
  value: { currency: string; min: number | null; max: number | null } | null;
  /** Customers whose last live order was placed between maxDaysAgo and minDaysAgo days before launch. */
  lastOrder: { minDaysAgo: number | null; maxDaysAgo: number | null } | null;
};

export const TAG_MATCHES = ['any', 'all'] as const;
export type TagMatch = (typeof TAG_MATCHES)[number];

export const MAX_RULE_TAGS = 20;
export const MAX_RECENCY_DAYS = 3650;

const isBound = (value: number | null, max: number): boolean =>
  value === null || (Number.isSafeInteger(value) && value >= 0 && value <= max);

const outOfOrder = (low: number | null, high: number | null): boolean =>
  low !== null && high !== null && low > high;

/** Why the rule cannot be resolved, or null when it can. */
export const audienceRuleProblem = (rule: AudienceRule): string | null => {
  const { tags, segment, value, lastOrder } = rule;
  if (!tags && segment === null && !value && !lastOrder) {
    return 'the audience rule needs at least one criterion: tags, segment, value or lastOrder';
  }
  if (tags && (tags.values.length === 0 || tags.values.length > MAX_RULE_TAGS)) {
    return `audience tags must list 1 to ${MAX_RULE_TAGS} tags`;
  }
  if (segment !== null && segment.length === 0) return 'audience segment must not be empty';
  if (value) {
    if (
      !isBound(value.min, Number.MAX_SAFE_INTEGER) ||
      !isBound(value.max, Number.MAX_SAFE_INTEGER)
    )
      return 'audience value bounds must be non-negative integers of minor units';
    if (value.min === null && value.max === null) return 'audience value needs min, max or both';
    if (outOfOrder(value.min, value.max)) return 'audience value min must not exceed max';
  }
  if (lastOrder) {
    const { minDaysAgo, maxDaysAgo } = lastOrder;
    if (!isBound(minDaysAgo, MAX_RECENCY_DAYS) || !isBound(maxDaysAgo, MAX_RECENCY_DAYS))
      return `audience lastOrder days must be integers from 0 to ${MAX_RECENCY_DAYS}`;
    if (minDaysAgo === null && maxDaysAgo === null)
      return 'audience lastOrder needs minDaysAgo, maxDaysAgo or both';
    if (outOfOrder(minDaysAgo, maxDaysAgo))
      return 'audience lastOrder minDaysAgo must not exceed maxDaysAgo';
  }
  return null;
};
