/**
 * The command words, and the options that make a command render a template. A module with no
 * imports because two programs read it: the CLI (args.ts) and, at build time, the bundle's loader
 * (build.mjs writes these lists into scripts/code-cache.mjs's wrapper, which keeps one compile
 * cache per kind of run, chosen before the bundle itself is compiled).
 */
export const COMMAND_NAMES = ["check", "diff", "fleet", "fmt", "render", "explain", "rules", "simulate", "lab", "help", "version"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** The options whose presence puts check, diff, render and simulate in render mode (isRenderMode). */
export const RENDER_MODE_OPTIONS = ["--vars", "--defaults", "--node", "--inventory"] as const;
