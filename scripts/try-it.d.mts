export declare const PLAYGROUND_URL: string;
export interface PlaygroundFile {
  readonly name: string;
  readonly text: string;
}
export declare function wrongExample(markdown: string): PlaygroundFile[] | undefined;
/** `target`: the keepalived version the page checks against (absent: the newest known). */
export declare function stateFragment(files: readonly PlaygroundFile[], target?: string): string;
export declare function tryItLink(markdown: string, base?: string): string | undefined;
export declare function withTryItLink(markdown: string): string;
export declare function withoutTryItLink(markdown: string): string;
