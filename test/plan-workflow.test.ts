// .github/workflows/plan.yml: on a pull request, plan every stack of deployments/platform against the
// target branch's plan and keep one comment up to date. It is checked here as far as it can be without
// GitHub: the YAML parses, its shell parses, and its steps run the command lines docs/pull-requests.md
// documents, with flags the plan's own parser accepts. The template for other teams' repositories in
// that document is held to the same checks.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "@scaleway-blocks/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
// the YAML parser the plan itself uses (the root has no copy of its own)
const yaml = createRequire(join(ROOT, "packages/plan/package.json"))("yaml") as {
  parse: (text: string) => unknown;
};
const parse = (text: string): unknown => yaml.parse(text);

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "working-directory"?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const MARKER = "<!-- scaleway-blocks-plan -->";
const workflowText = readFileSync(join(ROOT, ".github/workflows/plan.yml"), "utf8");
const workflow = parse(workflowText) as Workflow;
const docs = readFileSync(join(ROOT, "docs/pull-requests.md"), "utf8");
const template = parse(/```yaml\n([^]*?)```/.exec(docs)![1]!) as Workflow;

/** The lines of a workflow's run scripts that call the plan. */
function planLines(w: Workflow): string[] {
  return Object.values(w.jobs)
    .flatMap((job) => job.steps.map((s) => s.run ?? ""))
    .flatMap((run) => run.split("\n"))
    .map((line) => line.trim())
    .filter((line) => /npm run -s plan --|npx scaleway-blocks plan/.test(line));
}

/** The lines of the documentation's ```sh blocks that call the plan. */
function documentedLines(): string[] {
  return [...docs.matchAll(/```sh\n([^]*?)```/g)]
    .flatMap((m) => m[1]!.split("\n"))
    .map((line) => line.trim())
    .filter((line) => /npm run -s plan --/.test(line));
}

/** The root script `npm run -s plan --` ends in: `… cli.js plan --cwd deployments/platform`. */
function planScriptArgs(): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  expect(scripts.plan).toBe("node scripts/bootstrap.mjs plan:run");
  const [, args] = /node packages\/plan\/dist\/cli\.js (.*)$/.exec(scripts["plan:run"]!)!;
  return args!.split(" ");
}

/**
 * The CLI arguments of a plan command line, with the shell's variables given example values and the
 * redirections and `|| …` cut off.
 */
function cliArgs(line: string): string[] {
  const command = line.split(/ \|\| | [12]?> /)[0]!;
  const words = (command.match(/"[^"]*"|\S+/g) ?? []).flatMap((word) => {
    if (word === '"${baseline[@]}"') return ["--baseline", "plan-main.json"];
    return [word.replace(/^"|"$/g, "").replace(/\$stack/g, "production")];
  });
  if (words.slice(0, 5).join(" ") === "npm run -s plan --") return [...planScriptArgs(), ...words.slice(5)];
  if (words.slice(0, 3).join(" ") === "npx scaleway-blocks plan") return ["plan", ...words.slice(3)];
  throw new Error(`not a plan command line: ${line}`);
}

/** 0 when the plan's own parser accepts the arguments (with --help it stops there), else 3 and why. */
async function accepted(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main([...args, "--help"], {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, stderr };
}

function shellParses(script: string): string {
  // GitHub fills ${{ … }} in before the shell sees the script
  const run = spawnSync("bash", ["-n"], { input: script.replace(/\$\{\{[^}]*\}\}/g, "x"), encoding: "utf8" });
  return run.status === 0 ? "" : run.stderr;
}

describe(".github/workflows/plan.yml", () => {
  const plan = workflow.jobs.plan!;
  const comment = workflow.jobs.comment!;

  it("runs on pull requests, with a read-only token by default", () => {
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toEqual({ contents: "read" });
  });

  it("plans every stack of deployments/platform", () => {
    const stacks = readdirSync(join(ROOT, "deployments/platform"))
      .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
      .filter((s): s is string => s !== undefined)
      .sort();
    expect(plan.env!.STACKS!.split(" ").sort()).toEqual(stacks);
    expect(stacks).toEqual(["dev", "production", "staging"]);
  });

  it("checks out the pull request and the target branch's base commit", () => {
    const checkouts = plan.steps.filter((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkouts.map((s) => s.with)).toEqual([
      { path: "pr" },
      { ref: "${{ github.event.pull_request.base.sha }}", path: "base" },
    ]);
  });

  it("plans the target branch as JSON in base/, then the pull request against it as Markdown in pr/", () => {
    const base = plan.steps.find((s) => s.run?.includes("--json"))!;
    const pr = plan.steps.find((s) => s.run?.includes("--format markdown"))!;
    expect(base["working-directory"]).toBe("base");
    expect(pr["working-directory"]).toBe("pr");
    expect(plan.steps.indexOf(base)).toBeLessThan(plan.steps.indexOf(pr));
    expect(cliArgs(planLines({ on: {}, jobs: { plan: { steps: [pr] } } })[0]!)).toContain("--baseline");
  });

  it("runs exactly the command lines docs/pull-requests.md documents", () => {
    const documented = documentedLines();
    expect(documented).toHaveLength(2);
    expect(planLines(workflow).sort()).toEqual([...documented].sort());
  });

  it("calls the plan with flags its parser accepts", async () => {
    for (const line of planLines(workflow))
      expect(await accepted(cliArgs(line)), line).toEqual({ code: 0, stderr: "" });
  });

  it("refuses, in this check, a command line with a flag the plan does not know", async () => {
    const wrong = await accepted(cliArgs('npm run -s plan -- --stack "$stack" --fromat markdown > x.md'));
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain("unknown flag --fromat; did you mean --format?");
  });

  it("writes one comment with the hidden marker, and finds it again by that marker", () => {
    const write = plan.steps.find((s) => s.name === "Write the comment")!;
    expect(write.run).toContain(`echo "${MARKER}"`);
    const update = comment.steps.find((s) => s.run?.includes("gh api"))!;
    expect(update.run).toContain(`contains("${MARKER}")`);
    expect(update.run).toContain('gh api --method PATCH "repos/$REPO/issues/comments/$id"');
    expect(update.run).toContain('gh api --method POST "repos/$REPO/issues/$PR/comments"');
  });

  it("gives the writing token only to the job that runs no code of the pull request", () => {
    expect(plan.permissions).toEqual({ contents: "read" });
    expect(comment.permissions).toEqual({ "pull-requests": "write" });
    expect(comment.needs).toBe("plan");
    expect(comment.steps.some((s) => s.uses?.startsWith("actions/checkout@"))).toBe(false);
    // it also runs when the plan failed: that is when the comment matters most
    expect(comment.if).toContain("!cancelled()");
  });

  it("fails the plan job on any non-zero plan, after the comment is kept", () => {
    const fail = plan.steps.at(-1)!;
    expect(fail.if).toBe("${{ steps.plan.outputs.worst != '0' }}");
    expect(fail.run).toContain("exit 1");
    expect(plan.steps.findIndex((s) => s.uses?.startsWith("actions/upload-artifact@"))).toBeLessThan(
      plan.steps.length - 1,
    );
  });

  it("pins every action by a version tag", () => {
    const uses = Object.values(workflow.jobs).flatMap((j) =>
      j.steps.flatMap((s) => (s.uses ? [s.uses] : [])),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it("has run scripts that bash parses", () => {
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps) if (step.run) expect(shellParses(step.run), step.name).toBe("");
  });
});

describe("the plan job's scripts, run by bash on this repository", () => {
  // pr/ and base/ hold this repository (links to its packages and deployments); a stand-in `npm`
  // runs what `npm run -s plan --` ends in (the root plan:run script's last command), without the
  // install and build that bootstrapping does. The baseline is then the same code: nothing changes.
  const plan = workflow.jobs.plan!;
  const work = mkdtempSync(join(tmpdir(), "plan-workflow-"));
  const out = join(work, "github-output");
  const summary = join(work, "step-summary");
  let results: { name: string; status: number | null; stderr: string }[] = [];

  beforeAll(() => {
    for (const checkout of ["pr", "base"]) {
      mkdirSync(join(work, checkout));
      for (const entry of ["packages", "deployments", "node_modules", "package.json"])
        symlinkSync(join(ROOT, entry), join(work, checkout, entry));
    }
    mkdirSync(join(work, "bin"));
    const npm = join(work, "bin", "npm");
    writeFileSync(
      npm,
      [
        "#!/usr/bin/env bash",
        'if [ "$1 $2 $3 $4" != "run -s plan --" ]; then echo "unexpected: npm $*" >&2; exit 99; fi',
        "shift 4",
        `exec "${process.execPath}" packages/plan/dist/cli.js ${planScriptArgs().join(" ")} "$@"`,
        "",
      ].join("\n"),
    );
    chmodSync(npm, 0o755);
    writeFileSync(out, "");
    const env = {
      ...process.env,
      PATH: `${join(work, "bin")}:${process.env.PATH ?? ""}`,
      NO_COLOR: "1",
      ...plan.env,
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "acme/platform",
      GITHUB_RUN_ID: "1",
      BASE_REF: "main",
      BASE_SHA: "1111111111111111111111111111111111111111",
      HEAD_SHA: "2222222222222222222222222222222222222222",
    };
    results = plan.steps
      .filter((step) => step.run !== undefined && !step.run.includes("${{"))
      .map((step) => {
        // GitHub runs `bash --noprofile --norc -eo pipefail {0}` for shell: bash
        const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
          cwd: join(work, step["working-directory"] ?? "."),
          env,
          encoding: "utf8",
          timeout: 300_000,
        });
        return { name: step.name ?? "", status: run.status, stderr: run.stderr };
      });
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("runs every step to the end", () => {
    expect(results.map((r) => r.name)).toEqual([
      "Plan the target branch (the baseline)",
      "Plan the pull request against the baseline",
      "Write the comment",
    ]);
    for (const r of results) expect(r.status, `${r.name}: ${r.stderr.slice(-2000)}`).toBe(0);
  });

  it("plans each stack twice and records each exit status", () => {
    for (const stack of plan.env!.STACKS!.split(" ")) {
      const baseline = JSON.parse(readFileSync(join(work, "plans", `${stack}.main.json`), "utf8")) as {
        stack: string;
      };
      expect(baseline.stack).toBe(stack);
      expect(readFileSync(join(work, "plans", `${stack}.status`), "utf8").trim()).toBe("0");
    }
    expect(readFileSync(out, "utf8")).toContain("worst=0\n");
  });

  it("writes one comment with the marker, every stack compared with its baseline, and the same job summary", () => {
    const comment = readFileSync(join(work, "comment", "comment.md"), "utf8");
    expect(comment.startsWith(`${MARKER}\n## scaleway-blocks plan of deployments/platform\n`)).toBe(true);
    expect(comment).toContain("Commit 2222222 against `main` (1111111).");
    for (const stack of ["dev", "staging", "production"]) {
      expect(comment).toContain(`### scaleway-blocks plan: \`platform\` / \`${stack}\`: **exit 0`);
      expect(comment).toContain(`compared with the plan of \`platform/${stack}\``);
    }
    expect(comment.split(MARKER)).toHaveLength(2);
    expect(comment).toContain("#### Changes since the baseline: 0 added, 0 removed, 0 changed");
    expect(comment.length).toBeLessThan(65_000);
    expect(readFileSync(summary, "utf8")).toBe(comment);
  });
});

describe("docs/pull-requests.md's workflow for other teams' repositories", () => {
  it("has the same two jobs and permissions", () => {
    expect(Object.keys(template.on)).toEqual(["pull_request"]);
    expect(template.jobs.plan!.permissions).toEqual({ contents: "read" });
    expect(template.jobs.comment!.permissions).toEqual({ "pull-requests": "write" });
  });

  it("plans the baseline as JSON and the pull request as Markdown with flags the plan accepts", async () => {
    const lines = planLines(template);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("--json");
    expect(lines[1]).toContain('"${baseline[@]}" --format markdown');
    for (const line of lines) expect(await accepted(cliArgs(line)), line).toEqual({ code: 0, stderr: "" });
  });

  it("keeps one comment by the same marker, and its scripts parse", () => {
    const text = JSON.stringify(template);
    expect(text.split(MARKER).length - 1).toBe(2);
    for (const job of Object.values(template.jobs))
      for (const step of job.steps) if (step.run) expect(shellParses(step.run), step.name).toBe("");
  });
});
