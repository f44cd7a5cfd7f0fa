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

  register(type: string, fromVersion: number, step: Step): this {
    this.steps.set(`${type}@${fromVersion}`, step);
    return this;
  }

  upcast(event: RecordedEvent): RecordedEvent {
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
