import { replaceWord } from "./edits.js";
import type { FileRule } from "./types.js";

/** The VRRPv2 authentication field holds 8 bytes; keepalived keeps the first 8 and drops the rest. */
const MAX_BYTES = 8;

export const authPassTruncated: FileRule = {
  scope: "file",
  code: "auth-pass-truncated",
  severity: "warning",
  category: "vrrp",
  summary: "an auth_pass longer than the 8 characters keepalived uses",
  fixable: true,
  check({ model }, report) {
    for (const inst of model.instances) {
      const pass = inst.authentication?.pass;
      const word = pass?.word;
      if (!pass || !word || Buffer.byteLength(pass.value) <= MAX_BYTES) continue;
      // Only ASCII passwords are cut at a character boundary; anything else is left to the user.
      const ascii = /^[\x21-\x7e]*$/.test(pass.value);
      const kept = pass.value.slice(0, MAX_BYTES);
      const fix = ascii && !/["#!\\]/.test(kept) ? replaceWord(word, kept, `use the ${MAX_BYTES} characters keepalived uses: ${kept}`, true) : undefined;
      report({
        at: word,
        message: `auth_pass '${pass.value}' is ${Buffer.byteLength(pass.value)} characters; keepalived uses only the first ${MAX_BYTES} ('${kept}'), so a peer expecting the whole password never matches`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
