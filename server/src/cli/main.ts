/**
 * The kalint command. Every failure a user can cause ends as one line on stderr and exit 2;
 * a stack trace only with KALINT_DEBUG=1.
 */
import { severityRank } from "../../../grammar/index.js";
import { parseArgs, USAGE, UsageError, type CliOptions } from "./args.js";
import { runCheck } from "./commands/check.js";
import { runExplain } from "./commands/explain.js";
import { runRules } from "./commands/rules.js";
import { InputError } from "./inputs.js";
import { renderGithub } from "./output/github.js";
import { renderJson } from "./output/json.js";
import type { Report } from "./output/report.js";
import { renderSarif } from "./output/sarif.js";
import { renderText } from "./output/text.js";
import { checkRuleCodes } from "./settings.js";
import { VERSION } from "./version.js";
import { extraCommands } from "./commands/extra.js";
import "./commands/diff.js";
import "./commands/fleet.js";
import "./commands/fmt.js";

function render(report: Report, o: CliOptions): string {
  switch (o.format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report);
    case "github":
      return renderGithub(report);
    default:
      return renderText(report, { color: o.color, context: o.color });
  }
}

function exitCodeFor(report: Report, o: CliOptions): number {
  const bar = severityRank[o.failOn];
  return report.diagnostics.some((d) => severityRank[d.severity] >= bar) ? 1 : 0;
}

export function main(argv: readonly string[]): number {
  let o: CliOptions;
  try {
    o = parseArgs(argv, process.env, Boolean(process.stdout.isTTY));
    checkRuleCodes(o);
  } catch (e) {
    return fail(e);
  }
  try {
    switch (o.command) {
      case "help":
        process.stdout.write(USAGE + "\n");
        return 0;
      case "version":
        process.stdout.write(`kalint ${VERSION}\n`);
        return 0;
      case "rules":
        process.stdout.write(runRules(o) + "\n");
        return 0;
      case "explain":
        return runExplain(o.files[0]!);
      case "check": {
        const report = runCheck(o);
        const text = render(report, o);
        if (text) process.stdout.write(text + "\n");
        return exitCodeFor(report, o);
      }
      default: {
        const extra = extraCommands[o.command];
        if (!extra) throw new UsageError(`the ${o.command} command is not available in this build`);
        const result = extra(o);
        if (typeof result === "number") return result;
        const text = render(result, o);
        if (text) process.stdout.write(text + "\n");
        return exitCodeFor(result, o);
      }
    }
  } catch (e) {
    return fail(e);
  }
}

function fail(e: unknown): number {
  if (e instanceof UsageError || e instanceof InputError) {
    process.stderr.write(`kalint: ${e.message}\n`);
    if (e instanceof UsageError) process.stderr.write("run 'kalint --help' for usage\n");
    return 2;
  }
  process.stderr.write(`kalint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
  if (process.env["KALINT_DEBUG"] === "1") process.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
  return 2;
}

if (process.env.KALINT_BUNDLED === "1") {
  process.exitCode = main(process.argv.slice(2));
}
