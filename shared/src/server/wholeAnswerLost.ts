import type { FormattedExecutionResult } from 'graphql';

/**
 * Whether nothing of the answer is left: no data at all, or every field asked for at the top is
 * null with an error at its path.
 */
export function wholeAnswerLost(result: FormattedExecutionResult): boolean {
  if (result.data == null) return true;
  const failedRoots = new Set((result.errors ?? []).flatMap((e) => (e.path?.length ? [e.path[0]] : [])));
  return Object.entries(result.data).every(([key, value]) => value === null && failedRoots.has(key));
}
