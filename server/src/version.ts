/** kalint's version: package.json's, the one place it is written (the CLI, the language server and the outputs name it). */
export { version as VERSION } from "../../package.json";
