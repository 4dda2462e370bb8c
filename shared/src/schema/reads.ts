const READS = Symbol('the properties of its parent object a resolver reads');

/**
 * Marks a field resolver with the properties of its parent it reads (`reads(['eventId'], …)`), so
 * a loader asked for rows of that type reads those columns when the field is selected. A resolver
 * without the mark makes its type's rows be read whole whenever its field is selected.
 */
export function reads<R>(properties: readonly string[], resolve: R): R {
  if (typeof resolve !== 'function') throw new Error('reads: only a resolver function can be marked');
  const marked = propertiesReadBy(resolve);
  // One resolver may serve several types (sources of an event and of a forum) with the same mark.
  if (marked && marked.join() !== properties.join()) throw new Error(`resolver ${(resolve as { name?: string }).name} is marked as reading ${marked.join(', ')}, not ${properties.join(', ')}`);
  if (!marked) Object.defineProperty(resolve, READS, { value: Object.freeze([...properties]) });
  return resolve;
}

/** What `reads` marked `resolve` with; undefined for a resolver it did not mark. */
export function propertiesReadBy(resolve: unknown): readonly string[] | undefined {
  return typeof resolve === 'function' ? (resolve as unknown as { [READS]?: readonly string[] })[READS] : undefined;
}
