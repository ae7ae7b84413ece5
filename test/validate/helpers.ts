/** Test helpers: validate a configuration text and look at what came out, by code and word. */
import { parse, SourceText, type Diagnostic, type Fix } from "../../grammar/index.js";
import type { Version } from "../../server/src/schema/types.js";
import { validateSchema } from "../../server/src/validate/schema-check.js";

export const NEWEST: Version = [99, 0, 0];

export function validate(text: string, targetVersion: Version = NEWEST): Diagnostic[] {
  const file = parse(new SourceText("test.conf", text));
  return validateSchema(file, { targetVersion });
}

export interface Finding {
  readonly code: string;
  readonly severity: string;
  /** The text the diagnostic covers. */
  readonly word: string;
  /** 1-based line. */
  readonly line: number;
  readonly message: string;
  readonly fix?: Fix;
}

export function findings(text: string, targetVersion?: Version): Finding[] {
  return validate(text, targetVersion).map((d) => ({
    code: d.code,
    severity: d.severity,
    word: d.file.text.slice(d.start, d.end),
    line: d.file.positionAt(d.start).line + 1,
    message: d.message,
    ...(d.fix ? { fix: d.fix } : {}),
  }));
}

export function codes(text: string, targetVersion?: Version): string[] {
  return validate(text, targetVersion).map((d) => d.code);
}
