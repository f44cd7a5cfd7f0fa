// A process that holds advisory locks until it is killed (advisory-locks.int-spec.ts).
import { AdvisoryLocks } from '../advisory-locks';

const [url = '', schema = '', ...names] = process.argv.slice(2);
const locks = new AdvisoryLocks({ connectionString: url, schema, pollIntervalMs: 50 });
void locks.start(names).then(() => process.stdout.write(`held ${locks.heldNames().join(',')}\n`));
