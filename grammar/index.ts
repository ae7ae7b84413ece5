export * from "./ast.js";
export * from "./diagnostic.js";
export * from "./registry.js";
export * from "./source.js";
export { parse, MAX_LINE_BYTES } from "./parse.js";
export { preprocess, type EffectiveConfig, type IncludeLink, type PreprocessOptions, type Substitution } from "./preprocess.js";
export {
  decodeBytes,
  decodeFile,
  directoryOf,
  fileErrorReason,
  refusalMessage,
  textOf,
  type DecodedText,
  type DirectoryEntry,
  type FileError,
  type FileHost,
  type FileKind,
  type FileRead,
  type FileStamp,
  type FileStat,
  type ReadRefusal,
} from "./file-host.js";
export { glob, expandBraces, pathKind, type GlobHost, type GlobProblem, type PathKind } from "./glob.js";
export {
  Budget,
  DEFAULT_LIMITS,
  DeadlineExceeded,
  limitsOf,
  withDeadline,
  checkDeadline,
  formatBytes,
  formatCount,
  type Limits,
} from "./limits.js";
export { lex } from "./lexer.js";
export type { ParameterValue } from "./parameters.js";
export { hasOpaqueLine, parseTemplate, type TemplateParseOptions } from "./template-file.js";
export * from "./template/index.js";
export { firstAtOrAfter } from "./template/search.js";
export { findConfigFiles, isConfigFileName, type ConfigFiles, type WalkLimits } from "./config-files.js";
