/**
 * node:fs for the browser build: there is no disk. Every read fails as for a missing file, which
 * the callers already handle (an include that is not open is not found; no `.kalintrc.json`).
 */
const missing = (path: unknown): Error => Object.assign(new Error(`ENOENT: no such file in the browser: ${String(path)}`), { code: "ENOENT" });

export const existsSync = (): boolean => false;
export function readFileSync(path: unknown): never {
  throw missing(path);
}
export function readdirSync(path: unknown): never {
  throw missing(path);
}
export function statSync(path: unknown): never {
  throw missing(path);
}
export function realpathSync(path: unknown): never {
  throw missing(path);
}
export function writeFileSync(path: unknown): never {
  throw missing(path);
}
// Reading a file through one descriptor (grammar/node-host.ts, used for .kalintrc.json): opening
// fails as for a missing file, so nothing is ever read through the rest.
export const constants = { O_RDONLY: 0, O_NONBLOCK: 0, O_NOCTTY: 0, O_NOFOLLOW: 0 };
export function openSync(path: unknown): never {
  throw missing(path);
}
export function fstatSync(path: unknown): never {
  throw missing(path);
}
export function readSync(path: unknown): never {
  throw missing(path);
}
export function closeSync(): void {}
