/** webpack's require.context, used to bundle the rule files (taskpane/rule-files.ts). */
interface WebpackRequireContext {
  keys(): string[];
  (id: string): unknown;
}

declare namespace NodeJS {
  interface Require {
    context(directory: string, useSubdirectories: boolean, regExp: RegExp): WebpackRequireContext;
  }
}
