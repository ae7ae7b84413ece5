/** Commands beyond check/rules/explain, registered by their own modules (fmt, diff, fleet). */
import type { CliOptions } from "../args.js";
import type { Report } from "../output/report.js";

export type Command = (o: CliOptions) => Report | number;

export const extraCommands: Partial<Record<CliOptions["command"], Command>> = {};
