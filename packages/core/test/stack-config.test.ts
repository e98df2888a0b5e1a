import { describe, expect, it } from "vitest";
import { z } from "zod";
import { StackConfigError, formatStackConfigError } from "../src/index";
import {
  describeStackValue,
  regionSchema,
  stackConfigIssuesFromZod,
  stackConfigKey,
  stackConfigMessage,
  stackFileName,
} from "../src/internal";
import type { StackConfigIssuesOptions } from "../src/internal";

const keys = { namespace: "platform", keys: { region: "scaleway:region" } };

function zodError(schema: z.ZodType, input: unknown): z.ZodError {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the input to be refused");
  return result.error;
}

describe("StackConfigError", () => {
  it("writes one line per bad key: stack file, key, message", () => {
    const error = new StackConfigError("Pulumi.production.yaml", [
      { key: "platform:monitoring.contacts", message: "expected at least one contact in production" },
      { key: "scaleway:region", message: 'expected a Scaleway region; received "us-east-1"' },
    ]);
    expect(error.message).toBe(
      [
        "Pulumi.production.yaml: platform:monitoring.contacts: expected at least one contact in production",
        'Pulumi.production.yaml: scaleway:region: expected a Scaleway region; received "us-east-1"',
      ].join("\n"),
    );
  });

  it("keeps the stack file and the issues for tools, and is named StackConfigError", () => {
    const issues = [{ key: "state-backend:projectId", message: "expected a UUID" }];
    const error = new StackConfigError("Pulumi.shared.yaml", issues);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("StackConfigError");
    expect(error.stackFile).toBe("Pulumi.shared.yaml");
    expect(error.issues).toEqual(issues);
  });

  it("still names the stack file when given no issue", () => {
    expect(formatStackConfigError("Pulumi.dev.yaml", [])).toBe("Pulumi.dev.yaml: invalid configuration");
  });
});

describe("stackFileName", () => {
  it("is Pulumi.<stack>.yaml", () => {
    expect(stackFileName("production")).toBe("Pulumi.production.yaml");
  });
});

describe("stackConfigMessage", () => {
  it("folds what was received into the message", () => {
    expect(stackConfigMessage("expected an IAM user id (a UUID)", '"bob"')).toBe(
      'expected an IAM user id (a UUID); received "bob"',
    );
  });

  it("is the expected text alone when there is nothing to say about the value", () => {
    expect(stackConfigMessage("expected at least one contact in production")).toBe(
      "expected at least one contact in production",
    );
  });
});

describe("stackConfigKey", () => {
  it("prefixes a field path with the namespace", () => {
    expect(stackConfigKey(["owners", 0, "userId"], keys)).toBe("platform:owners[0].userId");
  });

  it("takes a ConfigIssue's formatted path as well", () => {
    expect(stackConfigKey("owners[0].userId", keys)).toBe("platform:owners[0].userId");
  });

  it("gives a field read from another namespace its own key", () => {
    expect(stackConfigKey(["region"], keys)).toBe("scaleway:region");
    expect(stackConfigKey("region", keys)).toBe("scaleway:region");
  });

  it("keeps the rest of the path after a field of another namespace", () => {
    expect(stackConfigKey(["region", "name"], keys)).toBe("scaleway:region.name");
  });

  it("maps only the top-level field, not a nested field of the same name", () => {
    expect(stackConfigKey(["network", "region"], keys)).toBe("platform:network.region");
    expect(stackConfigKey("regions", keys)).toBe("platform:regions");
  });

  it("keeps a first path part that holds a dot as one field", () => {
    expect(stackConfigKey(["region.old"], keys)).toBe("platform:region.old");
  });

  it("is the namespace itself for the empty path", () => {
    expect(stackConfigKey([], keys)).toBe("platform");
  });
});

describe("describeStackValue", () => {
  it("describes a given value as ConfigError does", () => {
    expect(describeStackValue(["owners", 0, "userId"], "bob")).toBe('"bob"');
    expect(describeStackValue(["owners"], [])).toBe("an array of 0");
  });

  it("says nothing about a missing value by default", () => {
    expect(describeStackValue(["projectId"], undefined)).toBeUndefined();
  });

  it("uses the given text for a missing value", () => {
    expect(describeStackValue(["projectId"], undefined, { missing: "nothing" })).toBe("nothing");
  });

  it("never quotes the value of a secret-looking key, at any depth", () => {
    expect(describeStackValue(["tags", "apiToken"], "tok_live_1234")).toBe(
      "a string of 13 characters (value redacted)",
    );
    expect(describeStackValue(["credentials", 0, "name"], 12)).toBe("a number (value redacted)");
  });

  it("never quotes the value of a path the caller redacts", () => {
    const redact = (path: readonly PropertyKey[]) => path[0] === "environment";
    expect(describeStackValue(["environment", "S3_REGION"], "nl-ams", { redact })).toBe(
      "a string of 6 characters (value redacted)",
    );
    expect(describeStackValue(["project"], "nl-ams", { redact })).toBe('"nl-ams"');
  });
});

describe("stackConfigIssuesFromZod", () => {
  const schema = z.strictObject({
    region: regionSchema,
    owners: z.array(z.object({ userId: z.uuid({ error: "expected an IAM user id (a UUID)" }) }), {
      error: "expected a list of owners",
    }),
    tags: z.record(z.string(), z.string({ error: "expected a string" })).optional(),
    api: z.strictObject({ port: z.number({ error: "expected a port" }).optional() }).optional(),
  });
  const options: StackConfigIssuesOptions = keys;

  it("reports each issue at its stack key with what the stack file holds there", () => {
    const input = { region: "us-east-1", owners: [{ userId: "bob" }] };
    expect(stackConfigIssuesFromZod(zodError(schema, input), input, options)).toEqual([
      {
        key: "scaleway:region",
        message: 'expected a Scaleway region: fr-par | nl-ams | pl-waw; received "us-east-1"',
      },
      { key: "platform:owners[0].userId", message: 'expected an IAM user id (a UUID); received "bob"' },
    ]);
  });

  it("leaves 'received' out for a missing value unless told how to say it", () => {
    const input = { region: "fr-par" };
    expect(stackConfigIssuesFromZod(zodError(schema, input), input, options)).toEqual([
      { key: "platform:owners", message: "expected a list of owners" },
    ]);
    expect(
      stackConfigIssuesFromZod(zodError(schema, input), input, { ...options, missing: "nothing" }),
    ).toEqual([{ key: "platform:owners", message: "expected a list of owners; received nothing" }]);
  });

  it("never quotes a value under a secret-looking key", () => {
    const input = { region: "fr-par", owners: [], tags: { dbPassword: 12345678 } };
    expect(stackConfigIssuesFromZod(zodError(schema, input), input, options)).toEqual([
      { key: "platform:tags.dbPassword", message: "expected a string; received a number (value redacted)" },
    ]);
  });

  it("reports each unknown key on its own, with the caller's message", () => {
    const input = { region: "fr-par", owners: [], regoin: "nl-ams", api: { prot: 8080 } };
    const unknownKey = (path: readonly PropertyKey[]) =>
      path.length === 1 ? "unknown key (known keys: …)" : "unknown key (see the README)";
    expect(stackConfigIssuesFromZod(zodError(schema, input), input, { ...options, unknownKey })).toEqual([
      { key: "platform:api.prot", message: "unknown key (see the README)" },
      { key: "platform:regoin", message: "unknown key (known keys: …)" },
    ]);
  });

  it("calls an unknown key just that by default, without quoting its value", () => {
    const input = { region: "fr-par", owners: [], apiToken: "tok_live_1234" };
    expect(stackConfigIssuesFromZod(zodError(schema, input), input, options)).toEqual([
      { key: "platform:apiToken", message: "unknown key" },
    ]);
  });
});
