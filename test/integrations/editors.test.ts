/**
 * The editor configurations of docs/editors.md, read from the docs. Neovim (Debian's 0.7.2) runs
 * its filetype block and the nvim-lspconfig server file for real: headless, on the sample paths,
 * with the server installed from a release of this checkout. Helix, Emacs, Sublime Text and Zed
 * are not packaged for Debian: their blocks are parsed with each format's parser and their file
 * patterns matched against the sample paths by each editor's documented rules.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { built, CLEAN, root, WITH_ERROR } from "../cli/run-kalint.js";
import { editorTakesAsOriginal, globRegExp, SAMPLES, TEMPLATES } from "./file-patterns.js";

const TEMPLATES_FIRST = TEMPLATES[0];
import { has, installRelease, releaseRepo, removeScratch, scratchDir, VERSION } from "./release.js";
import { snippet } from "./snippets.js";

afterAll(removeScratch);
const DOC = "docs/editors.md";
const BIN = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { bin: Record<string, string> };
const python = (code: string, input: string): unknown => {
  const r = spawnSync("python3", ["-c", `import json,sys\n${code}`], { input, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
const toml = (text: string) => python("import tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))", text);
const yaml = (text: string) => python("import yaml; print(json.dumps(yaml.safe_load(sys.stdin)))", text);
const hasPy = (module: string) => has("python3", "-c", `import ${module}`);

const nvimReady = built && has("nvim") && has("git");
if (!nvimReady)
  console.warn(
    `editors.test.ts: the Neovim test is SKIPPED: ${!built ? "dist/ is not built" : "nvim is not installed (apt-get install -y neovim)"}`,
  );

const HARNESS = `
-- What nvim-lspconfig (or vim.lsp.enable on 0.11) does with a server file, in Neovim 0.7's API:
-- start one client per root (found from root_markers) for buffers of its filetypes.
local config = dofile(os.getenv("KALINT_LSP_CONFIG"))
local function root_of(path)
  local dir = vim.fn.fnamemodify(path, ":h")
  while true do
    for _, marker in ipairs(config.root_markers) do
      if vim.loop.fs_stat(dir .. "/" .. marker) then return dir end
    end
    local parent = vim.fn.fnamemodify(dir, ":h")
    if parent == dir then return nil end
    dir = parent
  end
end
local clients = {}
vim.api.nvim_create_autocmd("FileType", {
  pattern = config.filetypes,
  callback = function(args)
    local path = vim.api.nvim_buf_get_name(args.buf)
    local root = root_of(path) or vim.fn.fnamemodify(path, ":h")
    clients[root] = clients[root] or vim.lsp.start_client({ name = "kalint", cmd = config.cmd, root_dir = root, settings = config.settings })
    vim.lsp.buf_attach_client(args.buf, clients[root])
  end,
})
`;

const DRIVER = `
vim.o.hidden = true
local out = { filetypes = {}, diagnostics = {}, errors = {} }
local ok, err = pcall(function()
  for _, path in ipairs(vim.fn.json_decode(os.getenv("KALINT_PATHS"))) do
    vim.cmd("edit " .. vim.fn.fnameescape(path))
    out.filetypes[path] = vim.bo.filetype
  end
  local buf = vim.fn.bufnr(os.getenv("KALINT_ERROR_FILE"))
  vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(out.diagnostics, { line = d.lnum, code = code, message = d.message })
  end
end)
if not ok then table.insert(out.errors, tostring(err)) end
local f = io.open(os.getenv("KALINT_OUT"), "w")
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd("qa!")
`;

describe.runIf(nvimReady)("Neovim 0.7 with the docs' filetype block and nvim-lspconfig server file", () => {
  test("keepalived files and templates get the filetype and kalint's diagnostics; other files neither", () => {
    const bin = installRelease(releaseRepo());
    const dir = scratchDir("kalint-nvim-editors-");
    const project = join(dir, "project");
    mkdirSync(join(project, ".git"), { recursive: true });
    const errorFile = join(project, SAMPLES[0]!.path);
    for (const s of SAMPLES) {
      mkdirSync(dirname(join(project, s.path)), { recursive: true });
      writeFileSync(join(project, s.path), s.kind === "other" ? "key = value\n" : CLEAN);
    }
    writeFileSync(errorFile, WITH_ERROR);
    writeFileSync(join(dir, "kalint.lua"), snippet(DOC, "nvim-lspconfig"));
    writeFileSync(join(dir, "init.lua"), `vim.g.do_filetype_lua = 1\n${snippet(DOC, "nvim-filetype")}\n${HARNESS}`);
    writeFileSync(join(dir, "driver.lua"), DRIVER);
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env["PATH"]}`,
      XDG_CONFIG_HOME: join(dir, "config"),
      XDG_DATA_HOME: join(dir, "data"),
      XDG_STATE_HOME: join(dir, "state"),
      KALINT_LSP_CONFIG: join(dir, "kalint.lua"),
      KALINT_PATHS: JSON.stringify(SAMPLES.map((s) => join(project, s.path))),
      KALINT_ERROR_FILE: errorFile,
      KALINT_OUT: join(dir, "out.json"),
    };
    const r = spawnSync(
      "nvim",
      ["--headless", "-u", join(dir, "init.lua"), "-i", "NONE", "-n", "-c", `luafile ${join(dir, "driver.lua")}`],
      { cwd: project, env, encoding: "utf8", timeout: 90_000 },
    );
    const out = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as {
      filetypes: Record<string, string>;
      diagnostics: { line: number; code: string }[];
      errors: string[];
    };
    expect(out.errors, r.stderr).toEqual([]);
    const filetypes = Object.fromEntries(SAMPLES.map((s) => [s.path, out.filetypes[join(project, s.path)] === "keepalived"]));
    expect(filetypes).toEqual(Object.fromEntries(SAMPLES.map((s) => [s.path, s.kind !== "other" || editorTakesAsOriginal(s.path)])));
    // (the sample files share a virtual address, so the server also pairs them as peers)
    expect(out.diagnostics.map((d) => `${d.line + 1} ${d.code}`)).toContain("3 unknown-keyword");
  }, 120_000);
});

describe("the nvim-lspconfig file and the mason package", () => {
  test("the server file names a command the package installs", () => {
    const lua = snippet(DOC, "nvim-lspconfig");
    expect(lua).toMatch(/^---@brief\n/);
    expect(lua).toMatch(/---@type vim\.lsp\.Config\nreturn \{/);
    const cmd = /cmd = \{ "([^"]+)", "--stdio" \}/.exec(lua)?.[1];
    expect(Object.keys(BIN.bin)).toContain(cmd);
  });

  test.runIf(hasPy("yaml"))("mason: the npm package at this version, its bins, the lspconfig name", () => {
    const pkg = yaml(snippet(DOC, "mason-package")) as {
      name: string;
      source: { id: string };
      bin: Record<string, string>;
      neovim: { lspconfig: string };
      licenses: string[];
      categories: string[];
    };
    expect(pkg.source.id).toBe(`pkg:npm/kalint@${VERSION}`);
    expect(pkg.bin).toEqual(Object.fromEntries(Object.keys(BIN.bin).map((b) => [b, `npm:${b}`])));
    expect(pkg.neovim.lspconfig).toBe("kalint");
    expect(pkg.licenses).toEqual([(JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { license: string }).license]);
    expect(pkg.categories).toContain("LSP");
  });
});

describe.runIf(hasPy("tomllib"))("Helix languages.toml", () => {
  test("parses; its globs, as Helix applies them to the full path, claim exactly the sample keepalived files and templates", () => {
    const cfg = toml(snippet(DOC, "helix-languages")) as {
      "language-server": Record<string, { command: string; args: string[] }>;
      language: { name: string; "file-types": ({ glob: string } | string)[]; "language-servers": string[] }[];
    };
    const lang = cfg.language[0]!;
    expect(lang["language-servers"]).toEqual(["kalint"]);
    expect(Object.keys(BIN.bin)).toContain(cfg["language-server"]["kalint"]!.command);
    // Helix: a glob that is not absolute and does not start with a glob character gets "*/" in front.
    const globs = lang["file-types"]
      .map((f) => (typeof f === "string" ? `*.${f}` : /^[/*]/.test(f.glob) ? f.glob : `*/${f.glob}`))
      .map(globRegExp);
    for (const s of SAMPLES)
      expect(
        globs.some((g) => g.test(`/home/user/site/${s.path}`)),
        s.path,
      ).toBe(s.kind !== "other");
  });
});

/** An Emacs regexp written in an elisp string, as a JavaScript RegExp. */
function emacsRegExp(source: string): RegExp {
  const regexp = source.replace(/\\(.)/g, "$1"); // the string's escapes: \\ is one backslash
  let js = "";
  for (let i = 0; i < regexp.length; i++) {
    const c = regexp[i]!;
    if (c === "\\") {
      const n = regexp[++i]!;
      js += n === "(" || n === ")" || n === "|" ? n : n === "'" ? "$" : `\\${n}`; // \( \) \| groups; \' the end
    } else js += "()|".includes(c) ? `\\${c}` : c; // bare ( ) | are literal characters in Emacs
  }
  return new RegExp(js);
}

describe("Emacs auto-mode-alist", () => {
  test("the regexps, translated from Emacs syntax, claim exactly the sample keepalived files and templates", () => {
    const elisp = snippet(DOC, "emacs-eglot");
    const template = /\(template "((?:[^"\\]|\\.)*)"\)/.exec(elisp)![1]!;
    const alists = [...elisp.matchAll(/\(concat "((?:[^"\\]|\\.)*)" template\)/g)].map((m) => m[1]! + template);
    expect(alists).toHaveLength(2);
    const res = alists.map(emacsRegExp);
    for (const s of SAMPLES)
      expect(
        res.some((r) => r.test(`/home/user/site/${s.path}`)),
        s.path,
      ).toBe(s.kind !== "other");
    expect(elisp).toContain('("keepalived-language-server" "--stdio")');
  });
});

// Emacs is not installed by .ci/run (about a minute of packages for one test): this runs where
// emacs-nox and elpa-eglot are installed, and says it skipped elsewhere.
const emacsReady = built && has("emacs", "--batch", "-q", "--eval", "(progn (require 'package) (package-initialize) (require 'eglot))");
if (!emacsReady)
  console.warn("editors.test.ts: the Emacs test is SKIPPED: emacs with eglot is not installed (apt-get install -y emacs-nox elpa-eglot)");

const EMACS_DRIVER = `
(require 'package)
(package-initialize)
(require 'eglot)
(require 'json)
(load-file (getenv "KALINT_SNIPPET"))
(let ((modes '()) (diags '()) (target nil))
  (dolist (p (split-string (getenv "KALINT_PATHS") "\n" t))
    (with-current-buffer (find-file-noselect p)
      (push (cons p (symbol-name major-mode)) modes)
      ;; eglot-ensure connects from post-command-hook, which batch mode never runs
      (run-hooks 'post-command-hook)
      (when (string= p (getenv "KALINT_ERROR_FILE")) (setq target (current-buffer)))))
  (with-current-buffer target
    (let ((deadline (+ (float-time) 30)))
      (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
        (accept-process-output nil 0.1)
        (when flymake-mode (flymake-start))))
    (dolist (d (flymake-diagnostics))
      (push (vector (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)) diags)))
  (with-temp-file (getenv "KALINT_OUT")
    (insert (json-encode (list (cons 'modes modes) (cons 'diagnostics diags))))))
(kill-emacs 0)
`;

describe.runIf(emacsReady)("Emacs with the docs' eglot block", () => {
  test("keepalived files and templates open in keepalived-mode and kalint's diagnostics reach Flymake", () => {
    const bin = installRelease(releaseRepo());
    const dir = scratchDir("kalint-emacs-");
    const project = join(dir, "project");
    mkdirSync(join(project, ".git"), { recursive: true });
    const errorFile = join(project, TEMPLATES_FIRST);
    for (const s of SAMPLES) {
      mkdirSync(dirname(join(project, s.path)), { recursive: true });
      writeFileSync(join(project, s.path), s.kind === "other" ? "key = value\n" : CLEAN);
    }
    writeFileSync(errorFile, WITH_ERROR);
    writeFileSync(join(dir, "snippet.el"), snippet(DOC, "emacs-eglot"));
    writeFileSync(join(dir, "driver.el"), EMACS_DRIVER);
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env["PATH"]}`,
      HOME: dir,
      KALINT_SNIPPET: join(dir, "snippet.el"),
      KALINT_PATHS: SAMPLES.map((s) => join(project, s.path)).join("\n"),
      KALINT_ERROR_FILE: errorFile,
      KALINT_OUT: join(dir, "out.json"),
    };
    const r = spawnSync("emacs", ["--batch", "-q", "-l", join(dir, "driver.el")], { cwd: project, env, encoding: "utf8", timeout: 90_000 });
    const out = JSON.parse(readFileSync(join(dir, "out.json"), "utf8") || "{}") as {
      modes?: Record<string, string>;
      diagnostics?: [number, string][];
    };
    expect(out.modes, r.stderr).toBeDefined();
    expect(Object.fromEntries(SAMPLES.map((s) => [s.path, out.modes![join(project, s.path)] === "keepalived-mode"]))).toEqual(
      Object.fromEntries(SAMPLES.map((s) => [s.path, s.kind !== "other" || editorTakesAsOriginal(s.path)])),
    );
    expect((out.diagnostics ?? []).map(([line, text]) => `${line} ${/\[([a-z-]+)\]/.exec(text)?.[1]}`)).toContain("3 unknown-keyword");
  }, 120_000);
});

describe.runIf(hasPy("yaml"))("Sublime Text", () => {
  test("the syntax parses and claims keepalived.conf names and templates by name, keepalived content by its first line", () => {
    const syntax = yaml(snippet(DOC, "sublime-syntax")) as {
      scope: string;
      file_extensions: string[];
      first_line_match: string;
      contexts: { main: { match: string }[] };
    };
    const lsp = JSON.parse(snippet(DOC, "sublime-lsp")) as { clients: Record<string, { command: string[]; selector: string }> };
    expect(lsp.clients["kalint"]!.selector).toBe(syntax.scope);
    expect(Object.keys(BIN.bin)).toContain(lsp.clients["kalint"]!.command[0]);
    const byName = (p: string) => syntax.file_extensions.some((e) => p.split("/").pop() === e || p.endsWith(`.${e}`));
    for (const s of SAMPLES) if (!s.path.includes("keepalived/")) expect(byName(s.path), s.path).toBe(s.kind !== "other");
    const first = new RegExp(syntax.first_line_match);
    expect(CLEAN.split("\n").map((l) => first.test(l))[0]).toBe(true);
    expect(["key = value", "server {", "[section]"].some((l) => first.test(l))).toBe(false);
    expect(first.test("# keepalived for lb1")).toBe(true);
    for (const c of syntax.contexts.main) expect(() => new RegExp(c.match)).not.toThrow();
  });
});

describe.runIf(hasPy("tomllib"))("Zed", () => {
  test("the extension and language parse; path_suffixes and file_types claim exactly the sample keepalived files and templates", () => {
    const ext = toml(snippet(DOC, "zed-extension")) as {
      id: string;
      version: string;
      language_servers: Record<string, { languages: string[] }>;
    };
    const lang = toml(snippet(DOC, "zed-language")) as { name: string; path_suffixes: string[] };
    const settings = JSON.parse(snippet(DOC, "zed-settings")) as { file_types: Record<string, string[]> };
    expect(ext.version).toBe(VERSION);
    expect(ext.language_servers["kalint"]!.languages).toEqual([lang.name]);
    const globs = settings.file_types[lang.name]!.map(globRegExp);
    // Zed: a path suffix matches a file's extension or its whole name.
    const bySuffix = (p: string) => lang.path_suffixes.some((s) => p.split("/").pop() === s || (p.endsWith(`.${s}`) && !s.includes(".")));
    for (const s of SAMPLES) expect(bySuffix(s.path) || globs.some((g) => g.test(s.path)), s.path).toBe(s.kind !== "other");
    const rust = snippet(DOC, "zed-lib");
    expect(rust).toContain(`which("${Object.keys(BIN.bin).find((b) => b.includes("server"))}")`);
    expect(rust).toMatch(/register_extension!\(Kalint\)/);
  });
});

test("every marked block of docs/editors.md is used by a test here", async () => {
  const { snippetNames } = await import("./snippets.js");
  const source = readFileSync(__filename, "utf8");
  for (const name of snippetNames(DOC)) expect(source, name).toContain(`"${name}"`);
});
