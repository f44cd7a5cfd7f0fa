import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import type { CommandContext } from '@crm/eventsourcing';
import { PiiHasher } from '@crm/security/pii';
import type { CustomerRowCheck } from './customer-row-check';
import { checkCustomerRow } from './customer-row-check';

/** A chunk to check, and its answer (the checks in row order, or why the chunk failed). */
export type CheckRequest = {
  id: number;
  actor: CommandContext['actor'];
  rows: Record<string, unknown>[];
};
export type CheckResponse =
  { id: number; checks: CustomerRowCheck[] } | { id: number; error: string };

const { masterKey } = workerData as { masterKey: Uint8Array };
const hasher = new PiiHasher(Buffer.from(masterKey));

parentPort?.on('message', ({ id, actor, rows }: CheckRequest) => {
  let response: CheckResponse;
  try {
    response = { id, checks: rows.map((fields) => checkCustomerRow(fields, hasher, actor)) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
