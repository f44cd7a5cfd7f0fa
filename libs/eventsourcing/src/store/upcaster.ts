import type { RecordedEvent } from './event';

/** Turns a stored event of an old schema version into the current shape, on read. */
export type Upcaster = { upcast: (event: RecordedEvent) => RecordedEvent };

export const identityUpcaster: Upcaster = { upcast: (event) => event };

type Step = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upcasters registered per (type, from-version), applied in a chain until no step matches.
 * Stored events are never rewritten; only what readers see changes.
 */
export class UpcasterChain implements Upcaster {
  private readonly steps = new Map<string, Step>();
  /** Types with at least one step: events of every other type pass without a lookup. */
  private readonly types = new Set<string>();

  register(type: string, fromVersion: number, step: Step): this {
    this.steps.set(`${type}@${fromVersion}`, step);
    this.types.add(type);
    return this;
  }

  upcast(event: RecordedEvent): RecordedEvent {
    if (!this.types.has(event.type)) return event;
    let current = event;
    for (;;) {
      const step = this.steps.get(`${current.type}@${current.metadata.schemaVersion}`);
      if (!step) return current;
      current = {
        ...current,
        data: step(current.data),
        metadata: { ...current.metadata, schemaVersion: current.metadata.schemaVersion + 1 },
      };
    }
  }
}
