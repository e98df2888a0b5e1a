import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import {
  REGIONAL_UUID_PATTERN,
  UUID_PATTERN,
  iamPrincipalSchema,
  keyManagerKeyIdSchema,
  projectIdSchema,
  uuidSchema,
} from "../src/internal";

const ID = "1111aaaa-2222-4333-8444-5555bbbb5555";

const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues[0]?.message;

describe("UUID_PATTERN", () => {
  it("matches a lowercase UUID", () => {
    expect(UUID_PATTERN.test(ID)).toBe(true);
  });

  it.each([ID.toUpperCase(), ID.slice(1), "fr-par/" + ID, ID + "0", ""])("refuses %j", (value) => {
    expect(UUID_PATTERN.test(value)).toBe(false);
  });
});

describe("REGIONAL_UUID_PATTERN", () => {
  it.each([ID, "fr-par/" + ID, "nl-ams/" + ID, "pl-waw/" + ID])("matches %j", (value) => {
    expect(REGIONAL_UUID_PATTERN.test(value)).toBe(true);
  });

  it.each(["us-east-1/" + ID, "fr-par-1/" + ID, "fr-par/", "/" + ID])("refuses %j", (value) => {
    expect(REGIONAL_UUID_PATTERN.test(value)).toBe(false);
  });
});

describe("uuidSchema", () => {
  it("accepts a UUID", () => {
    expect(uuidSchema("an IAM user id").parse(ID)).toBe(ID);
  });

  it("names what it expected in the error", () => {
    expect(messageOf(uuidSchema("an IAM user id").safeParse("admin"))).toBe(
      "expected an IAM user id (a UUID)",
    );
  });

  it("accepts an Output without resolving it", () => {
    expect(uuidSchema("an IAM user id").safeParse(pulumi.output("not checked now")).success).toBe(true);
  });

  it("backs projectIdSchema", () => {
    expect(messageOf(projectIdSchema.safeParse("p"))).toBe("expected a Scaleway project id (a UUID)");
  });
});

describe("keyManagerKeyIdSchema", () => {
  it.each([ID, "fr-par/" + ID])("accepts %j", (value) => {
    expect(keyManagerKeyIdSchema.parse(value)).toBe(value);
  });

  it("refuses a key name", () => {
    expect(messageOf(keyManagerKeyIdSchema.safeParse("my-key"))).toBe(
      'expected a Key Manager key id: "<uuid>" or "<region>/<uuid>"',
    );
  });

  it("accepts an Output", () => {
    expect(keyManagerKeyIdSchema.safeParse(pulumi.output("fr-par/" + ID)).success).toBe(true);
  });
});

describe("iamPrincipalSchema", () => {
  it.each([{ userId: ID }, { applicationId: ID }])("accepts %j", (principal) => {
    expect(iamPrincipalSchema.parse(principal)).toEqual(principal);
  });

  it.each([{}, { userId: ID, applicationId: ID }])("refuses %j: exactly one is required", (principal) => {
    expect(messageOf(iamPrincipalSchema.safeParse(principal))).toBe(
      "expected exactly one of userId or applicationId",
    );
  });

  it("refuses an id that is not a UUID, naming the kind of id", () => {
    expect(messageOf(iamPrincipalSchema.safeParse({ applicationId: "ci" }))).toBe(
      "expected an IAM application id (a UUID)",
    );
  });

  it("refuses unknown keys", () => {
    expect(iamPrincipalSchema.safeParse({ userId: ID, groupId: ID }).success).toBe(false);
  });
});
