import { isOpaque, literalPart } from "../../../grammar/index.js";
import { replaceWord } from "./edits.js";
import type { FileRule } from "./types.js";

/** The VRRPv2 authentication field holds 8 bytes; keepalived keeps the first 8 and drops the rest. */
const MAX_BYTES = 8;

export const authPassTruncated: FileRule = {
  code: "auth-pass-truncated",
  check({ model }, report) {
    for (const inst of model.instances) {
      const pass = inst.authentication?.pass;
      const word = pass?.word;
      if (!pass || !word) continue;
      if (isOpaque(pass.value)) {
        // A template: what the expressions add is unknown, but the literal characters alone
        // may already be too many (`{{ cluster }}_ingress_vip`).
        const alternatives = model.file.template?.opaqueAt(word.start)?.alternatives;
        const whole = model.file.template?.opaqueAt(word.start);
        const literal = literalPart(pass.value);
        if (alternatives && whole && whole.start === word.start && whole.end === word.end) {
          const long = alternatives.find((a) => Buffer.byteLength(a) > MAX_BYTES);
          if (long !== undefined)
            report({
              at: word,
              message: `auth_pass can be '${long}', ${Buffer.byteLength(long)} characters; keepalived uses only the first ${MAX_BYTES} ('${long.slice(0, MAX_BYTES)}'), so a peer expecting the whole password never matches`,
            });
        } else if (Buffer.byteLength(literal) > MAX_BYTES) {
          report({
            at: word,
            message: `auth_pass holds ${Buffer.byteLength(literal)} literal characters ('${literal}') besides what the template adds; keepalived uses only the first ${MAX_BYTES}, so a peer expecting the whole password never matches`,
          });
        }
        continue;
      }
      if (Buffer.byteLength(pass.value) <= MAX_BYTES) continue;
      // Only ASCII passwords are cut at a character boundary; anything else is left to the user.
      const ascii = /^[\x21-\x7e]*$/.test(pass.value);
      const kept = pass.value.slice(0, MAX_BYTES);
      const fix =
        ascii && !/["#!\\]/.test(kept)
          ? replaceWord(word, kept, `use the ${MAX_BYTES} characters keepalived uses: ${kept}`, true)
          : undefined;
      report({
        at: word,
        message: `auth_pass '${pass.value}' is ${Buffer.byteLength(pass.value)} characters; keepalived uses only the first ${MAX_BYTES} ('${kept}'), so a peer expecting the whole password never matches`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
