/**
 * The products Cockpit has preconfigured alerts for, as its API names them (`preconfigured_data.product_name`)
 * and `getPreconfiguredAlert` returns them in `productName`. Source: the answers of
 * GET /cockpit/v1/regions/fr-par/alerts?is_preconfigured=true recorded in terraform-provider-scaleway
 * v2.79.0, internal/services/cockpit/testdata/*.cassette.yaml (every product_name they hold).
 * Serverless Containers, Functions and Object Storage have none there: their alerts are Grafana rules
 * you write yourself (docs/service-goals.md).
 */
export const CockpitAlertProduct = {
  Cockpit: "Cockpit",
  DataWarehouse: "Data Warehouse",
  Instance: "Instance",
  Kubernetes: "Kubernetes",
  LB: "LB",
  MySQL: "MySQL",
  PostgreSQL: "PostgreSQL",
  Redis: "Redis",
  SqlDatabases: "SQL Databases",
} as const;
export type CockpitAlertProduct = (typeof CockpitAlertProduct)[keyof typeof CockpitAlertProduct];

/** Every value of `CockpitAlertProduct`, in its order. */
export const COCKPIT_ALERT_PRODUCTS: readonly CockpitAlertProduct[] = Object.values(CockpitAlertProduct);
