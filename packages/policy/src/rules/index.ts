import type { Rule } from "../types";
import { accessRules } from "./access";
import { containerRules } from "./container";
import { databaseRules } from "./database";
import { generalRules } from "./general";
import { networkRules } from "./network";
import { storageRules } from "./storage";
import { datastoreRules } from "./datastores";
import { identityRules } from "./identity";
import { instanceRules } from "./instance";
import { kubernetesRules } from "./kubernetes";
import { loadBalancerRules } from "./loadbalancer";
import { inTransitRules } from "./in-transit";
import { residencyRules } from "./residency";
import { serviceGoalRules } from "./service-goals";

/** Every rule, in the order of the README table. */
export const rules: readonly Rule[] = Object.freeze([
  ...databaseRules,
  ...storageRules,
  ...containerRules,
  ...accessRules,
  ...networkRules,
  ...instanceRules,
  ...datastoreRules,
  ...kubernetesRules,
  ...loadBalancerRules,
  ...identityRules,
  ...residencyRules,
  ...serviceGoalRules,
  ...inTransitRules,
  ...generalRules,
]);

const seen = new Set<string>();
for (const rule of rules) {
  if (seen.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
  seen.add(rule.id);
}

/** The rule with this id; an unknown id throws, naming the known ones. */
export function ruleById(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule "${id}"; known rules: ${rules.map((r) => r.id).join(", ")}`);
  return rule;
}
