// Section: the playground in headless Chromium (bench/web.mjs, run as its own process): page load
// to first diagnostics, keystroke to updated diagnostics on a 1,000-line node with its peer, and
// the page's bytes. Targets from issue 18.
import { runScript } from "./measure.mjs";

export const web = {
  title: "playground in Chromium (load → diagnostics, keystroke → diagnostics, bytes; bench/web.mjs)",
  run(ctx) {
    runScript(ctx, "bench/web.mjs");
  },
};
