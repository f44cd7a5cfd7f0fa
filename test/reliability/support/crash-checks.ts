import Database from 'better-sqlite3';
import type { Ack, Journey } from './chaos-workload';
import type { LoggedEvent } from './event-log';

/**
 * Every acknowledged command is in the log exactly once, where its answer says; nothing in the
 * log comes from a command nobody acknowledged. Each command here appends exactly one event.
 */
export const logProblems = (events: LoggedEvent[], acks: Ack[]): string[] => {
  const problems: string[] = [];
  const byCorrelation = new Map<string, LoggedEvent[]>();
  for (const event of events) {
    const id = String(event.metadata.correlationId);
    byCorrelation.set(id, [...(byCorrelation.get(id) ?? []), event]);
  }
  const acknowledged = new Set(acks.map((ack) => ack.command.key));
  for (const ack of acks) {
    const own = byCorrelation.get(ack.command.key) ?? [];
    const { id, position, streamRevision } = ack.body;
    const stream = ack.command.stream(id);
    if (own.length !== 1) {
      problems.push(`${ack.command.key}: ${own.length} events in the log, expected exactly 1`);
      continue;
    }
    const [event] = own as [LoggedEvent];
    if (
      event.position !== position ||
      event.streamId !== stream ||
      event.revision !== streamRevision
    ) {
      problems.push(
        `${ack.command.key}: answered ${stream}@${streamRevision} position ${position}, the log has ${event.streamId}@${event.revision} position ${event.position}`,
      );
    }
  }
  for (const [correlationId, own] of byCorrelation) {
    if (!acknowledged.has(correlationId)) {
      problems.push(
        `${own.length} event(s) ${own.map((e) => e.type).join(', ')} from unacknowledged ${correlationId}`,
      );
    }
  }
  return problems;
};

/** No torn or reordered writes: each stream's revisions run 0, 1, 2, … in log order. */
export const streamProblems = (events: LoggedEvent[]): string[] => {
  const next = new Map<string, number>();
  const problems: string[] = [];
  for (const event of events) {
    const expected = next.get(event.streamId) ?? 0;
    if (event.revision !== expected) {
      problems.push(
        `${event.streamId}: revision ${event.revision} at position ${event.position}, expected ${expected}`,
      );
    }
    next.set(event.streamId, event.revision + 1);
  }
  return problems;
};

/** SQLite's own verdict on a file after the kills. */
export const integrity = (file: string): string => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
  } finally {
    db.close();
  }
};

type Documents = Map<string, Map<string, unknown>>;

/** Every read-model document (API keys excepted), without the bookkeeping `_position`. */
export const readModels = (file: string): Documents => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'doc\\_%' ESCAPE '\\' AND name NOT LIKE 'doc\\_security\\_%' ESCAPE '\\'",
      )
      .pluck()
      .all() as string[];
    return new Map(
      tables.map((table) => {
        const rows = db.prepare(`SELECT id, json(body) AS body FROM "${table}"`).all() as {
          id: string;
          body: string;
        }[];
        return [
          table,
          new Map(
            rows.map(({ id, body }) => {
              const { _position: _ignored, ...document } = JSON.parse(body) as Record<
                string,
                unknown
              >;
              return [id, document];
            }),
          ),
        ];
      }),
    );
  } finally {
    db.close();
  }
};

const stable = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );

/** Differences between the live read models and a rebuild from the log (first few per table). */
export const readModelDiff = (live: Documents, rebuilt: Documents): string[] => {
  const problems: string[] = [];
  for (const table of new Set([...live.keys(), ...rebuilt.keys()])) {
    const a = live.get(table) ?? new Map<string, unknown>();
    const b = rebuilt.get(table) ?? new Map<string, unknown>();
    const diffs: string[] = [];
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      const left = a.has(id) ? stable(a.get(id)) : 'missing';
      const right = b.has(id) ? stable(b.get(id)) : 'missing';
      if (left !== right)
        diffs.push(
          `  ${id}\n    live:    ${left.slice(0, 400)}\n    rebuilt: ${right.slice(0, 400)}`,
        );
    }
    if (diffs.length > 0)
      problems.push(`${table}: ${diffs.length} documents differ\n${diffs.slice(0, 3).join('\n')}`);
  }
  return problems;
};

/** Customer value per customer and currency, folded straight from the order events. */
export const valuesFromLog = (
  events: LoggedEvent[],
): Map<string, { amount: number; orders: number }> => {
  const orders = new Map<
    string,
    { customerId: string; currency: string; total: number; refunded: number; cancelled: boolean }
  >();
  for (const { type, data } of events) {
    const order = orders.get(String(data.orderId));
    if (type === 'OrderPlaced') {
      orders.set(String(data.orderId), {
        customerId: String(data.customerId),
        currency: String(data.currency),
        total: Number(data.total),
        refunded: 0,
        cancelled: false,
      });
    } else if (type === 'RefundIssued' && order) order.refunded += Number(data.amount);
    else if (type === 'OrderCancelled' && order) order.cancelled = true;
  }
  const values = new Map<string, { amount: number; orders: number }>();
  for (const order of orders.values()) {
    if (order.cancelled) continue;
    const key = `${order.customerId}:${order.currency}`;
    const value = values.get(key) ?? { amount: 0, orders: 0 };
    values.set(key, {
      amount: value.amount + order.total - order.refunded,
      orders: value.orders + 1,
    });
  }
  return values;
};

/** What the client computed from its own acknowledged commands, in the same shape. */
export const valuesFromJourneys = (
  journeys: Journey[],
): Map<string, { amount: number; orders: number }> =>
  new Map(journeys.map((j) => [`${j.customerId}:EUR`, { amount: j.orderValue, orders: 1 }]));
