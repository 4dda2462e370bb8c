/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CityList($first: Int, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        country {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}": typeof types.CityListDocument,
    "query CityPage($id: ID!) {\n  city(id: $id) {\n    id\n    name\n    nativeName\n    region\n    population\n    country {\n      id\n      code\n      name\n    }\n    memberships {\n      id\n      status\n      since\n      network {\n        id\n        name\n      }\n    }\n    resources(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          publishedYear\n          url\n        }\n      }\n    }\n    events(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          startsOn\n          forum {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}": typeof types.CityPageDocument,
    "query ResourceSearch($query: String!, $language: String, $first: Int, $after: String) {\n  searchResources(\n    query: $query\n    language: $language\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      rank\n      highlight\n      node {\n        id\n        title\n        publishedYear\n      }\n    }\n  }\n}": typeof types.ResourceSearchDocument,
};
const documents: Documents = {
    "query CityList($first: Int, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        country {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}": types.CityListDocument,
    "query CityPage($id: ID!) {\n  city(id: $id) {\n    id\n    name\n    nativeName\n    region\n    population\n    country {\n      id\n      code\n      name\n    }\n    memberships {\n      id\n      status\n      since\n      network {\n        id\n        name\n      }\n    }\n    resources(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          publishedYear\n          url\n        }\n      }\n    }\n    events(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          startsOn\n          forum {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}": types.CityPageDocument,
    "query ResourceSearch($query: String!, $language: String, $first: Int, $after: String) {\n  searchResources(\n    query: $query\n    language: $language\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      rank\n      highlight\n      node {\n        id\n        title\n        publishedYear\n      }\n    }\n  }\n}": types.ResourceSearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CityList($first: Int, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        country {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CityList($first: Int, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        name\n        country {\n          id\n          code\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CityPage($id: ID!) {\n  city(id: $id) {\n    id\n    name\n    nativeName\n    region\n    population\n    country {\n      id\n      code\n      name\n    }\n    memberships {\n      id\n      status\n      since\n      network {\n        id\n        name\n      }\n    }\n    resources(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          publishedYear\n          url\n        }\n      }\n    }\n    events(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          startsOn\n          forum {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query CityPage($id: ID!) {\n  city(id: $id) {\n    id\n    name\n    nativeName\n    region\n    population\n    country {\n      id\n      code\n      name\n    }\n    memberships {\n      id\n      status\n      since\n      network {\n        id\n        name\n      }\n    }\n    resources(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          publishedYear\n          url\n        }\n      }\n    }\n    events(first: 5) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          kind\n          startsOn\n          forum {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResourceSearch($query: String!, $language: String, $first: Int, $after: String) {\n  searchResources(\n    query: $query\n    language: $language\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      rank\n      highlight\n      node {\n        id\n        title\n        publishedYear\n      }\n    }\n  }\n}"): (typeof documents)["query ResourceSearch($query: String!, $language: String, $first: Int, $after: String) {\n  searchResources(\n    query: $query\n    language: $language\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      rank\n      highlight\n      node {\n        id\n        title\n        publishedYear\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;