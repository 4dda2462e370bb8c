/**
 * The entities of one subgraph fetch, each asked once. Apollo's gateway sends a representation for
 * every place an entity appears in the answer so far: a 100-city page asks the membership subgraph
 * for the name of the same network or city hundreds of times, and forums for the same eight forums
 * 280 times. Sending each distinct representation once, and giving every place its entity back
 * (and every error on it), the subgraph resolves each entity once and the answer is the same.
 */
export class UniqueRepresentations {
  private constructor(
    /** The distinct representations, in order of first appearance: what the subgraph is sent. */
    readonly list: readonly unknown[],
    /** For each representation as the gateway made it, the index of its distinct one. */
    private readonly positions: readonly number[],
  ) {}

  /** The distinct ones of `representations`, or undefined when there is nothing to gain (not a list, or no repeats). */
  static of(representations: unknown): UniqueRepresentations | undefined {
    if (!Array.isArray(representations) || representations.length < 2) return undefined;
    const indexByKey = new Map<string, number>();
    const list: unknown[] = [];
    const positions = representations.map((representation) => {
      // The gateway builds every representation of a fetch from one selection, so equal ones serialise alike.
      const key = JSON.stringify(representation);
      let index = indexByKey.get(key);
      if (index === undefined) {
        index = list.push(representation) - 1;
        indexByKey.set(key, index);
      }
      return index;
    });
    return list.length < representations.length ? new UniqueRepresentations(list, positions) : undefined;
  }

  /**
   * The subgraph's answer to the distinct representations as the answer to all of them: `_entities`
   * in the gateway's order, and each error on an entity (`["_entities", i, …]`) on every place of it.
   */
  expand<R extends { data?: Record<string, unknown> | null; errors?: readonly { message: string; path?: readonly (string | number)[] }[] }>(response: R): R {
    const entities = response.data?._entities;
    const data = Array.isArray(entities) ? { ...response.data, _entities: this.positions.map((index) => entities[index]) } : response.data;
    const errors = response.errors?.flatMap((error) => {
      const [root, index, ...rest] = error.path ?? [];
      if (root !== '_entities' || typeof index !== 'number') return [error];
      return this.positions.flatMap((unique, position) => (unique === index ? [{ ...error, path: ['_entities', position, ...rest] }] : []));
    });
    return { ...response, data, ...(errors ? { errors } : {}) };
  }
}
