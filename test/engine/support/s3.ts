// A local S3 server for the engine tests: versitygw (github.com/versity/versitygw, built by
// scripts/pulumi-tools.mjs) over a temporary directory, on a free 127.0.0.1 port, with TLS (a
// self-signed certificate for 127.0.0.1 made by openssl), and a small SigV4-signed client to create
// buckets and read what the Pulumi CLI wrote.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REGION = "fr-par";

export interface S3Server {
  /** host:port, the form StateBackend's backendUrl gives for Scaleway (no scheme: the CLI adds https://). */
  readonly endpoint: string;
  readonly port: number;
  /** The PEM file of the server's certificate: SSL_CERT_FILE for the Pulumi CLI. */
  readonly caFile: string;
  readonly accessKey: string;
  readonly secretKey: string;
  /** What the server printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts versitygw on a free loopback port; resolves once it answers S3 requests. */
export async function startS3Server(versitygw: string): Promise<S3Server> {
  const dir = mkdtempSync(join(tmpdir(), "sb-s3-"));
  const root = join(dir, "data");
  mkdirSync(root);
  const caFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  const ssl = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      keyFile,
      "-out",
      caFile,
    ],
    { encoding: "utf8" },
  );
  if (ssl.status !== 0)
    throw new Error(`openssl could not make a certificate: ${ssl.stderr}${ssl.error ?? ""}`);
  const accessKey = "SCWENGINETESTACCESS0";
  const secretKey = "engine-test-secret-key-0000000000000000";
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(
    versitygw,
    [
      "--access",
      accessKey,
      "--secret",
      secretKey,
      "--region",
      REGION,
      "--port",
      `127.0.0.1:${port}`,
      "--cert",
      caFile,
      "--key",
      keyFile,
      "posix",
      root,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      exited = code;
      resolve();
    }),
  );
  const server: S3Server = {
    endpoint: `127.0.0.1:${port}`,
    port,
    caFile,
    accessKey,
    secretKey,
    log: () => output,
    async stop() {
      if (exited === undefined) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const client = new S3Client(server);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`versitygw exited with ${String(exited)}:\n${output}`);
    try {
      await client.listBuckets();
      return server;
    } catch (error) {
      if (Date.now() > deadline) {
        await server.stop();
        throw new Error(
          `versitygw did not answer on ${server.endpoint} in 30 s (${String(error)}):\n${output}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export interface S3Response {
  status: number;
  body: Buffer;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Just enough of S3 for the tests, path-style, signed with AWS Signature Version 4. */
export class S3Client {
  constructor(private readonly server: S3Server) {}

  async send(
    method: string,
    path: string,
    query: Record<string, string> = {},
    body: Buffer = Buffer.alloc(0),
  ): Promise<S3Response> {
    const { server } = this;
    const now = new Date()
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const day = now.slice(0, 8);
    const canonicalUri = path
      .split("/")
      .map((segment) => rfc3986(segment))
      .join("/");
    const canonicalQuery = Object.keys(query)
      .sort()
      .map((k) => `${rfc3986(k)}=${rfc3986(query[k]!)}`)
      .join("&");
    const payloadHash = sha256(body);
    const headers: Record<string, string> = {
      host: server.endpoint,
      "x-amz-content-sha256": payloadHash,
      "x-amz-date": now,
    };
    const signed = Object.keys(headers).sort();
    const canonicalRequest = [
      method,
      canonicalUri,
      canonicalQuery,
      ...signed.map((h) => `${h}:${headers[h]!}`),
      "",
      signed.join(";"),
      payloadHash,
    ].join("\n");
    const scope = `${day}/${REGION}/s3/aws4_request`;
    const toSign = ["AWS4-HMAC-SHA256", now, scope, sha256(canonicalRequest)].join("\n");
    let key: Buffer = hmac(`AWS4${server.secretKey}`, day);
    for (const part of [REGION, "s3", "aws4_request"]) key = hmac(key, part);
    const signature = createHmac("sha256", key).update(toSign).digest("hex");
    headers.authorization =
      `AWS4-HMAC-SHA256 Credential=${server.accessKey}/${scope}, ` +
      `SignedHeaders=${signed.join(";")}, Signature=${signature}`;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: server.port,
          method,
          path: canonicalUri + (canonicalQuery ? `?${canonicalQuery}` : ""),
          headers: { ...headers, "content-length": String(body.length) },
          ca: readFileSync(server.caFile),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  private async ok(method: string, path: string, query?: Record<string, string>, body?: Buffer) {
    const res = await this.send(method, path, query, body);
    if (res.status >= 300) {
      throw new Error(`${method} ${path} → ${res.status}: ${res.body.toString("utf8").slice(0, 500)}`);
    }
    return res;
  }

  async listBuckets(): Promise<string[]> {
    const res = await this.ok("GET", "/");
    return [...res.body.toString("utf8").matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => m[1]!);
  }

  async createBucket(bucket: string): Promise<void> {
    await this.ok("PUT", `/${bucket}`);
  }

  /** Every key under a prefix (ListObjectsV2, following continuation tokens). */
  async listKeys(bucket: string, prefix = ""): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const query: Record<string, string> = { "list-type": "2", prefix };
      if (token) query["continuation-token"] = token;
      const xml = (await this.ok("GET", `/${bucket}`, query)).body.toString("utf8");
      for (const m of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(unescapeXml(m[1]!));
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml)
        ? unescapeXml(/<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] ?? "")
        : undefined;
    } while (token);
    return keys.sort();
  }

  async getObject(bucket: string, key: string): Promise<Buffer> {
    return (await this.ok("GET", `/${bucket}/${key}`)).body;
  }

  async putObject(bucket: string, key: string, body: Buffer): Promise<void> {
    await this.ok("PUT", `/${bucket}/${key}`, {}, body);
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    await this.ok("DELETE", `/${bucket}/${key}`);
  }
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Writes a file, creating its directory. */
export function writeFile(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}
