/**
 * The commands of `kalint`, one table: main.ts dispatches from it, and each entry loads its
 * module only when the command runs, so `kalint check` never loads the differ, the formatter or
 * the cluster analysis (see the start-up figures in docs/ARCHITECTURE.md).
 */
import type { CliOptions, CommandName } from "../args.js";
import type { Report } from "../output/report.js";

/** A report to render in the chosen format, or the exit status of a command that printed its own output. */
export type CommandResult = Report | number;

export type Command = (o: CliOptions) => Promise<CommandResult>;

export const COMMANDS: Readonly<Record<CommandName, Command>> = {
  check: async (o) => (await import("./check.js")).runCheck(o),
  diff: async (o) => (await import("./diff.js")).runDiff(o),
  fleet: async (o) => (await import("./fleet.js")).runFleet(o),
  fmt: async (o) => (await import("./fmt.js")).runFmt(o),
  render: async (o) => (await import("./render.js")).runRender(o),
  explain: async (o) => (await import("./explain.js")).runExplain(o.files[0]!),
  rules: async (o) => (await import("./rules.js")).runRules(o),
  simulate: async (o) => (await import("./simulate.js")).runSimulate(o),
  lab: async (o) => (await import("./lab.js")).runLabCommand(o),
  help: async () => (await import("./help.js")).runHelp(),
  version: async () => (await import("./help.js")).runVersion(),
};
