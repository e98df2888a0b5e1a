import { describe, expect, it } from "vitest";
import {
  NOT_SECRET_SUFFIXES,
  notSecretSuffix,
  secretLookingPart,
  secretLookingVariablePart,
} from "../src/internal";

describe("secretLookingPart", () => {
  it.each([
    ["DB_PASSWORD", "PASSWORD"],
    ["stripeApiKey", "KEY"],
    ["STRIPE_API_KEY", "KEY"],
    ["SENTRY_DSN", "DSN"],
    ["githubToken", "TOKEN"],
    ["JWT_SECRET", "SECRET"],
    ["db-pass", "PASS"],
    ["MYSQL_PWD", "PWD"],
    ["GITHUB_PAT", "PAT"],
    ["GCP_CREDENTIALS", "CREDENTIALS"],
    ["JWT_PRIVATE", "PRIVATE"],
    ["HASH_SALT", "SALT"],
  ])("finds the secret part of %j as a whole name part, in snake, kebab or camel case", (name, part) => {
    expect(secretLookingPart(name)).toBe(part);
  });

  it.each([
    ["MYSECRETVALUE", "SECRET"],
    ["DBPASSWORD", "PASSWORD"],
    ["GITHUBTOKEN", "TOKEN"],
    ["SSH_PRIVATEKEY", "PRIVATEKEY"],
    ["AWS_ACCESSKEY_ID", "ACCESSKEY"],
    ["GPG_PASSPHRASE_TEXT", "PASSPHRASE"],
  ])("finds a secret word inside a longer part of %j", (name, word) => {
    expect(secretLookingPart(name)).toBe(word);
  });

  it.each(["SECRET_ID", "API_KEY_ID", "TOKEN_URL", "DB_PASSWORD_FILE"])(
    "flags %j too: a name that only refers to a secret still looks like one",
    (name) => {
      expect(secretLookingPart(name)).toBeDefined();
    },
  );

  it.each([
    "LOG_LEVEL",
    "NODE_ENV",
    "KEYCLOAK_URL",
    "PASSTHROUGH_MODE",
    "TOKENIZER_MODEL",
    "DATABASE_HOST",
    "PATH_PREFIX",
    "MONKEY_COUNT",
    "S3_ENDPOINT",
    "BUCKET_UPLOADS",
  ])("leaves %j alone, including words that only start like or contain a short secret word", (name) => {
    expect(secretLookingPart(name)).toBeUndefined();
  });
});

describe("secretLookingVariablePart (plain environment variables: the container block, the platform, the policy)", () => {
  it.each([
    "S3_ACCESS_KEY_ID",
    "AWS_ACCESS_KEY_ID",
    "awsAccessKeyId",
    "SCW_ACCESS_KEY",
    "scwAccessKey",
    "BACKUP_SCW_ACCESS_KEY",
    "SECRET_ID",
    "API_KEY_ID",
    "SECRET_NAME",
    "TOKEN_URL",
    "DB_PASSWORD_FILE",
    "PASSWORD_LENGTH",
  ])("allows %j: a reference to a secret or the public half of a key pair, not the secret itself", (name) => {
    expect(secretLookingPart(name)).toBeDefined();
    expect(secretLookingVariablePart(name)).toBeUndefined();
  });

  it.each([
    ["S3_SECRET_ACCESS_KEY", "SECRET"],
    ["SCW_SECRET_KEY", "SECRET"],
    ["ACCESS_KEY", "KEY"],
    ["AZURE_STORAGE_ACCESS_KEY", "KEY"],
    ["AWS_SECRET_ACCESS_KEY", "SECRET"],
    ["AWS_SESSION_TOKEN", "TOKEN"],
    ["DB_PASSWORD", "PASSWORD"],
    ["STRIPE_API_KEY", "KEY"],
    ["SESSIONSECRET", "SECRET"],
  ])("still refuses %j, whose last part is no reference", (name, part) => {
    expect(secretLookingVariablePart(name)).toBe(part);
  });

  it("keeps a one-part name whole: ID is no suffix of itself, and TOKEN alone is a secret", () => {
    expect(secretLookingVariablePart("TOKEN")).toBe("TOKEN");
  });

  it("reads the suffixes from the one exported list", () => {
    expect(NOT_SECRET_SUFFIXES).toContain("ID");
    expect(Object.isFrozen(NOT_SECRET_SUFFIXES)).toBe(true);
    for (const suffix of NOT_SECRET_SUFFIXES)
      expect(secretLookingVariablePart(`JWT_SECRET_${suffix}`)).toBeUndefined();
  });

  it("takes a Scaleway access key for the identifier it is, by the whole ending SCW_ACCESS_KEY only", () => {
    // https://www.scaleway.com/en/developers/api/iam/api-keys: the access key is "not a sensitive piece of
    // information", the secret key is "like a password".
    expect(notSecretSuffix("SCW_ACCESS_KEY")).toBe("SCW_ACCESS_KEY");
    expect(notSecretSuffix("scwAccessKey")).toBe("SCW_ACCESS_KEY");
    expect(notSecretSuffix("S3_ACCESS_KEY_ID")).toBe("ID");
    expect(notSecretSuffix("MY_ACCESS_KEY")).toBeUndefined();
    expect(notSecretSuffix("SCW_SECRET_KEY")).toBeUndefined();
    expect(notSecretSuffix("ID")).toBeUndefined();
  });
});
