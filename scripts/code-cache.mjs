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
 * file per bundle (by content hash), kind of run (cacheKind), node version and architecture. V8
 * checks only the source length, so the content hash in the name is what keeps an old cache from
 * a new bundle.
 * KALINT_CODE_CACHE=0 turns it off. Any failure (a read-only home, a full disk, a corrupt file)
 * falls back to plain compilation, silently: the cache only ever saves time. Where kalint
 * cannot show that nobody else could have written the cache (see openCodeCache), it uses none.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

// openCodeCache's source runs in the (CommonJS) wrapped bundle, where `require` is the real one.
const require = createRequire(import.meta.url);

/**
 * The cache file to use and its bytes, both undefined when there must be none. Runs inside the
 * wrapped file (its source is copied there) and in tests; `BUILD` names the bundle.
 *
 * V8 runs cached code without checking it, and kalint often runs as root, so a cache is used
 * only where nobody else could have put it, shown on what is actually opened: every folder from
 * `/` down to the cache folder (links resolved first) belongs to root or the user and no one
 * else may write to it (a root-owned sticky folder such as /tmp is allowed above the cache
 * folder: others cannot rename what is ours in it); the cache folder itself and the file belong
 * to the user, or root, and no one else may write to them; and the file is opened once, without
 * following a link, its owner and mode read from that descriptor, its bytes read through it.
 */
export function openCodeCache(env, uid, BUILD, kind = "check") {
  const fs = require("node:fs");
  const path = require("node:path");
  const os = require("node:os");
  if (env.KALINT_CODE_CACHE === "0") return {};
  /** The real path of `dir`, when every folder from / to it is safe; for a folder not yet made, of its nearest existing ancestor plus the rest. */
  const safeFolder = (dir) => {
    let real;
    let rest = "";
    for (let d = dir; ;) {
      try {
        real = fs.realpathSync(d);
        break;
      } catch {
        const up = path.dirname(d);
        if (up === d) return undefined;
        rest = path.join(path.basename(d), rest);
        d = up;
      }
    }
    for (let d = real, first = true; ; first = false) {
      const st = fs.lstatSync(d);
      const sticky = (st.mode & 0o1000) !== 0 && st.uid === 0 && !first;
      if (!st.isDirectory() || !(isPrivate(st, uid) || sticky)) return undefined;
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
    return rest ? path.join(real, rest) : real;
  };
  try {
    const configured = env.KALINT_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "kalint");
    const dir = safeFolder(path.resolve(configured));
    if (dir === undefined) return {};
    const file = path.join(dir, `${BUILD}-${kind}-${process.version}-${process.arch}.v8cache`);
    let fd;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    } catch (e) {
      // None yet: one may be written at exit. A link (ELOOP) or anything else: none at all.
      return e.code === "ENOENT" ? { dir, file } : {};
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile() || !isPrivate(st, uid)) return {};
      return { dir, file, cachedData: fs.readFileSync(fd) };
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return {};
  }
}

/**
 * Which cache a run keeps: one per command, and another for a command in render mode. A cache
 * holds the functions compiled by the run that wrote it, and one V8 accepts is never rewritten:
 * shared by every run, the first to write it (often `--version`) would leave out the checker,
 * the renderer and the simulation, which every later run then compiled again (a check of a small
 * file: 12 % of its time). `kinds` is command-words.ts's lists; `argv` the arguments after the script.
 */
export function cacheKind(argv, kinds) {
  const command = kinds.commands.includes(argv[0]) ? argv[0] : argv.some((a) => a === "-" || !a.startsWith("-")) ? "check" : "options";
  const rendering = argv.some((a) => kinds.template.some((o) => a === o || a.startsWith(`${o}=`)));
  return rendering ? `${command}-template` : command;
}

/** A cache folder or file (or a folder above it) belongs to the user or root, and no one else may write to it. */
function isPrivate(st, uid) {
  return (uid === undefined || st.uid === uid || st.uid === 0) && (st.mode & 0o022) === 0;
}

/** Runs inside the wrapped file; `SOURCE` and `BUILD` are defined just before it. */
function loader() {
  const vm = require("node:vm");
  const fs = require("node:fs");
  const path = require("node:path");
  // Set before the bundle is compiled: V8 checks a code cache against its flags.
  require("node:v8").setFlagsFromString(V8_FLAGS);
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  const { dir, file, cachedData } = openCodeCache(process.env, uid, BUILD, cacheKind(process.argv.slice(2), KINDS));
  const script = new vm.Script(SOURCE, { filename: __filename, cachedData });
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    // At exit the cache also holds every function compiled while the command ran.
    process.once("exit", () => {
      try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        // The folder made (or found) must still be ours alone before anything goes into it.
        const st = fs.lstatSync(dir);
        if (!st.isDirectory() || !isPrivate(st, uid)) return;
        const names = fs.readdirSync(dir).filter((f) => f.endsWith(".v8cache"));
        for (const old of names) if (!old.startsWith(BUILD)) fs.rmSync(path.join(dir, old), { force: true });
        // One file per kind of run: a bound on how many, whatever words the runs were given.
        if (names.filter((f) => f.startsWith(BUILD)).length >= MAX_KINDS) return;
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

/**
 * V8 settings for a CLI run. One run renders a template at most a few times: V8's optimizing
 * compiler for WebAssembly compiled the Jinja2 engine's hot functions on the second core for
 * longer than they then ran (render mode: 0.70x the CPU and 0.83x the wall time without it, and
 * still 0.90x the CPU on a 20,000-line template); the language server, which renders on every
 * keystroke for hours, keeps it. And the engine's memory bound, `enginePages`
 * (server/src/render/bounds.ts, ENGINE_MEMORY_PAGES), which the language server sets too.
 */
export function v8Flags(enginePages) {
  return `--liftoff-only --wasm-max-mem-pages=${enginePages}`;
}

/** The most cache files one build keeps (commands, each also in render mode, and runs with options only). */
const MAX_KINDS = 32;

/**
 * The self-contained script that runs `bundle` (a CommonJS bundle, shebang removed) through the
 * cache; `kinds` holds the command words and the render-mode options (cacheKind), `enginePages`
 * the Jinja2 engine's memory bound (v8Flags).
 */
export function withCodeCache(bundle, { kinds, enginePages }, shebang = "#!/usr/bin/env node") {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bundle}\n})`;
  const build = createHash("sha256").update(wrapped).digest("hex").slice(0, 16);
  return [
    shebang,
    '"use strict";',
    `const BUILD = ${JSON.stringify(build)};`,
    `const SOURCE = ${JSON.stringify(wrapped)};`,
    `const KINDS = ${JSON.stringify({ commands: kinds.commands, template: kinds.template })};`,
    `const MAX_KINDS = ${MAX_KINDS};`,
    `const V8_FLAGS = ${JSON.stringify(v8Flags(enginePages))};`,
    isPrivate.toString(),
    cacheKind.toString(),
    openCodeCache.toString(),
    `(${loader.toString()})();`,
    "",
  ].join("\n");
}
