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
import "./commands/simulate.js";
import "./commands/lab.js";

function render(report: Report, o: CliOptions): string {
  switch (o.format) {
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report);
    case "github":
      return renderGithub(report);
    default:
      return renderText(report, { color: o.color, context: o.tty });
  }
}

function exitCodeFor(report: Report, o: CliOptions): number {
  const bar = severityRank[o.failOn];
  return report.diagnostics.some((d) => severityRank[d.severity] >= bar) ? 1 : 0;
}

export function main(argv: readonly string[]): number | Promise<number> {
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
        if (result instanceof Promise) return result.catch(fail);
        const text = render(result, o);
        if (text) process.stdout.write(text + "\n");
        return exitCodeFor(result, o);
      }
    }
  } catch (e) {
    return fail(e);
  }
}

/**
 * The one line (exit 2) for a failure. Mistakes a user can make (bad options, unreadable files,
 * bad rc files) say what is wrong; anything else is a bug, reported as an internal error, with
 * its stack trace only when KALINT_DEBUG=1.
 */
export function describeFailure(e: unknown, debug: boolean): string {
  if (e instanceof UsageError || e instanceof InputError) return `kalint: ${e.message}\n`;
  const message = e instanceof Error ? e.message : String(e);
  const stack = debug && e instanceof Error && e.stack ? `${e.stack}\n` : "";
  return `kalint: internal error: ${message.split("\n")[0]}${debug ? "" : " (KALINT_DEBUG=1 shows where)"}\n${stack}`;
}

function fail(e: unknown): number {
  process.stderr.write(describeFailure(e, process.env["KALINT_DEBUG"] === "1"));
  return 2;
}

if (process.env.KALINT_BUNDLED === "1") {
  // `kalint ... | head` closes the pipe early: that is the reader's choice, not an error to trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = main(process.argv.slice(2));
  if (typeof code === "number") process.exitCode = code;
  else void code.then((c) => (process.exitCode = c));
}
