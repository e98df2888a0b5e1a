// The scaleway-blocks CrossGuard policy pack, as plain JavaScript: what Pulumi runs from the installed
// package (`pulumi preview --policy-pack node_modules/@scaleway-blocks/policy/pack`) without compiling
// anything. index.ts is the same program for a copy of this folder in a TypeScript repository.
"use strict";
const { PolicyPack } = require("@pulumi/policy");
const { policyPackArgs } = require("@scaleway-blocks/policy");

new PolicyPack("scaleway-blocks", policyPackArgs());
