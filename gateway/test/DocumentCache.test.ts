import { print } from 'graphql';
import { DocumentCache } from '../src/DocumentCache';

test('the same text gives the document parsed the first time', () => {
  const cache = new DocumentCache(2);
  const first = cache.parse('{ forums { id } }');
  expect(print(first)).toBe('{\n  forums {\n    id\n  }\n}');
  expect(cache.parse('{ forums { id } }')).toBe(first);
  expect(cache.parse('{ topics { id } }')).not.toBe(first);
});

test('past its capacity it drops the document used longest ago, and keeps one used since', () => {
  const cache = new DocumentCache(2);
  const a = cache.parse('{ a }');
  const b = cache.parse('{ b }');
  expect(cache.parse('{ a }')).toBe(a);
  cache.parse('{ c }');
  expect(cache.parse('{ a }')).toBe(a);
  expect(cache.parse('{ b }')).not.toBe(b);
});

test('text that is not GraphQL throws, and is not kept', () => {
  const cache = new DocumentCache(2);
  expect(() => cache.parse('{ a')).toThrow(/Syntax Error/);
  expect(() => cache.parse('{ a')).toThrow(/Syntax Error/);
});
