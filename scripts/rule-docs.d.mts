export interface ExampleFile {
  /** The file's name, `keepalived.conf` unless the page names it. */
  readonly name: string;
  readonly text: string;
}
export interface ExampleHalf {
  readonly files: readonly ExampleFile[];
  /** The keepalived version (`X.Y.Z`) the half is checked against, when its fence names one. */
  readonly target?: string;
}
export declare function pageExampleFiles(markdown: string): {
  readonly wrong: ExampleHalf;
  readonly right: ExampleHalf;
  readonly stray: number;
};
