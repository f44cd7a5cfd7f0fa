import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
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

/** The ledger's file name in the key vault (CRM_KEY_DIR). */
export const FORGET_LEDGER_FILE = 'forgotten.ledger';

/** The ids in a ledger file, or null when there is no file (not the same as an empty one). */
export const readForgetLedgerFile = (path: string): string[] | null =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : null;

/**
 * The embedded default's ledger: one id per line, append-only, in the key vault beside the
 * master key. One process owns the data folder, so memory is always current.
 */
export class FileForgetLedger implements ForgetLedger {
  private readonly forgotten = new Set<string>();

  /**
   * Creates the file, empty, when there is none: a vault always holds its ledger, so a restore
   * can refuse a key folder without one (it would bring forgotten customers back).
   */
  constructor(private readonly path: string) {
    const ids = readForgetLedgerFile(path);
    if (ids === null) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '', { mode: 0o600, flag: 'a' });
    }
    for (const id of ids ?? []) this.forgotten.add(id);
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
