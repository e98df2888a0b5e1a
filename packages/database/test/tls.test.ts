// Encryption in transit (issue 20): every connection string the block writes requires TLS.
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import { requireTls } from "../src/tls";
import { T, managed, serverless, storedValue } from "./fixtures";

/** The sslmode of a postgres:// URL. */
function sslmode(url: string): string | null {
  return new URL(url).searchParams.get("sslmode");
}

describe("Database: connection strings require TLS", () => {
  it("writes sslmode=require into every managed connection string, owners and read-only users alike", async () => {
    const { graph, result } = await record(
      () =>
        new Database(
          "db",
          managed({ databases: [{ name: "shop", readOnlyUsers: ["reporting"] }, { name: "audit" }] }),
        ),
    );
    const references = [
      result.connectionSecret("shop"),
      result.connectionSecret("audit"),
      result.connectionSecret("shop", "reporting"),
    ];
    for (const reference of references) {
      const url = await valueOf(reference.value);
      expect(sslmode(url)).toBe("require");
      // What Secret Manager stores is the same string.
      expect(storedValue(graph, await valueOf(reference.secretName))).toBe(url);
    }
  });

  it("adds sslmode=require to a Serverless SQL endpoint that does not ask for TLS", async () => {
    const { result } = await record(() => new Database("db", serverless({ iamAccess: true })), {
      resources: {
        [T.serverless]: () => ({
          state: { endpoint: "postgres://abc.pg.sdb.fr-par.scw.cloud:5432/shop-dev-db?sslmode=disable" },
        }),
      },
    });
    const url = await valueOf(result.connectionSecret("shop-dev-db").value);
    expect(sslmode(url)).toBe("require");
    expect(new URL(url).hostname).toBe("abc.pg.sdb.fr-par.scw.cloud");
  });

  it("outputs the managed instance's TLS certificate for verify-full, and none for Serverless SQL", async () => {
    const { graph, result } = await record(() => new Database("db", managed()));
    expect(await valueOf(result.tlsCertificate!)).toBe(graph.one(T.instance).outputs.certificate);
    expect(await valueOf(result.tlsCertificate!)).toContain("BEGIN CERTIFICATE");
    const sdb = await record(() => new Database("db", serverless()));
    expect(sdb.result.tlsCertificate).toBeUndefined();
  });
});

describe("requireTls", () => {
  it("appends sslmode=require when the string has no query or no sslmode", () => {
    expect(requireTls("postgres://u:p@h:5432/db")).toBe("postgres://u:p@h:5432/db?sslmode=require");
    expect(requireTls("postgres://u:p@h:5432/db?application_name=api")).toBe(
      "postgres://u:p@h:5432/db?application_name=api&sslmode=require",
    );
  });

  it.each(["disable", "allow", "prefer"])(
    "replaces sslmode=%s, which may send the password in clear",
    (mode) => {
      expect(requireTls(`postgres://u:p@h/db?sslmode=${mode}&x=1`)).toBe(
        "postgres://u:p@h/db?sslmode=require&x=1",
      );
    },
  );

  it.each(["require", "verify-ca", "verify-full"])("keeps sslmode=%s unchanged", (mode) => {
    const url = `postgres://u:p@h/db?sslmode=${mode}`;
    expect(requireTls(url)).toBe(url);
  });

  it("leaves the credentials byte for byte, even with ? or @ in the password", () => {
    expect(requireTls("postgres://u:p?a@b@h/db")).toBe("postgres://u:p?a@b@h/db?sslmode=require");
  });
});
