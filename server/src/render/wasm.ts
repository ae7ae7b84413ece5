/**
 * Where the Jinja2 engine's WebAssembly comes from. The bundles (dist/kalint.js, dist/server.js)
 * ship it beside themselves as dist/minijinja.wasm (build.mjs copies it, the .vsix carries it);
 * from source it is the npm package's file. It is read only when a template is rendered, so
 * nothing else pays for it.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The file the build copies beside the bundles. */
export const WASM_NAME = "minijinja.wasm";
const PACKAGE_FILE = join("node_modules", "minijinja-js", "dist", "web", "minijinja_js_bg.wasm");

/** The engine's bytes, or undefined when neither place has them. */
export function readEngineWasm(): Uint8Array | undefined {
  try {
    return findEngineWasm();
  } catch {
    // No disk here (the browser build's shims): render mode is not available.
    return undefined;
  }
}

function findEngineWasm(): Uint8Array | undefined {
  const env = typeof process === "object" ? process.env["KALINT_MINIJINJA_WASM"] : undefined;
  const candidates: string[] = env ? [env] : [];
  const here = typeof __dirname === "string" ? __dirname : typeof process === "object" ? process.cwd() : "/";
  candidates.push(join(here, WASM_NAME));
  // From source (tests, scripts): the nearest node_modules upward.
  for (let d = here; ; d = dirname(d)) {
    candidates.push(join(d, PACKAGE_FILE));
    if (dirname(d) === d) break;
  }
  for (const c of candidates) if (existsSync(c)) return readFileSync(c);
  return undefined;
}
