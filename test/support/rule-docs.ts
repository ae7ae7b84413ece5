/**
 * The examples of a rule's page, docs/rules/<code>.md, as the tests run them (actionlint's
 * check-checks does the same with its docs). The page's format is read by scripts/rule-docs.mjs,
 * which the "Try it" links read it with too.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pageExampleFiles, type ExampleFile } from "../../scripts/rule-docs.mjs";
import { parseVersion } from "../../server/src/schema/lookup.js";
import type { Version } from "../../server/src/schema/types.js";

export const DOCS_DIR = join(__dirname, "..", "..", "docs", "rules");

export type { ExampleFile };

export interface Example {
  readonly files: readonly ExampleFile[];
  readonly target?: Version;
}

export interface PageExamples {
  readonly wrong: Example;
  readonly right: Example;
  /** Blocks of the section that stand before any Wrong or Right (a page to mend). */
  readonly stray: number;
}

export function pageExamples(code: string): PageExamples {
  const { wrong, right, stray } = pageExampleFiles(readFileSync(join(DOCS_DIR, `${code}.md`), "utf8"));
  const half = (h: typeof wrong): Example => ({ files: h.files, ...(h.target ? { target: parseVersion(h.target) } : {}) });
  return { wrong: half(wrong), right: half(right), stray };
}

/** The text of one file of an example: the first one, or the one named. */
export function exampleText(code: string, half: "wrong" | "right", name?: string): string {
  const files = pageExamples(code)[half].files;
  const file = name === undefined ? files[0] : files.find((f) => f.name === name);
  if (!file) throw new Error(`docs/rules/${code}.md has no ${half} example${name ? ` named ${name}` : ""}`);
  return file.text;
}
