/**
 * Loaded first, from the page's <head>: starts the language server's worker while the browser is
 * still fetching and compiling the page's script, so the two overlap (the worker's start-up is
 * most of the time to the first diagnostics). app.js takes the worker from here.
 */
(globalThis as { kalintWorker?: Worker }).kalintWorker = new Worker("kalint-worker.js");
