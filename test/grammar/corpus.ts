/** The upstream sample configurations, read at run time from the shared reference folder. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const CORPUS_DIR = "/work/shared/reference/corpus";

export interface CorpusFile {
  readonly name: string;
  readonly path: string;
  readonly bytes: Buffer;
}

/** Every sample config (not the index files), or an empty list when the folder is missing. */
export function corpusFiles(): CorpusFile[] {
  if (!existsSync(CORPUS_DIR)) {
    console.warn(`NOTICE: ${CORPUS_DIR} is missing; corpus tests are skipped`);
    return [];
  }
  return readdirSync(CORPUS_DIR)
    .filter((n) => !n.endsWith(".tsv") && !n.endsWith(".md"))
    .sort()
    .map((name) => ({ name, path: join(CORPUS_DIR, name), bytes: readFileSync(join(CORPUS_DIR, name)) }));
}
