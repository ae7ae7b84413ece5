/**
 * Wraps the CLI bundle so that V8's compiled code is kept between runs.
 *
 * Compiling the 650 KB bundle, and the functions it compiles lazily while it runs, is about a
 * third of a `kalint check` of a small file (node 20 has no built-in compile cache; node 22's
 * module.enableCompileCache does the same job). The wrapped file is still one self-contained
 * script: it holds the bundle as a string, compiles it with `vm.Script` handing V8 the cache of
 * an earlier run, and writes a cache at exit when there was none or V8 refused it.
 *
 * The cache lives in $KALINT_CACHE_DIR, else $XDG_CACHE_HOME/kalint, else ~/.cache/kalint; one
 * file per bundle (by content hash), node version and architecture. V8 checks only the source
 * length, so the content hash in the name is what keeps an old cache from a new bundle.
 * KALINT_CODE_CACHE=0 turns it off. Any failure (a read-only home, a full disk, a corrupt file)
 * falls back to plain compilation, silently: the cache only ever saves time. A directory or
 * file owned by another user, or writable by group or others, is neither read nor written:
 * V8 would run whatever code such a file held, and kalint often runs as root.
 */
import { createHash } from "node:crypto";

/** Runs inside the wrapped file; `SOURCE` and `BUILD` are defined just before it. */
function loader() {
  const vm = require("node:vm");
  const fs = require("node:fs");
  const path = require("node:path");
  const os = require("node:os");
  const env = process.env;
  // V8 runs cached code without checking it, so a cache someone else could have written is
  // never read (nor written to): ours alone, and writable by nobody else, as ssh wants of ~/.ssh.
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const private_ = (st) => (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
  let dir;
  let file;
  let cachedData;
  if (env.KALINT_CODE_CACHE !== "0") {
    try {
      dir = env.KALINT_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "kalint");
      file = path.join(dir, `${BUILD}-${process.version}-${process.arch}.v8cache`);
      const d = fs.statSync(dir, { throwIfNoEntry: false });
      if (d && !(d.isDirectory() && private_(d))) file = undefined;
      const f = file && d ? fs.lstatSync(file, { throwIfNoEntry: false }) : undefined;
      if (f && !(f.isFile() && private_(f))) file = undefined;
      else if (f) cachedData = fs.readFileSync(file);
    } catch {
      file = cachedData = undefined;
    }
  }
  const script = new vm.Script(SOURCE, { filename: __filename, cachedData });
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit the cache also holds every function compiled while the command ran.
    process.once("exit", () => {
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (!private_(fs.statSync(dir))) return;
        for (const old of fs.readdirSync(dir)) if (old.endsWith(".v8cache") && !old.startsWith(BUILD)) fs.rmSync(path.join(dir, old), { force: true });
        const temporary = `${file}.${process.pid}`;
        // "wx": never through a file (or link) that is already there.
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600, flag: "wx" });
        fs.renameSync(temporary, file);
      } catch {
        // Not writable: run uncached next time too.
      }
    });
  }
  script.runInThisContext()(exports, require, module, __filename, __dirname);
}

/** The self-contained script that runs `bundle` (a CommonJS bundle, shebang removed) through the cache. */
export function withCodeCache(bundle, shebang = "#!/usr/bin/env node") {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bundle}\n})`;
  const build = createHash("sha256").update(wrapped).digest("hex").slice(0, 16);
  return [
    shebang,
    '"use strict";',
    `const BUILD = ${JSON.stringify(build)};`,
    `const SOURCE = ${JSON.stringify(wrapped)};`,
    `(${loader.toString()})();`,
    "",
  ].join("\n");
}
