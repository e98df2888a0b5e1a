import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "@scaleway-blocks/core";
import { AssumptionError, parseAssumeFlag, parseAssumptionsJson, resolveAssumptions } from "./assumptions";
import { runAudit } from "./audit-command";
import { HELP, parseCliArgs, UsageError } from "./cli-args";
import { colorEnabled } from "./color";
import { shortcutsEnabled } from "./defer-modules";
import { EXIT } from "./exit-codes";
import { parsePreview, planFromPreview, PreviewError, readPreview } from "./from-preview";
import type { CatalogFetcher } from "./live-prices";
import { livePriceBook } from "./live-prices";
import { loadProject, ProjectError } from "./load-project";
import { buildPlan } from "./plan";
import type { PolicyEngine } from "./policy-step";
import type { PriceBook } from "./prices";
import { tablePriceBook } from "./prices";
import { renderHuman } from "./render-human";
import { renderJson } from "./render-json";
import { readUsageFile } from "./usage";
import { renderMarkdown } from "./render-markdown";
import { ProgramError, startProgramRun } from "./run-program";
import type { Baseline, PlanDocument } from "./schema";
import { BaselineError } from "./baseline-error";
import { packageVersion } from "./version";

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  /** The directory --cwd is relative to. */
  cwd: string;
  /** How --live-prices lists the catalog (injected in tests). */
  fetchCatalog?: CatalogFetcher;
  /** The policy engine (default @scaleway-blocks/policy). */
  policy?: PolicyEngine;
  now?: Date;
}

function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(
      `${what} ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const KNOWN_ERRORS = [
  UsageError,
  ProjectError,
  ProgramError,
  AssumptionError,
  BaselineError,
  ConfigError,
  PreviewError,
];

/**
 * `scaleway-blocks` with its arguments: prints the plan and returns the exit status
 * (0 ok, 1 mandatory policy failure, 2 data-loss risk, 3 no plan could be made).
 */
export async function main(argv: readonly string[], partialIo: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = {
    stdout: partialIo.stdout ?? process.stdout,
    stderr: partialIo.stderr ?? process.stderr,
    env: partialIo.env ?? process.env,
    cwd: partialIo.cwd ?? process.cwd(),
    ...(partialIo.fetchCatalog ? { fetchCatalog: partialIo.fetchCatalog } : {}),
    ...(partialIo.policy ? { policy: partialIo.policy } : {}),
    ...(partialIo.now ? { now: partialIo.now } : {}),
  };
  // `audit`: Audit Trail events for the stack's resources (audit-command.ts), not a plan.
  if (argv[0] === "audit") return runAudit(argv.slice(1), io);
  // --debug counts even when another flag is wrong.
  const debug = argv.includes("--debug");
  try {
    const options = parseCliArgs(argv);
    if (options.command === "help") {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (options.command === "version") {
      io.stdout.write(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    // --from-preview: the engine's steps and states stand in for a run of the program (no project read).
    const preview =
      options.fromPreview === undefined
        ? undefined
        : readPreview(parsePreview(readJsonFile(resolve(io.cwd, options.fromPreview), "preview document")));
    const project = preview ? undefined : loadProject(resolve(io.cwd, options.cwd ?? "."), options.stack!);

    const fromFile = options.assumptions
      ? parseAssumptionsJson(readJsonFile(resolve(io.cwd, options.assumptions), "assumptions file"))
      : {};
    const fromFlags = Object.fromEntries(options.assume.map(parseAssumeFlag));
    // The usage file's defaults are the weakest overrides: the --assumptions file and --assume flags win.
    const usage = options.usageFile ? readUsageFile(resolve(io.cwd, options.usageFile)) : undefined;
    const assumptions = resolveAssumptions(usage?.defaults, fromFile, fromFlags);
    const policyConfig = options.policyConfig
      ? readJsonFile(resolve(io.cwd, options.policyConfig), "policy configuration")
      : undefined;
    let baseline: Baseline | undefined;
    if (options.baseline) {
      // The plan document's zod schema is built only for a baseline: at load it costs every plan ~35 ms.
      const { parseBaseline } = await import("./schema.js");
      baseline = parseBaseline(readJsonFile(resolve(io.cwd, options.baseline), "baseline plan"));
    }

    const warnings: string[] = [];
    let prices: PriceBook = tablePriceBook;
    if (options.livePrices) {
      const live = await livePriceBook(tablePriceBook, io.fetchCatalog, io.now);
      prices = live.book;
      warnings.push(...live.warnings);
    }

    const common = {
      prices,
      assumptions,
      ...(usage ? { usage } : {}),
      ...(io.policy ? { policy: io.policy } : {}),
      policyConfig,
      ...(options.targetMinutes ? { targetSeconds: options.targetMinutes * 60 } : {}),
      ...(io.now ? { now: io.now } : {}),
      warnings,
    };
    let plan: PlanDocument;
    // The end of the program's process: the plan is built and rendered while the process exits,
    // and printed only once it has ended (a program that keeps its event loop alive is an error).
    let programEnded: Promise<void> = Promise.resolve();
    if (preview) {
      plan = planFromPreview(preview, { ...common, ...(options.stack ? { stack: options.stack } : {}) });
    } else {
      const { run, ended } = await startProgramRun(project!, {
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        output: (text) => io.stderr.write(text),
      });
      programEnded = ended;
      // With the shortcuts off (SCALEWAY_BLOCKS_PLAN_EAGER=1), one step after the other.
      if (!shortcutsEnabled()) await ended;
      warnings.push(...run.warnings);
      plan = buildPlan(run.graph, {
        ...common,
        project: project!.name,
        stack: project!.stack,
        defaultRegion: project!.defaultRegion,
        secretConfigKeys: project!.secretConfigKeys,
        ...(baseline ? { baseline } : {}),
      });
    }
    const text =
      options.format === "json"
        ? renderJson(plan)
        : options.format === "markdown"
          ? renderMarkdown(plan)
          : renderHuman(plan, { color: colorEnabled(io.stdout, io.env), verbose: options.verbose });
    await programEnded;
    if (options.format === "json" || options.format === "markdown")
      for (const w of plan.warnings) io.stderr.write(`scaleway-blocks: warning: ${w}\n`);
    io.stdout.write(text);
    return plan.exitCode;
  } catch (error) {
    const known = KNOWN_ERRORS.some((E) => error instanceof E);
    const message =
      error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error);
    io.stderr.write(`scaleway-blocks: error: ${message}\n`);
    if (error instanceof UsageError) io.stderr.write("Run scaleway-blocks --help for usage.\n");
    if (error instanceof ProgramError && error.programStack) {
      if (debug) io.stderr.write(`The program's stack:\n${error.programStack}\n`);
      else io.stderr.write("Run with --debug for the program's stack.\n");
    }
    return EXIT.error;
  }
}
