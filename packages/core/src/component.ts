import { z } from "zod";
import { environmentProfile, environmentSchema } from "./environment";
import type { Environment, EnvironmentProfile } from "./environment";
import { uuidSchema } from "./ids";
import { regionSchema } from "./locality";
import type { Region } from "./locality";
import { nameSegmentSchema, resourceName } from "./naming";
import type { NameOptions } from "./naming";
import { scalewayTags, tagsSchema } from "./tags";
import type { ScalewayTags, Tags } from "./tags";

export const projectIdSchema = uuidSchema("a Scaleway project id");

/** The args every building block takes; each block's schema extends these. */
export const commonArgsShape = {
  /** The application or platform name, the first part of every Scaleway name (e.g. "shop"). */
  project: nameSegmentSchema,
  environment: environmentSchema,
  region: regionSchema.default("fr-par"),
  /** The Scaleway project to create resources in; the provider's default project when unset. */
  projectId: projectIdSchema.optional(),
  /** Extra tags, added to managed-by, environment, component and project. */
  tags: tagsSchema.optional(),
};
export const commonArgsSchema = z.object(commonArgsShape);
export type CommonArgs = z.input<typeof commonArgsSchema>;

/** What a component derives once from its parsed common args. */
export interface BlockContext {
  readonly project: string;
  readonly environment: Environment;
  readonly region: Region;
  readonly profile: EnvironmentProfile;
  readonly tags: ScalewayTags;
  /** The Scaleway name of one of the component's resources. */
  name(role?: string, options?: NameOptions): string;
}

export function blockContext(
  component: { kind: string; name: string },
  args: { project: string; environment: Environment; region: Region; tags?: Tags | undefined },
): BlockContext {
  const tags = scalewayTags({
    project: args.project,
    environment: args.environment,
    component: component.kind,
    extra: args.tags,
  });
  return {
    project: args.project,
    environment: args.environment,
    region: args.region,
    profile: environmentProfile(args.environment),
    tags,
    name: (role, options) =>
      resourceName(
        { project: args.project, environment: args.environment, component: component.name, role },
        options,
      ),
  };
}
