// Credentials are caught by their value, whatever the variable or header that holds them is called.
import { describe, expect, it } from "vitest";
import { secretLookingVariablePart } from "@scaleway-blocks/core/internal";
import { evaluate } from "../src/index";
import { graphOf, resource } from "./fixtures";
import { FAKE } from "./scaleway-cases";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const CONTAINER = SCALEWAY_TYPES.container;
const TRIGGER = SCALEWAY_TYPES.containerTrigger;

const containerWith = (environmentVariables: Record<string, string>) =>
  resource(CONTAINER, { namespaceId: "ns", privacy: "private", environmentVariables });
const triggerWith = (headers: Record<string, string>) =>
  resource(TRIGGER, { containerId: "c", cron: { schedule: "0 * * * *", timezone: "UTC", headers } });

const messages = (r: ReturnType<typeof resource>, ruleId: string) =>
  evaluate(graphOf(r))
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.message);

const CREDENTIALS: [string, string, RegExp][] = [
  ["a Stripe live key", FAKE.stripe, /a Stripe live secret key/],
  ["a GitHub token", FAKE.github, /a GitHub token/],
  [
    "a Scaleway access key with its secret key in one text",
    `${FAKE.scwAccess}:${FAKE.scwSecret}`,
    /a Scaleway access key and secret key/,
  ],
  ["an AWS access key", FAKE.aws, /an AWS access key/],
  ["a DSN with a password", FAKE.dsn, /a URL with a password/],
  [
    "a Redis URL with a password and no user",
    ["redis://", "s3cr3t@cache:6379"].join(":"),
    /a URL with a password/,
  ],
  ["a Slack bot token", ["xoxb", "1234567890", "abcdefghij"].join("-"), /a Slack token/],
  ["a private key", ["-----BEGIN RSA", "PRIVATE KEY-----\nMIIB"].join(" "), /a private key/],
];

describe("secret-looking values", () => {
  it.each(CREDENTIALS)(
    "are caught in a container's plain environment: %s under a harmless name",
    (_what, value, message) => {
      const found = messages(containerWith({ UPSTREAM_CONFIG: value }), "scw-container-no-plain-secret-env");
      expect(found.join("\n")).toMatch(message);
      expect(found.join("\n")).not.toContain(value);
    },
  );

  it.each(CREDENTIALS)("are caught in a trigger header: %s", (_what, value, message) => {
    const found = messages(triggerWith({ "X-Upstream": value }), "scw-no-plain-credentials");
    expect(found.join("\n")).toMatch(message);
    expect(found.join("\n")).not.toContain(value);
  });

  it("catch a UUID as a Scaleway secret key when a Scaleway access key sits beside it", () => {
    const found = messages(
      containerWith({ UPLOAD_ID: FAKE.scwAccess, UPLOAD_REF: FAKE.scwSecret }),
      "scw-container-no-plain-secret-env",
    );
    expect(found).toEqual([
      "environmentVariables.UPLOAD_ID holds a Scaleway access key.",
      "environmentVariables.UPLOAD_REF holds a Scaleway secret key (a UUID next to a Scaleway access key).",
    ]);
  });

  it.each([
    ["a project id (a UUID alone)", "11111111-2222-4333-8444-555555555555"],
    // An access key is an identifier: "not a sensitive piece of information", unlike the secret key
    // (https://www.scaleway.com/en/developers/api/iam/api-keys).
    ["a Scaleway access key alone", FAKE.scwAccess],
    ["a URL without a password", "https://api.example.com/v1"],
    ["a URL with a user but no password", "postgres://app@db.internal:5432/shop"],
    ["an image reference", "rg.fr-par.scw.cloud/shop/api:1.0.0"],
    ["a Stripe test-mode publishable key", ["pk", "test", "TYooMQauvdEDq54NiTphI7jx"].join("_")],
    ["a log level", "info"],
  ])("let ordinary values through: %s", (_what, value) => {
    expect(messages(containerWith({ UPSTREAM_CONFIG: value }), "scw-container-no-plain-secret-env")).toEqual(
      [],
    );
    expect(messages(triggerWith({ "X-Upstream": value }), "scw-no-plain-credentials")).toEqual([]);
  });

  it("let a Scaleway access key and the project id through: an identifier beside an id is no key pair", () => {
    const env = {
      SCW_ACCESS_KEY: FAKE.scwAccess,
      SCW_DEFAULT_PROJECT_ID: "11111111-2222-4333-8444-555555555555",
    };
    expect(messages(containerWith(env), "scw-container-no-plain-secret-env")).toEqual([]);
    expect(messages(resource(SCALEWAY_TYPES.jobDefinition, { env }), "scw-no-plain-credentials")).toEqual([]);
  });

  it("still catch the pair when the secret key sits beside the access key under SCW_SECRET_KEY", () => {
    const found = messages(
      containerWith({ SCW_ACCESS_KEY: FAKE.scwAccess, SCW_SECRET_KEY: FAKE.scwSecret }),
      "scw-container-no-plain-secret-env",
    );
    expect(found).toEqual([
      "environmentVariables.SCW_ACCESS_KEY holds a Scaleway access key.",
      "environmentVariables.SCW_SECRET_KEY looks like a secret (by its name).",
    ]);
  });
});

describe("secret-looking names", () => {
  it.each([
    "SCW_ACCESS_KEY",
    "S3_ACCESS_KEY_ID",
    "SECRET_NAME",
    "SCW_SECRET_KEY",
    "STRIPE_API_KEY",
    "LOG_LEVEL",
  ])("are judged by core's one rule for plain variables (the container block's too): %s", (name) => {
    const flagged = messages(containerWith({ [name]: "x" }), "scw-container-no-plain-secret-env").length > 0;
    expect(flagged).toBe(secretLookingVariablePart(name) !== undefined);
  });

  it("allow SCW_ACCESS_KEY and refuse SCW_SECRET_KEY", () => {
    expect(
      messages(containerWith({ SCW_ACCESS_KEY: FAKE.scwAccess }), "scw-container-no-plain-secret-env"),
    ).toEqual([]);
    expect(messages(containerWith({ SCW_SECRET_KEY: "x" }), "scw-container-no-plain-secret-env")).toEqual([
      "environmentVariables.SCW_SECRET_KEY looks like a secret (by its name).",
    ]);
  });
});
