/**
 * libpq `sslmode` values that encrypt the connection (https://www.postgresql.org/docs/current/libpq-ssl.html,
 * "SSL Mode Descriptions"): require, and the modes that also verify the server's certificate.
 */
const ENCRYPTING_MODES = ["require", "verify-ca", "verify-full"];

/**
 * The connection string with TLS required: `sslmode=require` unless it already asks for require,
 * verify-ca or verify-full (disable, allow, prefer or no sslmode at all may send the password in
 * clear). Every connection string the block writes goes through here. Only the query after the host
 * is read and changed (the credentials before the last "@" are left byte for byte), and a string that
 * already requires TLS comes back unchanged.
 */
export function requireTls(connectionString: string): string {
  const at = connectionString.lastIndexOf("@");
  const question = connectionString.indexOf("?", at + 1);
  if (question === -1) return `${connectionString}?sslmode=require`;
  const head = connectionString.slice(0, question);
  const params = connectionString.slice(question + 1).split("&");
  const index = params.findIndex((p) => p.startsWith("sslmode="));
  if (index === -1) return `${head}?${[...params.filter((p) => p !== ""), "sslmode=require"].join("&")}`;
  if (ENCRYPTING_MODES.includes(params[index]!.slice("sslmode=".length))) return connectionString;
  params[index] = "sslmode=require";
  return `${head}?${params.join("&")}`;
}
