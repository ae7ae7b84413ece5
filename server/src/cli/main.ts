/**
 * The kalint command. Every failure a user can cause ends as one line on stderr and exit 2;
 * a stack trace only with KALINT_DEBUG=1.
 */
import { severityRank } from "../../../grammar/index.js";
import { parseArgs, redacts, UsageError, type CliOptions } from "./args.js";
import { COMMANDS } from "./commands/index.js";
import { InputError } from "./inputs.js";
import { renderGithub } from "./output/github.js";
import { renderJson } from "./output/json.js";
import type { Report } from "./output/report.js";
import { renderSarif } from "./output/sarif.js";
import { renderText } from "./output/text.js";
import { checkRuleCodes } from "./settings.js";
import { EngineUnavailable } from "../render/unavailable.js";

/**
 * The report as output shows it: at most `--max-findings` of a code per file, and without
 * substituted values when redacting (environment values are never in it: see disclosure.ts).
 */
async function shown(report: Report, o: CliOptions): Promise<Report> {
  // Loaded with the report, as the commands are: `kalint --version` needs neither.
  const [{ capFindings }, { protect }] = await Promise.all([import("../analysis/cap.js"), import("../analysis/disclosure.js")]);
  const redact = redacts(o);
  const substituted = report.substituted ?? [];
  const how = `--max-findings ${o.maxFindings}; --max-findings 0 shows all`;
  const diagnostics = capFindings(
    redact ? report.diagnostics.map((d) => protect(d, substituted, { redact })) : report.diagnostics,
    o.maxFindings,
    how,
  );
  return { ...report, diagnostics };
}

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

export async function main(argv: readonly string[]): Promise<number> {
  let o: CliOptions;
  try {
    o = parseArgs(argv, process.env, Boolean(process.stdout.isTTY));
    checkRuleCodes(o);
  } catch (e) {
    return fail(e);
  }
  try {
    const result = await COMMANDS[o.command](o);
    if (typeof result === "number") return result;
    const report = await shown(result, o);
    const text = render(report, o);
    if (text) process.stdout.write(text + "\n");
    return exitCodeFor(report, o);
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
  if (e instanceof UsageError || e instanceof InputError || e instanceof EngineUnavailable) return `kalint: ${e.message}\n`;
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
  void main(process.argv.slice(2)).then((status) => (process.exitCode = status));
}
