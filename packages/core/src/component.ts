import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { environmentProfile, environmentSchema } from "./environment";
import type { Environment, EnvironmentProfile } from "./environment";
import { uuidSchema } from "./ids";
import { regionSchema } from "./locality";
import type { Region } from "./locality";
import { nameSegmentSchema, resourceName } from "./naming";
import type { NameOptions } from "./naming";
import type { AssertSameShape } from "./shape";
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

/**
 * The args every building block takes. Each block's `<Block>Args` interface extends this one, and its
 * schema spreads `commonArgsShape`.
 *
 * Region and project id are ForceNew on every Scaleway resource (terraform-provider-scaleway v2.79.0,
 * internal/locality/regional/schemas.go `Schema()` and internal/services/account/schemas.go
 * `ProjectIDSchema()`): changing either RECREATES every resource of the block.
 */
export interface CommonArgs {
  /**
   * The application or platform name, the first part of every Scaleway name (e.g. "shop"): lowercase
   * letters, digits and "-". Changing it renames every resource; those whose name is fixed at creation
   * (a bucket, a Serverless SQL database) are RECREATED.
   */
  project: string;
  /**
   * "dev", "staging" or "production": picks the default of every optional arg (see
   * `environmentProfile`). Changing it changes those defaults and every resource's name.
   */
  environment: Environment;
  /**
   * The Scaleway region of the block's resources. **Changing it RECREATES every resource.**
   * @default "fr-par"
   */
  region?: Region;
  /**
   * The Scaleway project to create resources in (a UUID, or an Output of one, e.g. a new project's
   * id). **Changing it RECREATES every resource.**
   * @default the provider's default project (its `projectId` setting)
   */
  projectId?: pulumi.Input<string>;
  /**
   * Extra tags, added to managed-by, environment, component and project (which cannot be set here).
   * @default {} (only the block's own tags)
   */
  tags?: Tags;
}

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

const _commonArgsMatchSchema: AssertSameShape<CommonArgs, z.input<typeof commonArgsSchema>> = true;

export type { AssertSameShape, SameShape, ShapeDifference } from "./shape";
