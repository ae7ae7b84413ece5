/**
 * The examples of a rule's page, docs/rules/<code>.md, as the tests run them (actionlint's
 * check-checks does the same with its docs). In the `## Example` section a line starting with
 * `Wrong` or `Right` opens that half; each fenced block after it is one file. A line
 * `NAME.conf:` (or `NAME.conf, wrong:` / `NAME.conf, right:`, which also opens that half) names the
 * file of the next block; an unnamed block is keepalived.conf. A fence's info string
 * `target=X.Y.Z` checks the half against that keepalived version.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseVersion } from "../../server/src/schema/lookup.js";
import type { Version } from "../../server/src/schema/types.js";

export const DOCS_DIR = join(__dirname, "..", "..", "docs", "rules");

export interface ExampleFile {
  /** The file's name, `keepalived.conf` unless the page names it. */
  readonly name: string;
  readonly text: string;
}

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

const FENCE = /^```(.*)$/;
const LABEL = /^([\w.-]+\.conf)(?:,\s*(wrong|right))?:\s*$/i;

export function pageExamples(code: string): PageExamples {
  const page = readFileSync(join(DOCS_DIR, `${code}.md`), "utf8");
  const start = page.indexOf("\n## Example");
  const end = start === -1 ? -1 : page.indexOf("\n## ", start + 1);
  const lines = start === -1 ? [] : page.slice(start, end === -1 ? undefined : end).split("\n");
  const halves: Record<"wrong" | "right", { files: ExampleFile[]; target?: Version }> = { wrong: { files: [] }, right: { files: [] } };
  let half: "wrong" | "right" | undefined;
  let stray = 0;
  let name: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const label = LABEL.exec(line);
    if (label) {
      name = label[1]!;
      if (label[2]) half = label[2].toLowerCase() as "wrong" | "right";
      continue;
    }
    if (/^Wrong\b/.test(line)) half = "wrong";
    else if (/^Right\b/.test(line)) half = "right";
    const fence = FENCE.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) body.push(lines[i]!);
    if (!half) {
      stray++;
      continue;
    }
    const target = /\btarget=(\S+)/.exec(fence[1]!)?.[1];
    if (target) halves[half].target = parseVersion(target);
    halves[half].files.push({ name: name ?? "keepalived.conf", text: body.join("\n") + "\n" });
    name = undefined;
  }
  return { ...halves, stray };
}

/** The text of one file of an example: the first one, or the one named. */
export function exampleText(code: string, half: "wrong" | "right", name?: string): string {
  const files = pageExamples(code)[half].files;
  const file = name === undefined ? files[0] : files.find((f) => f.name === name);
  if (!file) throw new Error(`docs/rules/${code}.md has no ${half} example${name ? ` named ${name}` : ""}`);
  return file.text;
}
