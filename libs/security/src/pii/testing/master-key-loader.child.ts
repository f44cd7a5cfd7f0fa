// Loads (or creates) the master key of each of many fresh folders, printing one key per line
// (master-key.int-spec.ts runs several of these at once over the same folders).
import { join } from 'node:path';
import { loadMasterKey } from '../master-key';

const [folder = '', count = '0', startAt = '0'] = process.argv.slice(2);
while (Date.now() < Number(startAt)); // every child starts on the same instant
const keys: string[] = [];
for (let i = 0; i < Number(count); i++) {
  keys.push(loadMasterKey(undefined, join(folder, String(i))).key.toString('hex'));
}
process.stdout.write(`${keys.join('\n')}\n`);
