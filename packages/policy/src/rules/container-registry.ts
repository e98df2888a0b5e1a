// Container Registry: namespaces.
import { defineRule } from "./define";
import { T } from "./tokens";

export const registryNamespacePrivate = defineRule<{ isPublic: boolean }>({
  id: "scw-registry-namespace-private",
  severity: "advisory",
  description: "Container Registry namespaces are private.",
  why: "A public namespace lets anyone pull your images, with whatever the build baked into their layers.",
  remediation:
    "Set isPublic: false; Serverless Containers in the same project pull private images without extra setup.",
  resourceTypes: [T.registryNamespace],
  check: ({ inputs }) => (inputs.isPublic === true ? "isPublic is true." : undefined),
});
