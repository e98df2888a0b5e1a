// What scripts/urn-guard.mjs snapshots (issue 18): each building block with its default args in each
// environment, and each stack of the deployments. Every case is a mock run (the recorder
// @scaleway-blocks/recorder in this process for the blocks, the plan's program host for the stacks): no
// preview by the real CLI, no engine run, no deployment to Scaleway.
//
// The blocks load from their built dist/ (CI builds every package before the guard runs).
import { createRequire } from "node:module";
import { join } from "node:path";

export const ENVIRONMENTS = ["dev", "staging", "production"];

/** Fixed ids, so that the snapshots do not depend on anything but the code. */
const PROJECT_ID = "11111111-2222-4333-8444-555555555555";
const PRIVATE_NETWORK_ID = "fr-par/11111111-2222-4333-8444-666666666666";
const ADMIN_USER = "bbbbbbbb-0000-4000-8000-000000000001";

/**
 * Each block's default args: what its README's smallest example passes (the required fields only), with
 * the environment under test. Keys are the package directories under packages/.
 */
export const BLOCK_CASES = {
  container: {
    component: "Service",
    name: "api",
    args: (environment) => ({
      project: "shop",
      environment,
      containers: { web: { image: { repository: "api", tag: "1.0.0" } } },
    }),
  },
  database: {
    component: "Database",
    name: "db",
    args: (environment) => ({
      project: "shop",
      environment,
      mode: "managed",
      network: PRIVATE_NETWORK_ID,
      databases: [{ name: "shop" }],
    }),
  },
  "database-serverless": {
    dir: "database",
    component: "Database",
    name: "db",
    args: (environment) => ({ project: "shop", environment, mode: "serverless" }),
  },
  identity: {
    component: "Identity",
    name: "worker",
    args: (environment) => ({ project: "shop", environment, description: "Order worker" }),
  },
  monitoring: {
    component: "Monitoring",
    name: "mon",
    args: (environment) => ({
      project: "shop",
      environment,
      // Production refuses a Monitoring nobody is alerted by.
      ...(environment === "production" ? { contactPoints: [{ email: "oncall@example.com" }] } : {}),
    }),
  },
  network: {
    component: "Network",
    name: "net",
    args: (environment) => ({ project: "shop", environment }),
  },
  secrets: {
    component: "Secrets",
    name: "app",
    args: (environment) => ({ project: "shop", environment, secrets: { token: { generate: {} } } }),
  },
  "state-backend": {
    component: "StateBackend",
    name: "state",
    args: (environment) => ({
      project: "platform",
      environment,
      projectId: PROJECT_ID,
      owners: [{ userId: ADMIN_USER }],
    }),
  },
  storage: {
    component: "Bucket",
    name: "assets",
    args: (environment) => ({ project: "shop", environment }),
  },
};

/** The Pulumi projects under deployments/ and their stacks (Pulumi.<stack>.yaml). */
export const DEPLOYMENT_CASES = {
  platform: ["dev", "staging", "production"],
  "state-backend": ["shared"],
};

/**
 * The subjects of the repository at `root`: one per block (one snapshot file, a case per environment;
 * the database's two modes are two cases each) and one per deployment stack.
 * @returns {import("./urn-guard.mjs").Subject[]}
 */
export function repoSubjects(root) {
  const require = createRequire(join(root, "package.json"));
  const subjects = new Map();
  for (const [key, spec] of Object.entries(BLOCK_CASES)) {
    const dir = spec.dir ?? key;
    const manifest = require(join(root, "packages", dir, "package.json"));
    const subject = subjects.get(dir) ?? {
      package: manifest.name,
      file: join("packages", dir, "snapshots", "urns.json"),
      cases: {},
    };
    for (const environment of ENVIRONMENTS) {
      const caseName = key === dir ? environment : `${key.slice(dir.length + 1)}-${environment}`;
      subject.cases[caseName] = async () => {
        const { record } = require(join(root, "packages", "recorder", "dist", "index.js"));
        const Component = require(join(root, "packages", dir, "dist", "index.js"))[spec.component];
        const { graph } = await record(() => new Component(spec.name, spec.args(environment)), {
          project: "snapshot",
          stack: environment,
        });
        return graph;
      };
    }
    subjects.set(dir, subject);
  }
  for (const [project, stacks] of Object.entries(DEPLOYMENT_CASES)) {
    const dir = join(root, "deployments", project);
    const manifest = require(join(dir, "package.json"));
    for (const stack of stacks) {
      subjects.set(`deployments/${project}/${stack}`, {
        package: manifest.name,
        file: join("deployments", project, "snapshots", `${stack}.json`),
        cases: {
          [stack]: async () => {
            const { loadProject, runProgram } = require("@scaleway-blocks/plan");
            const { graph } = await runProgram(loadProject(dir, stack), { output: () => {} });
            return graph;
          },
        },
      });
    }
  }
  return [...subjects.values()];
}
