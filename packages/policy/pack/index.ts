// The scaleway-blocks CrossGuard policy pack:
//   pulumi preview --policy-pack <this folder> [--policy-pack-config policy-config.json]
// Every rule of @scaleway-blocks/policy is one policy; enforcement levels and rule settings
// (allowed regions, minimum backup retention, minimum engine versions…) come from the config file.
import { PolicyPack } from "@pulumi/policy";
import { policyPackArgs } from "@scaleway-blocks/policy";

new PolicyPack("scaleway-blocks", policyPackArgs());
