export const UPCASTERS = Symbol('UPCASTERS');
