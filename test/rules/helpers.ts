/** Rule tests: a config written inline (or taken from the rule page's example), analysed through the whole pipeline. */
import { expect } from "vitest";
import type { Diagnostic, Fix } from "../../grammar/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import type { Version } from "../../server/src/schema/types.js";
import { memoryHost } from "../support/memory-host.js";

export const CONFIG = "/etc/keepalived/keepalived.conf";

export interface Seen {
  readonly code: string;
  readonly severity: string;
  readonly file: string;
  /** 1-based line of the finding's start. */
  readonly line: number;
  /** The text the finding points at. */
  readonly text: string;
  readonly message: string;
  readonly fix?: Fix;
}

function seen(d: Diagnostic): Seen {
  return {
    code: d.code,
    severity: d.severity,
    file: d.file.path,
    line: d.file.positionAt(d.start).line + 1,
    text: d.file.text.slice(d.start, d.end),
    message: d.message,
    ...(d.fix ? { fix: d.fix } : {}),
  };
}

/** Every finding of `code` for the main config, with `extra` files (include targets) beside it. */
export function findings(
  code: string,
  text: string,
  extra: Record<string, string> = {},
  options: { configId?: string; targetVersion?: Version | undefined } = {},
): Seen[] {
  const host = memoryHost({ [CONFIG]: text, ...extra });
  const { configId, targetVersion } = options;
  const result = analyze(CONFIG, { host, ...(configId ? { configId } : {}), ...(targetVersion ? { targetVersion } : {}) });
  return result.diagnostics.filter((d) => d.code === code).map(seen);
}

/**
 * For a rule about a fault of some keepalived releases: checks that each release of `silent`
 * (undefined: the default target, the newest) gives no finding of `code`, and that each of
 * `affected` gives exactly one; returns those, in the order of `affected`.
 */
export function onlyFor(
  code: string,
  text: string,
  affected: readonly (Version | undefined)[],
  silent: readonly (Version | undefined)[],
): Seen[] {
  for (const version of silent)
    expect(findings(code, text, {}, { targetVersion: version }), `target ${version?.join(".") ?? "default"}`).toEqual([]);
  return affected.map((version) => {
    const found = findings(code, text, {}, { targetVersion: version });
    expect(found, `target ${version?.join(".") ?? "default"}`).toHaveLength(1);
    return found[0]!;
  });
}

/** All codes found, for checking that a clean fixture is clean of everything. */
export function allCodes(text: string, targetVersion?: Version): string[] {
  const host = memoryHost({ [CONFIG]: text });
  return analyze(CONFIG, { host, ...(targetVersion ? { targetVersion } : {}) }).diagnostics.map(
    (d) => `${d.code}@${d.file.positionAt(d.start).line + 1}`,
  );
}

/** The text after applying a fix's edits (all in the main file). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** A file of the rule page's example (docs/rules/<code>.md): its Wrong or Right half, the first file or the one named. */
export { exampleText as example } from "../support/rule-docs.js";
