/** The one stderr line for a failure: user mistakes plainly, internal errors without a stack unless KALINT_DEBUG=1. */
import { describe, expect, test } from "vitest";
import { UsageError } from "../../server/src/cli/args.js";
import { InputError } from "../../server/src/cli/inputs.js";
import { describeFailure } from "../../server/src/cli/main.js";

describe("describeFailure", () => {
  test("usage and input errors: their message, one line", () => {
    expect(describeFailure(new UsageError("--format must be text, json, sarif or github, not 'xml'"), false)).toBe(
      "kalint: --format must be text, json, sarif or github, not 'xml'\n",
    );
    expect(describeFailure(new InputError("cannot read a.conf: permission denied"), true)).toBe(
      "kalint: cannot read a.conf: permission denied\n",
    );
  });

  test("a bug: one line naming it an internal error, and how to see where", () => {
    const e = new TypeError("cannot read properties of undefined (reading 'x')\nsecond line");
    expect(describeFailure(e, false)).toBe(
      "kalint: internal error: cannot read properties of undefined (reading 'x') (KALINT_DEBUG=1 shows where)\n",
    );
  });

  test("KALINT_DEBUG=1: the stack trace follows", () => {
    const e = new Error("boom");
    const text = describeFailure(e, true);
    expect(text.split("\n")[0]).toBe("kalint: internal error: boom");
    expect(text).toContain(e.stack!);
  });

  test("a thrown non-Error value", () => {
    expect(describeFailure("odd", false)).toBe("kalint: internal error: odd (KALINT_DEBUG=1 shows where)\n");
  });
});
