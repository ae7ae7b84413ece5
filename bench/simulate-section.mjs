// Section: `kalint simulate` (bench/simulate.mjs, run as its own process).
import { runScript } from "./measure.mjs";

export const simulate = {
  title: "kalint simulate (a pair; 250/500/1,000 clusters; bench/simulate.mjs)",
  run(ctx) {
    runScript(ctx, "bench/simulate.mjs");
  },
};
