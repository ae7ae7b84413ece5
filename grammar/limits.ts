/**
 * The resource model: how much of its input one analysis may read, expand and keep, whoever
 * runs it (the CLI, the language server, a browser). A file's `include` patterns, `$NAME`
 * definitions and `~SEQ` lines are code that kalint evaluates, so a hostile or broken file must
 * meet a bound before it meets the machine's. Each bound is met with a diagnostic where it was
 * hit (once per analysis) and the rest of the input is still analysed as far as it can be.
 * docs/usage.md "Limits" lists them for users; nothing here uses a Node API.
 */

export interface Limits {
  /** Bytes of one file; a bigger file is not read at all. */
  readonly fileBytes: number;
  /** Bytes of all the files one analysis reads (the root and what it includes). */
  readonly totalBytes: number;
  /** Files one analysis reads. */
  readonly files: number;
  /** Lines one analysis reads: every line of every file, and every line expansion produces. */
  readonly lines: number;
  /** Words (tokens, comments included) one analysis parses, over the file as written and as keepalived reads it. */
  readonly words: number;
  /** Findings of one code in one file that are kept; the rest are only counted. */
  readonly findingsKept: number;
  /** Bytes of configuration text preprocessing may produce. */
  readonly expandedBytes: number;
  /** Files one include pattern may match. */
  readonly includeMatches: number;
  /** Directories include patterns may list, in one analysis. */
  readonly globDirectories: number;
  /** Directory entries include patterns may look at, in one analysis. */
  readonly globEntries: number;
  /** Patterns one include's `{a,b}` groups may expand to. */
  readonly braceAlternatives: number;
  /** How deep includes may nest. */
  readonly includeDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  fileBytes: 64 * 1024 * 1024,
  totalBytes: 128 * 1024 * 1024,
  files: 10_000,
  lines: 500_000,
  words: 1_000_000,
  findingsKept: 10_000,
  expandedBytes: 64 * 1024 * 1024,
  includeMatches: 10_000,
  globDirectories: 10_000,
  globEntries: 1_000_000,
  braceAlternatives: 1_024,
  includeDepth: 32,
};

/** `limits` over the defaults. */
export function limitsOf(limits?: Partial<Limits>): Limits {
  return limits ? { ...DEFAULT_LIMITS, ...limits } : DEFAULT_LIMITS;
}

/** Something one analysis has a bounded amount of. */
export type Resource = "totalBytes" | "files" | "lines" | "words" | "expandedBytes" | "globDirectories" | "globEntries";

/**
 * What one analysis has used of each resource. `take` says whether an amount still fits;
 * `firstReport` says which refusal of a resource is the one to report, so each limit is reported once.
 */
export class Budget {
  private readonly used: Record<Resource, number> = {
    totalBytes: 0,
    files: 0,
    lines: 0,
    words: 0,
    expandedBytes: 0,
    globDirectories: 0,
    globEntries: 0,
  };
  private readonly reported = new Set<Resource>();

  constructor(readonly limits: Limits = DEFAULT_LIMITS) {}

  /** Uses `amount` of `resource`; false (and nothing used) when that would pass the limit. */
  take(resource: Resource, amount = 1): boolean {
    if (this.used[resource] + amount > this.limits[resource]) return false;
    this.used[resource] += amount;
    return true;
  }

  /** True the first time it is asked about `resource`: callers ask once `take` refused it, to report each limit once. */
  firstReport(resource: Resource): boolean {
    if (this.reported.has(resource)) return false;
    this.reported.add(resource);
    return true;
  }
}

/** Thrown from the loops of an analysis that runs past its deadline (see `withDeadline`). */
export class DeadlineExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`analysis took longer than ${budgetMs} ms`);
  }
}

/**
 * The deadline of the analysis running now. An analysis is synchronous, so there is one at a
 * time; the loops that can run long call `checkDeadline`, which is portable to a browser Web
 * Worker, where the language service would otherwise need a thread of its own to be stopped.
 */
let deadline: { readonly at: number; readonly budgetMs: number } | undefined;
let ticks = 0;

/** Runs `fn` with a deadline `budgetMs` from now; a DeadlineExceeded from inside it propagates. */
export function withDeadline<T>(budgetMs: number | undefined, fn: () => T): T {
  if (budgetMs === undefined) return fn();
  const outer = deadline;
  // Inside another deadline, the earlier of the two holds.
  const at = Date.now() + budgetMs;
  deadline = outer && outer.at < at ? outer : { at, budgetMs };
  try {
    return fn();
  } finally {
    deadline = outer;
  }
}

/** Throws DeadlineExceeded when the running analysis is past its deadline. Cheap enough for inner loops. */
export function checkDeadline(): void {
  if (deadline === undefined || (++ticks & 63) !== 0) return;
  if (Date.now() > deadline.at) throw new DeadlineExceeded(deadline.budgetMs);
}

/** "64 MB", "1.5 MB", "900 bytes": sizes in messages, in the units users read. */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return n < 1024 ? `${n} bytes` : `${Math.round(n / 1024)} KB`;
  const mb = n / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/**
 * 1,000,000: counts in messages, grouped as toLocaleString("en-US") groups them, without it: the
 * first toLocaleString of a process loads the locale data (35-65 ms), and a summary of counted
 * findings is in many a run's output.
 */
export function formatCount(n: number): string {
  const [whole, fraction] = String(n).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
