#!/usr/bin/env node
import type * as Main from "./main";
import { packageVersion } from "./version";

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  // Answered before the plan (and the Pulumi SDK it loads) is loaded: a version check stays instant.
  process.stdout.write(`${packageVersion()}\n`);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when there is a plan to make
  const { main } = require("./main") as typeof Main;
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `scaleway-blocks: error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
