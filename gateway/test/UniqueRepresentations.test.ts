import { UniqueRepresentations } from '../src/UniqueRepresentations';

const city = (id: string) => ({ __typename: 'City', id });

describe('UniqueRepresentations', () => {
  it('sends each distinct representation once, in order of first appearance', () => {
    const unique = UniqueRepresentations.of([city('a'), city('b'), city('a'), city('c'), city('b')]);
    expect(unique?.list).toEqual([city('a'), city('b'), city('c')]);
  });

  it('has nothing to do without repeats, or without a list', () => {
    expect(UniqueRepresentations.of([city('a'), city('b')])).toBeUndefined();
    expect(UniqueRepresentations.of([city('a')])).toBeUndefined();
    expect(UniqueRepresentations.of(undefined)).toBeUndefined();
  });

  it('gives every place its entity back, and every error on an entity to each of its places', () => {
    const unique = UniqueRepresentations.of([city('a'), city('b'), city('a')])!;
    const answer = unique.expand({
      data: { _entities: [{ name: 'A' }, null] },
      errors: [
        { message: 'b failed', path: ['_entities', 1, 'name'] },
        { message: 'a is odd', path: ['_entities', 0] },
        { message: 'the request', path: undefined },
      ],
    });
    expect(answer.data?._entities).toEqual([{ name: 'A' }, null, { name: 'A' }]);
    expect(answer.errors).toEqual([
      { message: 'b failed', path: ['_entities', 1, 'name'] },
      { message: 'a is odd', path: ['_entities', 0] },
      { message: 'a is odd', path: ['_entities', 2] },
      { message: 'the request', path: undefined },
    ]);
  });

  it('leaves an answer without entities (the subgraph failed as a whole) as it is', () => {
    const unique = UniqueRepresentations.of([city('a'), city('a')])!;
    const failed = { data: null, errors: [{ message: 'down' }] };
    expect(unique.expand(failed)).toEqual(failed);
  });
});
