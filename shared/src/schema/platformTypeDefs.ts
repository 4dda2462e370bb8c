/**
 * The part of every subgraph's schema that the platform owns: the audit log (one field per
 * subgraph, named after it, on the shared `AuditLog`), the scalars it needs and `PageInfo`.
 * Appended to the subgraph's own schema.graphql, which must import `@shareable` in its `@link`.
 * Identical text in every subgraph, so the shareable types compose without hints.
 */
export function platformTypeDefs(subgraphName: string): string {
  return `
# From the platform (shared/src/schema/platformTypeDefs.ts): the audit log, in every subgraph.

# Cache hints: how long an answer may be kept, composed into the supergraph, where the gateway
# reads them (Apollo Server's @cacheControl, with its meaning). A field without a hint of its own
# takes its type's; one returning an object type without a hint, and every root field without
# one, may not be kept at all.
extend schema
  @link(url: "https://specs.nsc-hub.dev/cacheControl/v0.1", import: ["@cacheControl"])
  @federation__composeDirective(name: "@cacheControl")

"Who may keep a cached answer: anyone (PUBLIC), or only the caller it was for (PRIVATE)."
enum CacheControlScope {
  PUBLIC
  PRIVATE
}

directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

"A point in time, ISO 8601 with a zone, e.g. \`2026-03-10T09:30:00Z\`."
scalar DateTime

"Any JSON value."
scalar JSON

type PageInfo @shareable @cacheControl(inheritMaxAge: true) {
  hasNextPage: Boolean!
  endCursor: String
}

extend type Query {
  "The audit log of every write; each subgraph adds its own part. Admins only."
  auditLog: AuditLog @shareable @cacheControl(maxAge: 0, scope: PRIVATE)
}

"The audit log, one part per subgraph: \`auditLog { membership(first: 10) { … } knowledge { … } }\`. Admins only; nothing in the graph changes it."
type AuditLog @shareable @cacheControl(maxAge: 0, scope: PRIVATE) {
  "What was written in the ${subgraphName} subgraph, newest first. \`first\` defaults to 20, at most 100. Null, with an error naming it, when the caller may not read it, an argument is invalid or the ${subgraphName} subgraph is unavailable."
  ${auditLogFieldName(subgraphName)}(filter: AuditLogFilter, first: Int, after: String): AuditEntryConnection
}

enum AuditOperation {
  CREATE
  UPDATE
  DELETE
}

"Who made a change, as their token said."
type AuditActor @shareable @cacheControl(maxAge: 0, scope: PRIVATE) {
  "The token's subject."
  sub: String
  "member, editor or admin."
  role: String!
  country: String
}

"One record changed by one mutation, written in the same transaction as the change."
type AuditEntry @shareable @cacheControl(maxAge: 0, scope: PRIVATE) {
  id: ID!
  at: DateTime!
  actor: AuditActor!
  "The GraphQL type of the record, e.g. \`City\`."
  entityType: String!
  entityId: ID!
  operation: AuditOperation!
  "The record before the change; null for CREATE."
  before: JSON
  "The record after the change; null for DELETE."
  after: JSON
  "The request id of the mutation, as in its errors and the server log."
  requestId: String
}

type AuditEntryEdge @shareable @cacheControl(maxAge: 0, scope: PRIVATE) {
  cursor: String!
  node: AuditEntry!
}

type AuditEntryConnection @shareable @cacheControl(maxAge: 0, scope: PRIVATE) {
  edges: [AuditEntryEdge!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

"All given conditions must hold."
input AuditLogFilter {
  entityType: String
  entityId: ID
  operation: AuditOperation
  "The actor's token subject."
  actor: String
  "The actor's country (ISO 3166-1 alpha-2)."
  country: String
  "Entries at or after this time."
  from: DateTime
  "Entries before this time."
  to: DateTime
}
`;
}

/** A subgraph's field on `AuditLog`: its name, in camelCase (`auditLog { knowledge … }`, `auditLog { nordicCities … }`). */
export function auditLogFieldName(subgraphName: string): string {
  return subgraphName.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
