/** Commands beyond check/rules/explain, registered by their own modules (fmt, diff, fleet). */
import type { CliOptions } from "../args.js";
import type { Report } from "../output/report.js";

/** A command returns its report, its exit code, or (the lab, which waits on daemons) a promise of one. */
export type Command = (o: CliOptions) => Report | number | Promise<number>;

export const extraCommands: Partial<Record<CliOptions["command"], Command>> = {};
