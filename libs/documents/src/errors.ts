/** Someone else moved (or reset) a projector's checkpoint since this projector last read it. */
export class CheckpointMovedError extends Error {
  override readonly name = 'CheckpointMovedError';
  constructor(
    readonly projection: string,
    readonly expected: number | null,
    readonly actual: number | null,
  ) {
    super(`checkpoint of ${projection} is at ${String(actual)}, expected ${String(expected)}`);
  }
}

/** The document store cannot be reached or cannot write right now (locked, disk full, down). */
export class DocumentStoreUnavailableError extends Error {
  override readonly name = 'DocumentStoreUnavailableError';
  constructor(cause: unknown) {
    super(`document store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}
