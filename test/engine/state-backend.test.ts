// The DIY state backend that @scaleway-blocks/state-backend sets up, exercised by the real `pulumi`
// CLI (v3.248.0, the SDK's version) against a real S3 server (versitygw) on 127.0.0.1, with the
// backend URL StateBackend outputs, its Scaleway endpoint swapped for the local one.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PULUMI_WIRE } from "../../packages/core/src/pulumi-values";
import { backendUrl } from "../../packages/state-backend/src/internal/backend-url";
import {
  COMPONENT_TYPE,
  PROJECT,
  syntheticState,
  yamlProject,
  type Deployment,
  type Resource,
} from "./support/program";
import { PulumiSession, slowLanguageHost, type Run } from "./support/pulumi";
import { REGION, S3Client, startS3Server, type S3Server } from "./support/s3";

const tools = inject("engineTools");
if (tools.skip) {
  process.stderr.write(`[engine] skipped: the Pulumi tools cannot be built on this machine: ${tools.skip}\n`);
}
const toolsBin = tools.bin ?? "";

const BUCKET = "acme-state";
const STACK = "dev";
const SECRET = "s3cr3t-Passw0rd-that-must-never-be-stored-in-clear";
/** Pulumi's message when a stack is locked (pkg/backend/diy/lock.go, checkForLock). */
const LOCKED =
  "the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete " +
  "the lock file with `pulumi cancel`.";

/** StateBackend's URL for `bucket` in fr-par, with s3.fr-par.scw.cloud replaced by the local server. */
function localBackendUrl(s3: S3Server, bucket = BUCKET): string {
  const url = backendUrl(bucket, REGION);
  expect(url).toContain("endpoint=s3.fr-par.scw.cloud&");
  return url.replace("endpoint=s3.fr-par.scw.cloud&", `endpoint=${s3.endpoint}&`);
}

const output = (run: Run) => `${run.stdout}\n${run.stderr}`;

describe.skipIf(!toolsBin)("the DIY state backend on a real S3 server, with the real Pulumi CLI", () => {
  let s3: S3Server;
  let client: S3Client;
  let session: PulumiSession;
  let program: string;
  const cleanup: string[] = [];

  beforeAll(async () => {
    s3 = await startS3Server(join(toolsBin, "versitygw"));
    client = new S3Client(s3);
    await client.createBucket(BUCKET);
    session = new PulumiSession(toolsBin, s3);
    program = yamlProject();
    cleanup.push(program);
  }, 60_000);

  afterAll(async () => {
    session?.dispose();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
    await s3?.stop();
  });

  const inProgram = {
    get cwd() {
      return program;
    },
  };
  const stackArgs = () => ["--stack", STACK];
  const lockKeys = () => client.listKeys(BUCKET, ".pulumi/locks/");
  /** The checkpoint object of a stack, as the CLI stored it in the bucket. */
  const storedCheckpoint = async (stack: string) => {
    const key = `.pulumi/stacks/${PROJECT}/${stack}.json`;
    const file = JSON.parse((await client.getObject(BUCKET, key)).toString("utf8")) as {
      checkpoint: { latest: { resources: Resource[]; secrets_providers?: unknown } };
    };
    return file.checkpoint;
  };
  const exportState = async (...flags: string[]): Promise<Deployment> =>
    JSON.parse(
      (await session.ok(["stack", "export", ...flags, ...stackArgs()], inProgram)).stdout,
    ) as Deployment;

  describe("login", () => {
    it("logs in with StateBackend's URL form: endpoint host:port without scheme, region, s3ForcePathStyle=true", async () => {
      const url = localBackendUrl(s3);
      expect(url).toBe(`s3://${BUCKET}?endpoint=${s3.endpoint}&region=fr-par&s3ForcePathStyle=true`);
      const login = await session.ok(["login", url]);
      expect(login.stdout).toContain(`Logged in to`);
      expect(login.stdout).toContain(`(${url})`);
      const whoami = await session.ok(["whoami", "--verbose"]);
      expect(whoami.stdout).toContain(`Backend URL: ${url}`);
      // Logging in to an empty bucket writes the layout marker (project-scoped stacks) and nothing else.
      expect(await client.listKeys(BUCKET)).toEqual([".pulumi/meta.yaml"]);
      expect((await client.getObject(BUCKET, ".pulumi/meta.yaml")).toString("utf8")).toMatch(/^version: 1$/m);
    });

    it.each([
      ["s3ForcePathStyle=true (AWS SDK v1 name, still read by gocloud.dev v0.46)", "s3ForcePathStyle=true"],
      ["use_path_style=true (gocloud.dev's AWS SDK v2 name)", "use_path_style=true"],
    ])("reads and writes the bucket with %s", async (_name, pathStyle) => {
      const bucket = `path-style-${pathStyle.split("=")[0]!.toLowerCase().replace(/_/g, "-")}`;
      await client.createBucket(bucket);
      const url = localBackendUrl(s3, bucket).replace("s3ForcePathStyle=true", pathStyle);
      const env = { PULUMI_BACKEND_URL: url };
      const options = { cwd: program, env };
      await session.ok(["stack", "init", `organization/${PROJECT}/probe`, "--no-select"], options);
      const ls = await session.ok(["stack", "ls", "--all", "--json"], options);
      expect(JSON.parse(ls.stdout)).toEqual([expect.objectContaining({ name: "probe" })]);
      expect(await client.listKeys(bucket, `.pulumi/stacks/`)).toContain(
        `.pulumi/stacks/${PROJECT}/probe.json`,
      );
    });

    it("cannot reach the bucket without path style: virtual-hosted style asks for https://<bucket>.127.0.0.1", async () => {
      const url = localBackendUrl(s3).replace("&s3ForcePathStyle=true", "");
      const run = await session.pulumi(["stack", "ls", "--all"], { env: { PULUMI_BACKEND_URL: url } });
      expect(run.code).not.toBe(0);
      // The SDK put the bucket in the host name, and the scheme-less endpoint became https://.
      expect(output(run)).toContain(`Get "https://${BUCKET}.127.0.0.1:${s3.port}/.pulumi/meta.yaml`);
      expect(output(run)).toMatch(/no such host/);
    });
  });

  describe("a stack's life: init, config, up, export and import", () => {
    it("creates the stack under .pulumi/stacks/<project>/ in the bucket", async () => {
      await session.ok(["stack", "init", STACK], inProgram);
      expect(await client.listKeys(BUCKET, ".pulumi/")).toEqual(
        expect.arrayContaining([".pulumi/meta.yaml", `.pulumi/stacks/${PROJECT}/${STACK}.json`]),
      );
    });

    it("deploys the program: outputs read back, the secret output decrypted only with --show-secrets", async () => {
      await session.ok(["config", "set", "greeting", "bonjour", ...stackArgs()], inProgram);
      await session.ok(["config", "set", "--secret", "dbPassword", SECRET, ...stackArgs()], inProgram);
      const config = readFileSync(join(program, `Pulumi.${STACK}.yaml`), "utf8");
      expect(config).toMatch(/encryptionsalt: v1:/);
      expect(config).toMatch(/dbPassword:\s+secure: v1:/);
      expect(config).not.toContain(SECRET);

      const up = await session.ok(["up", "--yes", "--skip-preview", ...stackArgs()], inProgram);
      expect(up.stdout).toMatch(/greeting\s*:\s*"bonjour"/);
      const shown = await session.ok(
        ["stack", "output", "--json", "--show-secrets", ...stackArgs()],
        inProgram,
      );
      expect(JSON.parse(shown.stdout)).toEqual({
        greeting: "bonjour",
        password: SECRET,
        connection: `postgres://app:${SECRET}@db.internal:5432/app`,
      });
      const hidden = await session.ok(["stack", "output", "--json", ...stackArgs()], inProgram);
      expect(JSON.parse(hidden.stdout)).toEqual({
        greeting: "bonjour",
        password: "[secret]",
        connection: "[secret]",
      });
    });

    it("keeps every state object under .pulumi/: checkpoint, backup, history; no lock left", async () => {
      const keys = await client.listKeys(BUCKET);
      expect(keys.filter((k) => !k.startsWith(".pulumi/"))).toEqual([]);
      expect(keys).toEqual(
        expect.arrayContaining([
          ".pulumi/meta.yaml",
          `.pulumi/stacks/${PROJECT}/${STACK}.json`,
          `.pulumi/stacks/${PROJECT}/${STACK}.json.bak`,
        ]),
      );
      expect(keys.some((k) => k.startsWith(`.pulumi/history/${PROJECT}/${STACK}/`))).toBe(true);
      expect(keys.some((k) => k.startsWith(`.pulumi/backups/${PROJECT}/${STACK}/`))).toBe(true);
      expect(await lockKeys()).toEqual([]);
      const stack = (await storedCheckpoint(STACK)).latest.resources.find(
        (r) => r.type === "pulumi:pulumi:Stack",
      );
      expect(stack?.outputs?.greeting).toBe("bonjour");
    });

    it("stores no secret in clear: no object in the bucket contains the secret, the checkpoint holds ciphertext", async () => {
      const keys = await client.listKeys(BUCKET);
      expect(keys.length).toBeGreaterThan(3);
      for (const key of keys) {
        const text = (await client.getObject(BUCKET, key)).toString("utf8");
        expect(text.includes(SECRET), `${key} contains the secret in clear`).toBe(false);
      }
      const { latest } = await storedCheckpoint(STACK);
      expect(latest.secrets_providers).toMatchObject({ type: "passphrase" });
      const stack = latest.resources.find((r) => r.type === "pulumi:pulumi:Stack");
      expect(stack?.outputs?.password).toEqual({
        [PULUMI_WIRE.sigKey]: PULUMI_WIRE.secretSig,
        ciphertext: expect.stringMatching(/^v1:/),
      });
    });

    it("round-trips the state through pulumi stack export and import (secrets re-encrypted, same values)", async () => {
      const exported = await exportState();
      const before = await exportState("--show-secrets");
      const file = join(program, "exported.json");
      writeFileSync(file, JSON.stringify(exported));
      const imported = await session.ok(["stack", "import", "--file", file, ...stackArgs()], inProgram);
      expect(imported.code).toBe(0);
      const after = await exportState("--show-secrets");
      expect(after.deployment.resources).toEqual(before.deployment.resources);
      expect(JSON.stringify(after)).toContain(SECRET);
      expect(after.deployment.resources?.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
      const preview = await session.ok(["preview", "--json", ...stackArgs()], inProgram);
      expect(JSON.parse(preview.stdout).changeSummary).toEqual({ same: 1 });
    });
  });

  describe("locking", () => {
    it("refuses a second pulumi up while the first holds the stack's lock, and keeps the state intact", async () => {
      const before = await exportState();
      const historyBefore = (await client.listKeys(BUCKET, `.pulumi/history/${PROJECT}/${STACK}/`)).length;
      // The first run's language host starts 8 s late: a long deployment holding the lock.
      const slow = slowLanguageHost(toolsBin, 8);
      cleanup.push(slow);
      const first = session.pulumi(["up", "--yes", "--skip-preview", ...stackArgs()], {
        cwd: program,
        env: { PATH: `${slow}:${session.env.PATH ?? ""}` },
      });
      let second: Run;
      try {
        await waitFor(async () => (await lockKeys()).length === 1, 30_000, "the first run's lock");
        second = await session.pulumi(["up", "--yes", "--skip-preview", ...stackArgs()], inProgram);
      } finally {
        await first; // never leave the first run holding the lock for the next tests
      }
      expect(second.code, output(second)).toBe(1);
      expect(second.stderr).toContain(LOCKED);
      // The lock's URL is the backend URL as the CLI rewrote it: the scheme-less endpoint became https://.
      expect(second.stderr).toMatch(
        new RegExp(
          `s3://${BUCKET}/\\.pulumi/locks/organization/${PROJECT}/${STACK}/[0-9a-f-]+\\.json` +
            `\\?endpoint=https%3A%2F%2F127\\.0\\.0\\.1%3A${s3.port}&region=fr-par&s3ForcePathStyle=true: ` +
            `created by \\S+@\\S+ \\(pid \\d+\\) at \\S+`,
        ),
      );
      const done = await first;
      expect(done.code, output(done)).toBe(0);
      expect(await lockKeys()).toEqual([]);
      const after = await exportState();
      expect(after.deployment.resources?.map((r) => r.urn)).toEqual(
        before.deployment.resources?.map((r) => r.urn),
      );
      // One more update in the history: the first run's, not the refused one.
      expect((await client.listKeys(BUCKET, `.pulumi/history/${PROJECT}/${STACK}/`)).length).toBeGreaterThan(
        historyBefore,
      );
      const history = await session.ok(["stack", "history", "--json", ...stackArgs()], inProgram);
      expect(JSON.parse(history.stdout)[0]).toMatchObject({ kind: "update", result: "succeeded" });
    }, 120_000);

    it("keeps the lock of a killed run: the next run is refused until pulumi cancel removes it", async () => {
      const lock = await killDuringUpdate();
      const refused = await session.pulumi(["up", "--yes", "--skip-preview", ...stackArgs()], inProgram);
      expect(refused.code, output(refused)).toBe(1);
      expect(refused.stderr).toContain(LOCKED);
      expect(refused.stderr).toContain(lock);

      await session.ok(["cancel", "--yes", ...stackArgs()], inProgram);
      expect(await lockKeys()).toEqual([]);
      const up = await session.ok(["up", "--yes", "--skip-preview", ...stackArgs()], inProgram);
      expect(up.code).toBe(0);
    }, 120_000);

    it("keeps the lock of a killed run: deleting the lock object also lets the next run through", async () => {
      const lock = await killDuringUpdate();
      await client.deleteObject(BUCKET, lock);
      const up = await session.ok(["up", "--yes", "--skip-preview", ...stackArgs()], inProgram);
      expect(up.code).toBe(0);
      expect(await lockKeys()).toEqual([]);
    }, 120_000);

    /** Starts an update that holds the lock for a minute, kills -9 the CLI and its host; returns the lock key. */
    async function killDuringUpdate(): Promise<string> {
      const slow = slowLanguageHost(toolsBin, 60);
      cleanup.push(slow);
      let pid = 0;
      const run = session.pulumi(["up", "--yes", "--skip-preview", ...stackArgs()], {
        cwd: program,
        env: { PATH: `${slow}:${session.env.PATH ?? ""}` },
        onStart: (child) => (pid = child.pid ?? 0),
      });
      await waitFor(async () => (await lockKeys()).length === 1, 30_000, "the run's lock");
      expect(pid).toBeGreaterThan(0);
      process.kill(-pid, "SIGKILL"); // the process group: the CLI and the (sleeping) language host
      const killed = await run;
      expect(killed.signal).toBe("SIGKILL");
      const locks = await lockKeys();
      expect(locks).toEqual([
        expect.stringMatching(new RegExp(`^\\.pulumi/locks/organization/${PROJECT}/${STACK}/`)),
      ]);
      return locks[0]!;
    }
  });

  describe("a state of 1,000 resources", () => {
    it("round-trips through pulumi stack import and export, resource for resource", async () => {
      await session.ok(["stack", "init", "big"], inProgram);
      const big = syntheticState(await exportState(), "big", 1000);
      const file = join(program, "big.json");
      writeFileSync(file, JSON.stringify(big));
      await session.ok(["stack", "import", "--file", file, "--stack", "big"], inProgram);
      const back = JSON.parse(
        (await session.ok(["stack", "export", "--stack", "big"], inProgram)).stdout,
      ) as Deployment;
      expect(back.deployment.resources).toHaveLength(big.deployment.resources!.length);
      expect(back.deployment.resources!.filter((r) => r.type === COMPONENT_TYPE)).toHaveLength(1000);
      expect(back.deployment.resources).toEqual(big.deployment.resources);
      expect((await storedCheckpoint("big")).latest.resources).toHaveLength(big.deployment.resources!.length);
    }, 180_000);
  });
});

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
