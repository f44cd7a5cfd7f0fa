import { generateDataset } from '../lib/dataset';
import { datasetDir, datasetSize, saveDataset } from '../lib/dataset-files';
import { round } from '../lib/stats';
import { openStores } from '../lib/stores';
import type { Workload } from '../lib/workload';
import { fmtRate } from '../lib/workload';

/** The seeded CRM history the read-side workloads share, written through group commit. */
export const datasetWorkload: Workload = async (context) => {
  const size = datasetSize(context.quick);
  context.log(
    `generating ${size.events.toLocaleString('en-US')} events for ${size.customers.toLocaleString('en-US')} customers`,
  );
  const stores = openStores(datasetDir(context.workDir), context.durability);
  const dataset = await generateDataset(stores, size);
  await stores.close();
  saveDataset(context.workDir, dataset);
  const rate = dataset.head / (dataset.generatedInMs / 1000);
  return [
    {
      workload: `seeded dataset: ${dataset.head.toLocaleString('en-US')} events, ${size.customers.toLocaleString('en-US')} customers (Zipf 1.05), whale with ${size.whaleEvents.toLocaleString('en-US')} events`,
      setting: context.durability,
      ours: `${fmtRate(rate, 'events/s')} (${round(dataset.generatedInMs / 1000, 1)} s)`,
      baseline: '—',
      ratio: null,
      target: '(setup: decided by the real deciders, PII sealed, pipelined appends)',
      met: null,
    },
  ];
};
