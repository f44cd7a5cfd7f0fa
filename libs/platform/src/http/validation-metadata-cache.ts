import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = Parameters<MetadataStorage['addValidationMetadata']>[0];

type Grouped = Record<string, ValidationMetadata[]>;
type Cached = { metadatas: ValidationMetadata[]; grouped: Grouped };

const CACHED = Symbol.for('crm.validationMetadataCache');

/**
 * class-validator looks up a class's rules on every validation: it filters the class's own
 * rules and, for inherited ones, tests the class against every class that has rules (over a
 * hundred DTOs here), then groups them by property. The answer only changes when rules are
 * added (a class is defined), so it is kept per class and options until then: the same rules,
 * found once. Both lookups return values class-validator only reads.
 */
export const cacheValidationMetadata = (storage: MetadataStorage = getMetadataStorage()): void => {
  const marked = storage as MetadataStorage & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  const byTarget = new Map<unknown, Map<string | number, Cached>>();
  const grouped = new WeakMap<ValidationMetadata[], Grouped>();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);

  storage.addValidationMetadata = (metadata) => {
    byTarget.clear();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    byTarget.clear();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // The pipe validates without schemas or groups: that case needs no composed key.
    const key =
      schema === undefined && !groups?.length
        ? (always ? 1 : 0) + (strictGroups ? 2 : 0)
        : `${schema}\u0000${String(always)}\u0000${String(strictGroups)}\u0000${groups?.join('\u0001') ?? ''}`;
    let forTarget = byTarget.get(target);
    if (!forTarget) {
      forTarget = new Map();
      byTarget.set(target, forTarget);
    }
    let cached = forTarget.get(key);
    if (!cached) {
      const metadatas = lookUp(target, schema, always, strictGroups, groups);
      cached = { metadatas, grouped: group(metadatas) };
      grouped.set(metadatas, cached.grouped);
      forTarget.set(key, cached);
    }
    return cached.metadatas;
  };
  storage.groupByPropertyName = (metadatas) => grouped.get(metadatas) ?? group(metadatas);
};
