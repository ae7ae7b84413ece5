/** `kalint check`: lint each file as one node, optionally applying safe fixes in place. */
import { renameSync, writeFileSync } from "node:fs";
import { nodeFileHost, type Diagnostic, type SourceText } from "../../../../grammar/index.js";
import { analyze } from "../../analysis/analyze.js";
import type { CliOptions } from "../args.js";
import { expandOperands, readInput, stdinName } from "../inputs.js";
import type { Report } from "../output/report.js";
import { settingsFor } from "../settings.js";

export function runCheck(o: CliOptions): Report {
  const files = expandOperands(o.files);
  const names: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const name = file === "-" ? stdinName(o.stdinFilename) : file;
    const text = readInput(file);
    const settings = settingsFor(name, o);
    let analysis = analyze(name, {
      host: nodeFileHost,
      text,
      rules: settings.rules,
      ...(settings.targetVersion ? { targetVersion: settings.targetVersion } : {}),
      ...(o.configId !== undefined ? { configId: o.configId } : {}),
    });
    if (o.fix && file !== "-") {
      const fixed = applySafeFixes(analysis.config.root, analysis.diagnostics);
      if (fixed !== undefined) {
        writeAtomically(name, fixed);
        analysis = analyze(name, { host: nodeFileHost, rules: settings.rules, ...(settings.targetVersion ? { targetVersion: settings.targetVersion } : {}), ...(o.configId !== undefined ? { configId: o.configId } : {}) });
      }
    }
    names.push(name);
    diagnostics.push(...analysis.diagnostics);
  }
  return { files: names, diagnostics };
}

/** The file's text with every safe fix in it applied (overlapping edits: the first wins), or undefined. */
export function applySafeFixes(root: SourceText, diagnostics: readonly Diagnostic[]): string | undefined {
  const edits = diagnostics
    .filter((d) => d.fix?.safe && d.fix.edits.every((e) => e.file === root))
    .flatMap((d) => d.fix!.edits)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  if (edits.length === 0) return undefined;
  let out = "";
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += root.text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + root.text.slice(at);
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.kalint-${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}
