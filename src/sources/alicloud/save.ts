// Writes the documents of a live diagnosis under a directory (`--save DIR`), one file per raw API
// response, so that `ipsec-doctor analyze DIR` later reproduces the same report offline.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { LiveDocument } from './types.js';

/** Returns the paths written. Refuses any name that would land outside `dir`. */
export async function saveDocuments(dir: string, documents: LiveDocument[]): Promise<string[]> {
  const root = resolve(dir);
  const written: string[] = [];
  for (const doc of documents) {
    const path = resolve(join(root, doc.source));
    if (!path.startsWith(root + sep)) throw new Error(`${doc.source}: refusing to write outside ${dir}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, doc.content, 'utf8');
    written.push(path);
  }
  return written;
}
