import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { ERRORS, getEnvNum, type Env } from '@nsc-hub/shared';

/** The gateway's limits on one request; every one answers HTTP 400 QUERY_TOO_COMPLEX naming it. */
export interface RequestLimits {
  /** Bytes of the JSON request body. */
  readonly bodyBytes: number;
  /** Lexical tokens of the query; the parser stops at the first one over. */
  readonly tokens: number;
  /** Nesting of fields (fragments and inline fragments do not add a level). */
  readonly depth: number;
  readonly aliases: number;
  /** Directives in one operation, fragments included. */
  readonly directives: number;
  /** Estimated cost: see `queryCost.ts`. */
  readonly cost: number;
}

export type LimitName = 'BODY_SIZE' | 'TOKENS' | 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'COST';

export const DEFAULT_LIMITS: RequestLimits = {
  bodyBytes: 100 * 1024,
  tokens: 2000,
  depth: 12,
  aliases: 30,
  directives: 30,
  cost: 25_000,
};

/** `MAX_BODY_BYTES`, `MAX_TOKENS`, `MAX_DEPTH`, `MAX_ALIASES`, `MAX_DIRECTIVES`, `MAX_COST`. */
export function loadRequestLimits(env: Env): RequestLimits {
  const positive = (name: string, fallback: number) => {
    const value = getEnvNum(env, name, fallback);
    if (value < 1) throw new Error(`${name} must be at least 1`);
    return value;
  };
  return {
    bodyBytes: positive('MAX_BODY_BYTES', DEFAULT_LIMITS.bodyBytes),
    tokens: positive('MAX_TOKENS', DEFAULT_LIMITS.tokens),
    depth: positive('MAX_DEPTH', DEFAULT_LIMITS.depth),
    aliases: positive('MAX_ALIASES', DEFAULT_LIMITS.aliases),
    directives: positive('MAX_DIRECTIVES', DEFAULT_LIMITS.directives),
    cost: positive('MAX_COST', DEFAULT_LIMITS.cost),
  };
}

export function limitExceeded(limit: LimitName, maximum: number, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return ERRORS.QUERY_TOO_COMPLEX.err(message, { ...details, limit, maximum });
}

/**
 * GraphQL Armor's depth, alias and directive rules, run with the other validation rules. Armor
 * would throw a "Syntax Error" without a code of its own; the rejection is reported as a
 * QUERY_TOO_COMPLEX error instead, which `restoreLimitError` brings back out of Apollo's
 * GRAPHQL_VALIDATION_FAILED wrapper.
 */
export function limitValidationRules(limits: RequestLimits): ValidationRule[] {
  const reject = (limit: LimitName, maximum: number) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(limitExceeded(limit, maximum, error.message.replace(/^Syntax Error: /, '')));
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({ ...common, n: limits.depth, flattenFragments: true, onReject: [reject('DEPTH', limits.depth)] }),
    // Armor exempts `__typename` aliases by default; each costs the gateway as much as any other.
    maxAliasesRule({ ...common, n: limits.aliases, allowList: [], onReject: [reject('ALIASES', limits.aliases)] }),
    maxDirectivesRule({ ...common, n: limits.directives, onReject: [reject('DIRECTIVES', limits.directives)] }),
  ];
}

// graphql-js's own words when `parseOptions.maxTokens` stops the parser (16.x spells it "more that").
const TOKEN_LIMIT_MESSAGE = /Document contains more th(?:an|at) \d+ tokens/;

/**
 * Apollo wraps validation errors as GRAPHQL_VALIDATION_FAILED and the parser's token limit as
 * GRAPHQL_PARSE_FAILED; both are limits here and reach the client as QUERY_TOO_COMPLEX.
 */
export function restoreLimitError(formatted: GraphQLFormattedError, error: unknown, limits: RequestLimits): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof GraphQLError && original.extensions.code === ERRORS.QUERY_TOO_COMPLEX.code) {
    const { http: _http, ...extensions } = original.extensions;
    return { ...formatted, extensions: { ...formatted.extensions, ...extensions } };
  }
  if (formatted.extensions?.code === ERRORS.GRAPHQL_PARSE_FAILED.code && TOKEN_LIMIT_MESSAGE.test(formatted.message)) {
    return {
      message: `The query has more than ${limits.tokens} tokens; split it or ask for fewer fields`,
      extensions: { ...formatted.extensions, code: ERRORS.QUERY_TOO_COMPLEX.code, limit: 'TOKENS', maximum: limits.tokens },
    };
  }
  return formatted;
}
