// Secret Manager: secrets.
import { defineRule } from "./define";
import { T } from "./tokens";

export const secretProtectedInProduction = defineRule<{ protected: boolean }>({
  id: "scw-secret-protected-in-production",
  severity: "mandatory",
  description: "Production Secret Manager secrets are protected against deletion (protected: true).",
  why: "Deleting a production secret breaks every service that reads it, and its versions cannot be brought back.",
  remediation:
    "Set protected: true on production secrets (protect: true with the secrets block); unset it deliberately before a planned deletion.",
  resourceTypes: [T.secret],
  environmentAware: true,
  check: ({ inputs }, { production }) =>
    production && inputs.protected !== true ? "protected is not true on a production secret." : undefined,
});
