/**
 * node:fs for the browser build: there is no disk. Every call that would reach one fails as for a
 * missing file, which the callers already handle (an include that is not open is not found; no
 * `.kalintrc.json`). Reading through one descriptor (grammar/node-host.ts, used for
 * .kalintrc.json) fails at the open, so nothing is ever read through the rest.
 */
function absent(path: unknown): never {
  throw Object.assign(new Error(`ENOENT: no such file in the browser: ${String(path)}`), { code: "ENOENT" });
}

export const existsSync = (): boolean => false;
export const constants = { O_RDONLY: 0, O_NONBLOCK: 0, O_NOCTTY: 0, O_NOFOLLOW: 0 };
export function closeSync(): void {}
export {
  absent as fstatSync,
  absent as openSync,
  absent as readdirSync,
  absent as readFileSync,
  absent as readSync,
  absent as realpathSync,
  absent as statSync,
  absent as writeFileSync,
};
