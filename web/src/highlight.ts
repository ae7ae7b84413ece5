/**
 * keepalived colouring for CodeMirror, from the same word lists and value shapes as the TextMate
 * grammar (scripts/gen-tmgrammar.ts over the schema). Like that grammar it cannot follow block
 * nesting, so a word is a keyword only where a statement starts: at the start of a line (after an
 * `@id` prefix and `~SEQ(...)`), or right after a brace. What is wrong is the linter's to say.
 */
import { StreamLanguage, type StringStream } from "@codemirror/language";
import facts from "virtual:playground-facts";

const namedBlocks = new Set(facts.words.namedBlocks);
const blocks = new Set(facts.words.blocks);
const keywords = new Set(facts.words.keywords);
const removed = new Set(facts.words.removed);
const enums = new Set(facts.words.enums);
const whole = (source: string) => new RegExp(`^(?:${source})$`);
const BOOLEAN = whole(facts.values.boolean);
const NUMBER = whole(facts.values.number);
const IPV4 = whole(facts.values.ipv4);
const IPV6 = whole(facts.values.ipv6);

interface State {
  /** The next word starts a statement. */
  start: boolean;
  /** The previous word opened a named block: this one is its name. */
  name: boolean;
  /** Inside an include line: the rest are paths. */
  include: boolean;
}

function token(stream: StringStream, state: State): string | null {
  if (stream.sol()) {
    state.start = true;
    state.name = false;
    state.include = false;
  }
  if (stream.eatSpace()) return null;
  const ch = stream.peek()!;
  if (ch === "\\" && /[#!]/.test(stream.string.charAt(stream.pos + 1))) {
    stream.pos += 2;
    return "escape";
  }
  if (ch === "#" || ch === "!") {
    stream.skipToEnd();
    return "comment";
  }
  if (ch === "{" || ch === "}") {
    stream.next();
    state.start = true;
    state.name = false;
    return "brace";
  }
  if (ch === '"') {
    stream.next();
    while (!stream.eol()) if (stream.next() === '"') break;
    state.start = false;
    return "string";
  }
  if (ch === "$") {
    if (stream.match(/^\$\{[^}]*\}?/) || stream.match(/^\$[A-Za-z_][A-Za-z0-9_]*/)) {
      state.start = false;
      return "variableName";
    }
  }
  if (state.start && ch === "@" && stream.match(/^@\^?[^\s#!{}]*/)) return "meta";
  if (state.start && ch === "~" && stream.match(/^~(?:SEQx?|LST)\s*\([^)]*\)?/)) return "meta";
  const word = stream.match(/^[^\s{}"#!]+/) as RegExpMatchArray | null;
  if (!word) {
    stream.next();
    return null;
  }
  const text = word[0];
  const atStart = state.start;
  const isName = state.name;
  state.start = false;
  state.name = false;
  if (atStart) {
    if (/^include[rmwba]?$/.test(text)) {
      state.include = true;
      return "keyword";
    }
    if (namedBlocks.has(text)) {
      state.name = true;
      return "keyword";
    }
    if (blocks.has(text)) return "keyword";
    if (keywords.has(text)) return "propertyName";
    if (removed.has(text)) return "invalid";
    return null;
  }
  if (state.include) return "string";
  if (isName) return "labelName";
  if (BOOLEAN.test(text)) return "bool";
  if (NUMBER.test(text) || IPV4.test(text) || IPV6.test(text)) return "number";
  if (enums.has(text)) return "atom";
  return null;
}

export const keepalived = StreamLanguage.define<State>({
  name: "keepalived",
  startState: () => ({ start: true, name: false, include: false }),
  copyState: (s) => ({ ...s }),
  token,
  languageData: { commentTokens: { line: "#" }, closeBrackets: { brackets: ["{", '"'] }, indentOnInput: /^\s*\}$/ },
});
