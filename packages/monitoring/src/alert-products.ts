/**
 * The products Cockpit has preconfigured alerts for, as its API names them (`preconfigured_data.product_name`)
 * and `getPreconfiguredAlert` returns them in `productName`. Source: the answers of
 * GET /cockpit/v1/regions/fr-par/alerts?is_preconfigured=true recorded in terraform-provider-scaleway
 * v2.79.0, internal/services/cockpit/testdata/*.cassette.yaml (every product_name they hold).
 * Serverless Containers, Functions and Object Storage have none there: their alerts are Grafana rules
 * you write yourself (docs/service-goals.md).
 */
export const COCKPIT_ALERT_PRODUCTS = [
  "Cockpit",
  "Data Warehouse",
  "Instance",
  "Kubernetes",
  "LB",
  "MySQL",
  "PostgreSQL",
  "Redis",
  "SQL Databases",
] as const;

export type CockpitAlertProduct = (typeof COCKPIT_ALERT_PRODUCTS)[number];
