#!/usr/bin/env node
import { resolve } from "node:path";
import { parseCliArgs } from "./cli-args";
import { codeCacheFile, defaultCodeCacheDir, enableCodeCache, saveCodeCache } from "./code-cache";
import { deferModules, WHOLE_SDK, ZOD_LOCALES } from "./defer-modules";
import type * as LoadProject from "./load-project";
import type * as Main from "./main";
import { discardPrestartedProgram, prestartProgram, startEarly } from "./program-process";
import { packageVersion } from "./version";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  // Answered before the plan (and the Pulumi SDK it loads) is loaded: a version check stays instant.
  process.stdout.write(`${packageVersion()}\n`);
} else {
  // Start the program's process first: it loads the SDK while this process reads the project, and
  // runs the program while this process loads the plan's own modules. Any problem here is left for
  // main() to report.
  try {
    const options = parseCliArgs(argv);
    if (options.command === "plan" && options.fromPreview === undefined) {
      const cwd = resolve(options.cwd ?? ".");
      startEarly(cwd, options.timeoutMs);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- read once the program's process is started
      const { loadProject } = require("./load-project") as typeof LoadProject;
      prestartProgram(loadProject(cwd, options.stack!), options.timeoutMs);
    }
  } catch {
    // main() parses and loads again, and says what is wrong
  }
  // This process's own modules, compiled with a code cache too (code-cache.ts), written at the end.
  enableCodeCache(codeCacheFile(defaultCodeCacheDir(), __filename, process.execArgv));
  // This process reads the graph the program's process recorded: it loads the Pulumi SDK (which the
  // shared packages import) only if something uses it.
  deferModules([...WHOLE_SDK, ...ZOD_LOCALES]);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded once the program has started
  const { main } = require("./main") as typeof Main;
  main(argv).then(
    (code) => {
      discardPrestartedProgram();
      process.exitCode = code;
      saveCodeCache();
    },
    (error: unknown) => {
      discardPrestartedProgram();
      process.stderr.write(
        `scaleway-blocks: error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
