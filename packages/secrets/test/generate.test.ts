import { BLOCK_TYPES, record, unwrapSecrets } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import { PASSWORD, VERSION, argsWith } from "./helpers";

const DSN_SAFE_SPECIALS = "-_";
const FULL_SPECIALS = "!@#$%&*()-_=+[]{}<>:?";

describe("generated values", () => {
  it("generates 32 characters by default", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { generate: {} } })));
    expect(graph.inputsOf(PASSWORD).length).toBe(32);
  });

  it.each([16, 64, 128])("generates the %i characters asked for", async (length) => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { generate: { length } } })));
    expect(graph.inputsOf(PASSWORD).length).toBe(length);
    expect(unwrapSecrets(graph.one(PASSWORD).outputs.result)).toHaveLength(length);
  });

  it("uses the dsn-safe alphabet by default: letters, digits, - and _, at least one of each class", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { generate: {} } })));
    expect(graph.inputsOf(PASSWORD)).toMatchObject({
      upper: true,
      lower: true,
      numeric: true,
      special: true,
      overrideSpecial: DSN_SAFE_SPECIALS,
      minUpper: 1,
      minLower: 1,
      minNumeric: 1,
      minSpecial: 1,
    });
  });

  it("generates a dsn-safe value that a postgres URL takes unescaped and RDB accepts as a password", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { generate: { alphabet: "dsn-safe" } } })),
    );
    const value = unwrapSecrets(graph.one(PASSWORD).outputs.result) as string;
    expect(value).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(encodeURIComponent(value)).toBe(value);
    for (const cls of [/[A-Z]/, /[a-z]/, /[0-9]/, /[-_]/]) expect(value).toMatch(cls);
  });

  it("uses letters and digits only for the alphanumeric alphabet", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { generate: { alphabet: "alphanumeric" } } })),
    );
    expect(graph.inputsOf(PASSWORD)).toMatchObject({
      upper: true,
      lower: true,
      numeric: true,
      special: false,
      minUpper: 1,
      minLower: 1,
      minNumeric: 1,
    });
    expect(unwrapSecrets(graph.one(PASSWORD).outputs.result)).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it("adds the full special set for the full alphabet", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { generate: { alphabet: "full" } } })),
    );
    expect(graph.inputsOf(PASSWORD)).toMatchObject({
      upper: true,
      lower: true,
      numeric: true,
      special: true,
      overrideSpecial: FULL_SPECIALS,
      minUpper: 1,
      minLower: 1,
      minNumeric: 1,
      minSpecial: 1,
    });
  });

  it("stores the generated value as the version payload, as a secret", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { generate: {} } })));
    const generated = unwrapSecrets(graph.one(PASSWORD).outputs.result);
    expect(unwrapSecrets(graph.inputsOf(VERSION).data)).toBe(generated);
    expect(graph.one(VERSION).propertyDependencies.data).toEqual([graph.one(PASSWORD).urn]);
  });

  it("names the random password after the component and key, parented to the component", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ "db-password": { generate: {} } })));
    const password = graph.one(PASSWORD);
    expect(password.name).toBe("app-db-password-value");
    expect(graph.parentOf(password)?.type).toBe(BLOCK_TYPES.secrets);
  });

  it("sets no keepers, so the generated value only changes when length or alphabet change", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { generate: {} } })));
    expect(graph.inputsOf(PASSWORD).keepers).toBeUndefined();
  });
});
