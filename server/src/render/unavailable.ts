/**
 * Why render mode cannot run here: the engine's file is missing, or it cannot get its memory.
 * A module of its own, with no imports, so the CLI can tell this error from a bug without
 * loading the engine at start-up.
 */
export class EngineUnavailable extends Error {}
