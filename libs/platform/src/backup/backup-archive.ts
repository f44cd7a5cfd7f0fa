import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';

/** A backup is one file: a magic line, a JSON manifest line, then each file's bytes in order. */
const MAGIC = 'CRM-BACKUP v1';

export type BackupManifest = {
  createdAt: string;
  headPosition: number;
  files: { name: string; bytes: number; sha256: string }[];
};

export class InvalidBackupError extends Error {
  override readonly name = 'InvalidBackupError';
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export const writeArchive = (
  path: string,
  meta: Omit<BackupManifest, 'files'>,
  files: { name: string; bytes: Buffer }[],
): BackupManifest => {
  const manifest: BackupManifest = {
    ...meta,
    files: files.map((f) => ({ name: f.name, bytes: f.bytes.length, sha256: sha256(f.bytes) })),
  };
  writeFileSync(
    path,
    Buffer.concat([
      Buffer.from(`${MAGIC}\n${JSON.stringify(manifest)}\n`),
      ...files.map((f) => f.bytes),
    ]),
    { mode: 0o600 },
  );
  return manifest;
};

/** Reads and checks an archive: every file's length and SHA-256 must match its manifest. */
export const readArchive = (
  path: string,
): { manifest: BackupManifest; files: Map<string, Buffer> } => {
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  const read = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head.subarray(0, read).toString('utf8');
  const [magic, manifestLine] = text.split('\n', 2);
  if (magic !== MAGIC || manifestLine === undefined)
    throw new InvalidBackupError(`${path} is not a CRM backup`);
  const manifest = JSON.parse(manifestLine) as BackupManifest;
  const all = readFileSync(path);
  let offset = Buffer.byteLength(`${magic}\n${manifestLine}\n`);
  const files = new Map<string, Buffer>();
  for (const file of manifest.files) {
    const bytes = all.subarray(offset, offset + file.bytes);
    if (bytes.length !== file.bytes || sha256(bytes) !== file.sha256) {
      throw new InvalidBackupError(`${path}: ${file.name} is damaged (length or checksum differs)`);
    }
    files.set(file.name, bytes);
    offset += file.bytes;
  }
  return { manifest, files };
};
