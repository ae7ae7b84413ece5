/** Types of bench/measure.mjs's timing helpers for the TypeScript that imports them (test/bench/measure.test.ts). */
export interface Sample {
  readonly seconds: number;
  readonly peakMB?: number;
  readonly exit?: number | null;
}
export interface Failed {
  readonly error: string;
}
export interface Timing {
  readonly min: number;
  readonly median: number;
  readonly samples: number;
  readonly peakMB?: number;
  readonly exit?: number | null;
}
export interface PairRatio {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly pairs: number;
}
export interface Paired<S extends Sample> {
  readonly measure: Timing;
  readonly reference?: Timing;
  readonly ratio?: PairRatio;
  readonly samples: { readonly measure: S[]; readonly reference: Sample[] };
  readonly error?: undefined;
}
export function runOnce(
  cmd: string,
  args: readonly string[],
  options?: { cwd?: string; expectExit?: readonly (number | null)[] },
): Sample | Failed;
export function timeCommand(
  cmd: string,
  args: readonly string[],
  options?: { runs?: number; cwd?: string; expectExit?: readonly (number | null)[] },
): Timing | Failed;
export function series(samples: readonly Sample[]): Timing;
export function interleave<K extends string, S extends Sample>(
  rounds: number,
  measures: Record<K, () => S | Failed>,
): { readonly rounds: Record<K, S>[]; readonly error?: undefined } | Failed;
export function paired<S extends Sample>(rounds: number, measure: () => S | Failed, reference?: () => Sample | Failed): Paired<S> | Failed;
export function percentile(samples: readonly number[], p: number): number;
export function stats(samples: readonly number[]): { readonly min: number; readonly median: number; readonly samples: number };
export const PAIRS: number;
