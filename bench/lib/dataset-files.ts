import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset, DatasetSize } from './dataset';

export const datasetSize = (quick: boolean): DatasetSize =>
  quick
    ? { customers: 5_000, events: 50_000, whaleEvents: 10_000 }
    : { customers: 100_000, events: 1_000_000, whaleEvents: 10_000 };

export const datasetDir = (workDir: string): string => join(workDir, 'dataset');

export const saveDataset = (workDir: string, dataset: Dataset): void =>
  writeFileSync(join(datasetDir(workDir), 'dataset.json'), JSON.stringify(dataset));

export const loadDataset = (workDir: string): Dataset =>
  JSON.parse(readFileSync(join(datasetDir(workDir), 'dataset.json'), 'utf8')) as Dataset;
