import { errorCodes, tokenFor, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import type { RunningHub } from './startHub';

/** The callers every permission matrix tries, with the code each is refused with when writing a DK record. */
export const CALLERS = [
  { caller: 'anonymous', refusal: 'UNAUTHENTICATED' },
  { caller: 'member', refusal: 'FORBIDDEN' },
  { caller: 'editor of DK', refusal: null },
  { caller: 'editor of NO', refusal: 'FORBIDDEN' },
  { caller: 'admin', refusal: null },
] as const;

export type CallerName = (typeof CALLERS)[number]['caller'];

/** A token for each caller of the matrix (none for anonymous). */
export async function callerTokens(): Promise<Record<CallerName, string | undefined>> {
  return {
    anonymous: undefined,
    member: await tokenFor('member'),
    'editor of DK': await tokenFor('editor', 'DK'),
    'editor of NO': await tokenFor('editor', 'NO'),
    admin: await tokenFor('admin'),
  };
}

/** A mutation with bad input, the code it must get and words its message must contain. */
export interface BadInputCase {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  code: string;
  /** Words the message must contain, so the client learns what is wrong. */
  says?: RegExp;
}

/** Runs the case and checks its error, and that the stored state is exactly as before. */
export async function expectRefusedWritingNothing(hub: RunningHub, state: () => Promise<unknown>, badInput: BadInputCase, token: string | undefined): Promise<void> {
  const before = await state();
  const res = await hub.query(badInput.query, badInput.variables(), token);
  expect(errorCodes(res)).toEqual([badInput.code]);
  expect(res.data ?? null).toBeNull();
  if (badInput.says) expect(res.errors?.[0].message).toMatch(badInput.says);
  expect(await state()).toEqual(before);
}

/**
 * Two updates from the same expected version sent at once: exactly one succeeds and the other is
 * a CONFLICT with no data. Returns the winner's response.
 */
export async function expectOneWinnerOneConflict(update: (value: string) => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
  const results = await Promise.all([update('First writer'), update('Second writer')]);
  const succeeded = results.filter((r) => !r.errors);
  const conflicts = results.filter((r) => errorCodes(r).join() === 'CONFLICT');
  expect(succeeded).toHaveLength(1);
  expect(conflicts).toHaveLength(1);
  expect(conflicts[0].data ?? null).toBeNull();
  return succeeded[0];
}
