/** `kalint check`: lint each file as one node, optionally applying safe fixes in place. */
import { resolve } from "node:path";
import type { Diagnostic } from "../../../../grammar/index.js";
import { analyze, sortDiagnostics, type Analysis, type AnalyzeOptions } from "../../analysis/analyze.js";
import { COMMAND_NAMES, UsageError, type CliOptions } from "../args.js";
import { applyFixes } from "../fix.js";
import { expandInputs, InputError, inputName, readDecoded, type Input } from "../inputs.js";
import type { Report } from "../output/report.js";
import { analyzeOptions, settingsFor } from "../settings.js";
import { suggest } from "../../schema/lookup.js";
import { isRenderMode, runRenderMode } from "./render.js";

/** Fixes can make new fixable findings (a rename that reveals a duplicate); a few rounds settle them. */
const MAX_FIX_ROUNDS = 5;

interface Checked {
  readonly input: Input;
  readonly name: string;
  readonly analysis: Analysis;
}

export function runCheck(o: CliOptions): Report {
  if (isRenderMode(o)) return runRenderMode(o, false);
  const inputs = inputsOf(o);
  const checked: (Checked | undefined)[] = [];
  const included = new Set<string>();
  /** Template partials: checked in the block of their include site, never again on their own. */
  const partials = new Set<string>();
  let fixed = 0;
  for (const i of includersFirst(inputs)) {
    const input = inputs[i]!;
    const name = inputName(input.path, o);
    if (partOfAnother(input, name, included) || partials.has(resolve(name))) continue;
    const { text, stamp } = readDecoded(input.path);
    const settings = settingsFor(name, o);
    const options: AnalyzeOptions = { ...analyzeOptions(settings, o.configId, o, name), standalone: true };
    let analysis = analyze(name, { ...options, text, ...(stamp ? { stamp } : {}) });
    // --fix never touches a template (docs/templates.md): its words are not the rendered file's.
    const template = analysis.config.raw.template !== undefined;
    for (let round = 0; o.fix && !template && round < MAX_FIX_ROUNDS; round++) {
      const applied = applyFixes(analysis, { force: o.force });
      if (applied === 0) break;
      fixed += applied;
      analysis = analyze(name, options);
    }
    for (const f of analysis.config.files.slice(1)) included.add(resolve(f.path));
    for (const p of analysis.partials) {
      included.add(resolve(p));
      partials.add(resolve(p));
    }
    checked[i] = { input, name, analysis };
  }
  // A file checked before the file that includes it is dropped now.
  const kept = checked.filter(
    (c): c is Checked =>
      c !== undefined && !partOfAnother(c.input, c.name, included) && !(partials.has(resolve(c.name)) && !includesPartial(checked, c)),
  );
  return {
    files: kept.map((c) => c.name),
    diagnostics: merged(kept),
    substituted: kept.flatMap((c) => c.analysis.config.substituted),
    ...(o.fix ? { fixed } : {}),
  };
}

/**
 * The order to check files in: shallower paths first, so `keepalived.conf` comes before the
 * `conf.d/*.conf` it includes, which then need no check (nor fixes) of their own out of context.
 */
function includersFirst(inputs: readonly Input[]): number[] {
  const depth = (i: number) => inputs[i]!.path.split("/").length;
  return inputs.map((_, i) => i).sort((a, b) => depth(a) - depth(b) || a - b);
}

/** The files to check; `kalint chek a.conf` is more likely a mistyped command than a missing file. */
function inputsOf(o: CliOptions): Input[] {
  try {
    return expandInputs(o.files, o.as, o.template !== "none");
  } catch (e) {
    const first = o.files[0]!;
    const command = !o.commandGiven && e instanceof InputError && /^[a-z]+$/.test(first) ? suggest(first, COMMAND_NAMES) : undefined;
    if (command && (e as InputError).message.startsWith(`cannot read ${first}:`))
      throw new UsageError(`'${first}' is neither a file nor a command (did you mean ${command}?)`);
    throw e;
  }
}

/**
 * A file found while walking a directory that another checked file includes is checked as part
 * of that file (where its `$VAR`s and scripts are defined), not again on its own.
 */
function partOfAnother(input: Input, name: string, included: ReadonlySet<string>): boolean {
  return input.foundInDirectory && included.has(resolve(name));
}

/** Whether `c` is itself the file that reads a partial (a partial never drops its own includer). */
function includesPartial(checked: readonly (Checked | undefined)[], c: Checked): boolean {
  return !checked.some(
    (other) => other !== undefined && other !== c && other.analysis.partials.some((p) => resolve(p) === resolve(c.name)),
  );
}

/** Every finding once (a file included by two checked files is seen twice), sorted by file, line, column. */
function merged(checked: readonly Checked[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const c of checked) {
    for (const d of c.analysis.diagnostics) {
      const key = `${resolve(d.file.path)}\0${d.start}\0${d.end}\0${d.code}\0${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return sortDiagnostics(out);
}
