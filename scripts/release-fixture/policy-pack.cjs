// Starts a CrossGuard policy pack the way Pulumi's Node.js policy host does, and talks to it over
// gRPC as the Pulumi CLI does: the pack's program runs in its own Node process whose working
// directory is the pack (PolicyPack reads the pack's version from ./package.json there), serves
// Pulumi's Analyzer service on 127.0.0.1 and prints its port on stdout (@pulumi/policy server.js
// `serve`). Here Node runs the program directly: the Pulumi CLI and its policy host are not involved.
"use strict";
const { spawn } = require("node:child_process");
const { createRequire } = require("node:module");

/**
 * @param {string} packDir the policy pack's folder
 * @param {{ resolveFrom: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options
 *   resolveFrom: a file whose node_modules hold @pulumi/pulumi (for its gRPC client and protos)
 */
async function startPolicyPack(packDir, options) {
  const from = createRequire(options.resolveFrom);
  const pulumiRequire = createRequire(from.resolve("@pulumi/pulumi"));
  const grpc = pulumiRequire("@grpc/grpc-js");
  const analyzerGrpc = pulumiRequire("@pulumi/pulumi/proto/analyzer_grpc_pb");
  const analyzerProto = pulumiRequire("@pulumi/pulumi/proto/analyzer_pb");
  const { Empty } = pulumiRequire("google-protobuf/google/protobuf/empty_pb");
  const { Struct } = pulumiRequire("google-protobuf/google/protobuf/struct_pb");

  const child = spawn(process.execPath, ["-e", "require(process.cwd())"], {
    cwd: packDir,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const port = await new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(
      () =>
        reject(
          new Error(`the policy pack printed no port within ${options.timeoutMs ?? 30000} ms: ${stderr}`),
        ),
      options.timeoutMs ?? 30000,
    );
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = /^(\d+)\s*$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the policy pack exited with code ${code} before serving: ${stderr}`));
    });
  });
  const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = (method, request) =>
    new Promise((resolve, reject) =>
      client[method](request, (error, response) => (error ? reject(error) : resolve(response))),
    );

  return {
    port,
    /** The pack's name and policies ({ name, enforcementLevel }), as `GetAnalyzerInfo` gives them to the CLI. */
    async info() {
      const info = await call("getAnalyzerInfo", new Empty());
      const levels = ["advisory", "mandatory", "disabled", "remediate"];
      return {
        name: info.getName(),
        policies: info.getPoliciesList().map((p) => ({
          name: p.getName(),
          enforcementLevel: levels[p.getEnforcementlevel()] ?? String(p.getEnforcementlevel()),
        })),
      };
    },
    /** The violations the pack reports for one resource, as `Analyze` gives them to the CLI. */
    async analyze({ type, name, urn, properties }) {
      const request = new analyzerProto.AnalyzeRequest();
      request.setType(type);
      request.setName(name);
      request.setUrn(urn);
      request.setProperties(Struct.fromJavaScript(properties));
      request.setOptions(new analyzerProto.AnalyzerResourceOptions()); // the CLI always sends them
      const response = await call("analyze", request);
      const levels = ["advisory", "mandatory", "disabled", "remediate"];
      return response.getDiagnosticsList().map((d) => ({
        policyName: d.getPolicyname(),
        enforcementLevel: levels[d.getEnforcementlevel()] ?? String(d.getEnforcementlevel()),
        message: d.getMessage(),
        urn: d.getUrn(),
      }));
    },
    stop() {
      client.close();
      child.kill("SIGTERM");
    },
  };
}

module.exports = { startPolicyPack };
