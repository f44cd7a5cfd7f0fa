import type { DocumentStore } from '@crm/documents';
import { pagesOf } from '@crm/documents';
import type { CustomerProfileDocument } from './customer-profile.document';
import { CUSTOMER_PROFILES } from './customer-profile.document';

export type DuplicateReason = 'email' | 'phone' | 'name';

export type DuplicatePair = {
  customerIds: [string, string];
  score: number;
  reasons: DuplicateReason[];
  /** Sealed names of both, revealed (or masked) when served. */
  names: [string, string];
};

/**
 * The duplicate rule, on blind indexes only (no plaintext needed):
 * - same email: 1.0; same phone: 0.9;
 * - similar name: the name words' hashes overlap with Jaccard J ≥ 0.5 over at least two words,
 *   scoring 0.5 + 0.4·J (word order and case do not matter; typos are not caught).
 * Reasons combine as independent evidence: score = 1 − Π(1 − sᵢ). Pairs at 0.6 or more are
 * listed, best first. Very common name words (over BLOCK_LIMIT customers) are not used to pair.
 */
const BLOCK_LIMIT = 500;
const THRESHOLD = 0.6;

/** Only what the rule reads: 100,000 whole profiles (notes and all) would not fit in memory. */
type Candidate = {
  id: string;
  name: string;
  emailHash: string | null;
  phoneHash: string | null;
  nameHashes: string[];
};

const candidateOf = (profile: CustomerProfileDocument): Candidate => ({
  id: profile.customerId,
  name: profile.name,
  emailHash: profile.emailHash,
  phoneHash: profile.phoneHash,
  nameHashes: profile.searchHashes.filter((hash) => hash !== profile.emailHash),
});

const jaccard = (a: readonly string[], b: readonly string[]): { score: number; shared: number } => {
  const left = new Set(a);
  const shared = b.filter((x) => left.has(x)).length;
  const union = new Set([...a, ...b]).size;
  return { score: union === 0 ? 0 : shared / union, shared };
};

export const findDuplicateCustomers = async (
  documents: DocumentStore,
  limit: number,
): Promise<DuplicatePair[]> => {
  const candidates: Candidate[] = [];
  const active = pagesOf<CustomerProfileDocument>(
    documents,
    CUSTOMER_PROFILES,
    { status: 'active' },
    { pageSize: 2_000 },
  );
  for await (const profiles of active) for (const p of profiles) candidates.push(candidateOf(p));

  const evidence = new Map<
    string,
    { a: Candidate; b: Candidate; reasons: Map<DuplicateReason, number> }
  >();
  const note = (a: Candidate, b: Candidate, reason: DuplicateReason, score: number): void => {
    const [first, second] = a.id < b.id ? [a, b] : [b, a];
    const key = `${first.id}|${second.id}`;
    const entry = evidence.get(key) ?? {
      a: first,
      b: second,
      reasons: new Map<DuplicateReason, number>(),
    };
    entry.reasons.set(reason, Math.max(entry.reasons.get(reason) ?? 0, score));
    evidence.set(key, entry);
  };
  const blocks = (key: (c: Candidate) => readonly (string | null)[]): Map<string, Candidate[]> => {
    const result = new Map<string, Candidate[]>();
    for (const candidate of candidates) {
      for (const value of key(candidate)) {
        if (!value) continue;
        const block = result.get(value);
        if (block) block.push(candidate);
        else result.set(value, [candidate]);
      }
    }
    return result;
  };
  const eachPair = (block: Candidate[], visit: (a: Candidate, b: Candidate) => void): void => {
    if (block.length < 2 || block.length > BLOCK_LIMIT) return;
    for (let i = 0; i < block.length; i += 1) {
      for (let j = i + 1; j < block.length; j += 1)
        visit(block[i] as Candidate, block[j] as Candidate);
    }
  };

  for (const block of blocks((c) => [c.emailHash]).values())
    eachPair(block, (a, b) => note(a, b, 'email', 1));
  for (const block of blocks((c) => [c.phoneHash]).values())
    eachPair(block, (a, b) => note(a, b, 'phone', 0.9));
  for (const block of blocks((c) => c.nameHashes).values()) {
    eachPair(block, (a, b) => {
      const { score, shared } = jaccard(a.nameHashes, b.nameHashes);
      if (shared >= 2 && score >= 0.5) note(a, b, 'name', 0.5 + 0.4 * score);
    });
  }

  return [...evidence.values()]
    .map(({ a, b, reasons }) => ({
      customerIds: [a.id, b.id] as [string, string],
      score:
        Math.round((1 - [...reasons.values()].reduce((rest, s) => rest * (1 - s), 1)) * 1000) /
        1000,
      reasons: [...reasons.keys()].sort(),
      names: [a.name, b.name] as [string, string],
    }))
    .filter((pair) => pair.score >= THRESHOLD)
    .sort((x, y) => y.score - x.score || x.customerIds[0].localeCompare(y.customerIds[0]))
    .slice(0, limit);
};
