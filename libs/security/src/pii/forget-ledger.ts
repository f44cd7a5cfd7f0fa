import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * The customers whose keys were destroyed, kept apart from the data and never in a backup.
 * A restore applies it, so an old backup can never bring a forgotten customer's personal data
 * back; readers consult it too. `has` answers from memory: it sits on every reveal.
 */
export type ForgetLedger = {
  has(customerId: string): boolean;
  ids(): string[];
  /** Durably records the customer; resolves only once the record would survive a crash. */
  record(customerId: string): void | Promise<void>;
  /** Ledgers shared between processes tell of forgets recorded by the others. */
  onForget?(listener: (customerId: string) => void): () => void;
};

/**
 * The embedded default's ledger: one id per line, append-only, in the key vault beside the
 * master key. One process owns the data folder, so memory is always current.
 */
export class FileForgetLedger implements ForgetLedger {
  private readonly forgotten = new Set<string>();

  constructor(private readonly path: string) {
    if (existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n'))
        if (line.trim()) this.forgotten.add(line.trim());
    }
  }

  has(customerId: string): boolean {
    return this.forgotten.has(customerId);
  }

  ids(): string[] {
    return [...this.forgotten];
  }

  /** Durably records the customer before anything else of the forget happens. */
  record(customerId: string): void {
    if (this.forgotten.has(customerId)) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      appendFileSync(fd, `${customerId}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.forgotten.add(customerId);
  }
}
