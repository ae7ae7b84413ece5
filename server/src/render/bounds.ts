/**
 * What one rendering may use (docs/templates.md, "Bounded"). A module with no imports because two
 * programs read it: the renderer (engine.ts, the language server's main) and, at build time, the
 * CLI bundle's loader (build.mjs writes the memory bound into its V8 flags).
 */
/**
 * Steps one rendering may take (minijinja's fuel: about 50 ns a step here). A template is a
 * program, and one from a pull request or a workspace may loop for ever (`range()` in three nested
 * loops): 10 million steps is 200 times what the 20,000-line bench template takes per node, and
 * half a second.
 */
export const RENDER_FUEL = 10_000_000;

/**
 * The engine's memory, in 64 KiB WebAssembly pages: 256 MB. A one-line template can ask for
 * gigabytes (`{{ 'x' * 1000000000 }}`); past this the engine stops with a trap. V8 takes the bound
 * as a flag (--wasm-max-mem-pages) that each Node entry sets before the engine loads: the CLI's
 * loader (build.mjs writes it there from this constant) and the language server's main. kalint's
 * tests render without it.
 */
export const ENGINE_MEMORY_PAGES = 4096;
