// Types of the pure helpers that scripts/pulumi-tools.mjs exports for test/pulumi-tools.test.ts.
export interface PinnedTool {
  binary: string;
  npm: string;
  release: string;
  tag: string;
  module: string;
  version: string | null;
  commitFrom?: string;
  commit?: string | null;
  commitTime?: string | null;
  package: string;
  stamp: string;
  localReplaces?: Record<string, string>;
}
/** A tool of the engine tests, pinned on its own (no npm pin). */
export interface TestTool {
  binary: string;
  why?: string;
  module: string;
  version: string;
  package: string;
  stamp: string;
}
export interface PinnedTools {
  tools: PinnedTool[];
  testTools?: TestTool[];
}
export interface GoModReplace {
  from: string;
  fromVersion?: string;
  to: string;
  toVersion?: string;
}

export const versionsFile: string;
export const REQUIRED_TOOLS: Record<string, string>;
export function parseCatalog(yamlText: string): Record<string, string>;
export function pseudoVersion(modulePath: string, commitTime: string, commit: string): string;
export function checkPins(versions: PinnedTools, catalog: Record<string, string>): string[];
export function allTools(versions: PinnedTools): (PinnedTool | TestTool)[];
export function checkTestTools(versions: PinnedTools): string[];
export function toolsKey(versions: PinnedTools): string;
export function parseGoModReplaces(goModText: string): GoModReplace[];
export function isLocalPath(target: string): boolean;
export function toolsBaseDir(env?: Record<string, string | undefined>, home?: string): string;
export function explainGoError(text: string, what: string, goproxy: string): string;
export function wrap(line: string, width?: number, indent?: string): string[];
