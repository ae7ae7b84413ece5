/**
 * The docs' snippets, read from the docs: a fenced block right after a `<!-- test: NAME -->`
 * line. Tests run these, so what a user copies is what was tested.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../cli/run-kalint.js";

export function snippet(doc: string, name: string): string {
  const text = readFileSync(join(root, doc), "utf8");
  const marker = `<!-- test: ${name} -->`;
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`${doc} has no ${marker}`);
  const m = /^\s*(`{3,})[^\n]*\n([\s\S]*?)^\1\s*$/m.exec(text.slice(at + marker.length));
  if (!m || text.slice(at + marker.length).indexOf(m[0]) > 2) throw new Error(`${doc}: ${marker} is not followed by a fenced block`);
  return m[2]!;
}

/** Every marker name in a doc, so a test can check it runs them all. */
export function snippetNames(doc: string): string[] {
  return [...readFileSync(join(root, doc), "utf8").matchAll(/<!-- test: ([\w.-]+) -->/g)].map((m) => m[1]!);
}
