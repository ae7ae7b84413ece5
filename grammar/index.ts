export * from "./ast.js";
export * from "./diagnostic.js";
export * from "./source.js";
export { parse, MAX_LINE_BYTES } from "./parse.js";
export { preprocess, type EffectiveConfig, type IncludeLink, type PreprocessOptions } from "./preprocess.js";
export { nodeFileHost, decodeBytes, decodeFile, globFiles, expandBraces, type DecodedText, type FileHost } from "./file-host.js";
export { lex } from "./lexer.js";
export type { ParameterValue } from "./parameters.js";
