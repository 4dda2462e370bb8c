// The benchmark's query shapes are known operations too: operations/bench/Q1…Q4.graphql are the
// documents bench/lib/shapes.ts sends (with its default page sizes), so a schema change that breaks
// the benchmark is caught by `npm run schema:check`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { SHAPES } from '../bench/lib/shapes';

// Faker is ESM-only, which Jest's CommonJS runtime cannot load; only the documents are needed here.
jest.mock('@faker-js/faker', () => ({ Faker: class {}, base: {}, en: {} }));

test.each(SHAPES.map((s) => [s.id, s] as const))('operations/bench/%s.graphql is the benchmark shape', (id, shape) => {
  const committed = readFileSync(path.join(__dirname, '..', 'operations', 'bench', `${id}.graphql`), 'utf8');
  expect(print(parse(committed))).toBe(print(parse(shape.query())));
});
