#!/usr/bin/env node
// A TEST-ONLY STAND-IN for the Scaleway provider plugin (`pulumi-resource-scaleway`), for the engine
// tests of `scaleway-blocks plan --from-preview`. The real plugin cannot be built on this machine
// (its Go module is not served), so this small gRPC server speaks the provider protocol
// (pulumi/pulumi proto/pulumi/provider.proto, through the generated code @pulumi/pulumi ships) for
// three `scaleway:*` types. It never calls Scaleway: ids and outputs are made up.
//
// What is real in a preview made with it: the `pulumi` CLI, its engine (steps, ops, URNs, states) and
// the document `pulumi preview --json` prints. What is OURS, not the provider's: which inputs replace
// a resource (REPLACE_ON below, a few of the ForceNew fields of terraform-provider-scaleway v2.79.0
// that packages/plan/src/replacement.ts lists), delete-before-replace, and every output value.
"use strict";
const { createRequire } = require("node:module");
const { createHash } = require("node:crypto");
const { readFileSync, realpathSync } = require("node:fs");
const { join } = require("node:path");

// @pulumi/pulumi's own copies of grpc-js and the generated protocol code (pnpm does not hoist them).
const sdk = createRequire(realpathSync(require.resolve("@pulumi/pulumi/package.json")));
const grpc = sdk("@grpc/grpc-js");
const providerGrpc = sdk("./proto/provider_grpc_pb.js");
const providerPb = sdk("./proto/provider_pb.js");
const pluginPb = sdk("./proto/plugin_pb.js");
const { Struct } = sdk("google-protobuf/google/protobuf/struct_pb.js");
const { Empty } = sdk("google-protobuf/google/protobuf/empty_pb.js");

const VERSION = "0.0.1-standin";
const SCHEMA = readFileSync(join(__dirname, "schema.json"), "utf8");

/** Inputs whose change makes this stand-in replace the resource (our choice; see the header). */
const REPLACE_ON = {
  "scaleway:databases/instance:Instance": ["userName", "region", "projectId"],
  "scaleway:object/bucket:Bucket": ["name", "objectLockEnabled", "region", "projectId"],
  "scaleway:containers/container:Container": ["namespaceId", "region"],
};
/** A bucket name is unique: the old bucket must go before the new one can take the name. */
const DELETE_BEFORE_REPLACE = new Set(["scaleway:object/bucket:Bucket"]);

const Kind = providerPb.PropertyDiff.Kind;

function typeOf(urn) {
  return urn.split("::")[2].split("$").pop();
}

function same(a, b) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A made-up Scaleway-shaped id ("fr-par/<uuid>"), stable for a URN. */
function fakeId(urn, region) {
  const h = createHash("sha256").update(urn).digest("hex");
  return `${region ?? "fr-par"}/${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Outputs: the inputs plus what the API would fill in. */
function outputsOf(urn, inputs) {
  const outs = { ...inputs, region: inputs.region ?? "fr-par" };
  const type = typeOf(urn);
  if (type === "scaleway:databases/instance:Instance") outs.endpointIp = "10.0.0.5";
  if (type === "scaleway:object/bucket:Bucket") outs.endpoint = `https://${inputs.name}.s3.fr-par.scw.cloud`;
  if (type === "scaleway:containers/container:Container")
    outs.domainName = `${inputs.name}.functions.fnc.fr-par.scw.cloud`;
  return outs;
}

function ok(callback, message) {
  callback(null, message);
}

function fail(callback, error) {
  callback({ code: grpc.status.UNKNOWN, details: String(error && error.stack ? error.stack : error) });
}

/** Check and CheckConfig: the new inputs, unchanged, no failure. */
function acceptAsGiven(call, callback) {
  const resp = new providerPb.CheckResponse();
  resp.setInputs(call.request.getNews());
  ok(callback, resp);
}

const service = {
  getPluginInfo(_call, callback) {
    const info = new pluginPb.PluginInfo();
    info.setVersion(VERSION);
    ok(callback, info);
  },
  getSchema(_call, callback) {
    const resp = new providerPb.GetSchemaResponse();
    resp.setSchema(SCHEMA);
    ok(callback, resp);
  },
  // The provider's configuration and every resource's inputs are taken as they are.
  checkConfig: acceptAsGiven,
  diffConfig(_call, callback) {
    ok(callback, new providerPb.DiffResponse());
  },
  configure(_call, callback) {
    const resp = new providerPb.ConfigureResponse();
    resp.setAcceptsecrets(true);
    resp.setAcceptresources(true);
    resp.setAcceptoutputs(true);
    ok(callback, resp);
  },
  check: acceptAsGiven,
  diff(call, callback) {
    try {
      const req = call.request;
      const type = typeOf(req.getUrn());
      const olds = req.getOldInputs() ? req.getOldInputs().toJavaScript() : req.getOlds().toJavaScript();
      const news = req.getNews().toJavaScript();
      const replaceOn = REPLACE_ON[type] ?? [];
      const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].sort();
      const changed = keys.filter((k) => !same(olds[k], news[k]));
      const replaces = changed.filter((k) => replaceOn.includes(k));
      const resp = new providerPb.DiffResponse();
      resp.setChanges(
        changed.length > 0
          ? providerPb.DiffResponse.DiffChanges.DIFF_SOME
          : providerPb.DiffResponse.DiffChanges.DIFF_NONE,
      );
      resp.setDiffsList(changed);
      resp.setReplacesList(replaces);
      resp.setDeletebeforereplace(replaces.length > 0 && DELETE_BEFORE_REPLACE.has(type));
      resp.setHasdetaileddiff(true);
      const detailed = resp.getDetaileddiffMap();
      for (const k of changed) {
        const d = new providerPb.PropertyDiff();
        const replace = replaces.includes(k);
        const kind = !(k in olds) ? "ADD" : !(k in news) ? "DELETE" : "UPDATE";
        d.setKind(Kind[replace ? `${kind}_REPLACE` : kind]);
        d.setInputdiff(true);
        detailed.set(k, d);
      }
      ok(callback, resp);
    } catch (error) {
      fail(callback, error);
    }
  },
  create(call, callback) {
    const req = call.request;
    const props = req.getProperties().toJavaScript();
    const resp = new providerPb.CreateResponse();
    resp.setId(fakeId(req.getUrn(), props.region));
    resp.setProperties(Struct.fromJavaScript(outputsOf(req.getUrn(), props)));
    ok(callback, resp);
  },
  read(call, callback) {
    const req = call.request;
    const resp = new providerPb.ReadResponse();
    resp.setId(req.getId());
    resp.setProperties(req.getProperties());
    if (req.getInputs()) resp.setInputs(req.getInputs());
    ok(callback, resp);
  },
  update(call, callback) {
    const req = call.request;
    const resp = new providerPb.UpdateResponse();
    resp.setProperties(Struct.fromJavaScript(outputsOf(req.getUrn(), req.getNews().toJavaScript())));
    ok(callback, resp);
  },
  delete(_call, callback) {
    ok(callback, new Empty());
  },
  cancel(_call, callback) {
    ok(callback, new Empty());
  },
};

const server = new grpc.Server();
server.addService(providerGrpc.ResourceProviderService, service);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  // The engine reads the port from the plugin's first line of output.
  process.stdout.write(`${port}\n`);
});
