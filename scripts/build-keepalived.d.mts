/** Types of scripts/build-keepalived.mjs for the TypeScript that imports it (the differential harness). */
export interface Release {
  readonly version: string;
  /** The upstream archive in ../shared/keepalived-src the release is built from. */
  readonly archive?: string;
  /** The distribution's binary, for a release taken from its package instead. */
  readonly system?: string;
  readonly shippedBy: string;
}
export const RELEASES: readonly Release[];
export const DEBIAN_OPTIONS: readonly string[];
export function defaultCacheDir(env?: NodeJS.ProcessEnv): string;
export function releaseBinary(
  version: string,
  cache?: string,
): { readonly path: string; readonly reason?: undefined } | { readonly path?: undefined; readonly reason: string };
export function recipe(version: string): string;
export function versionOf(binary: string): string | undefined;
