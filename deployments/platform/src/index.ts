// The entry point `pulumi up` and `scaleway-blocks plan` load from dist/index.js (package.json "main").
// Loading it creates nothing: Pulumi calls the exported function, the plan calls `main`.
import { main } from "./main";

export = Object.assign(() => main(), { main });
