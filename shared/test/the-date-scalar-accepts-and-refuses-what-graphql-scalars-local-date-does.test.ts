import { Kind, type StringValueNode, type IntValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { DateScalar } from '../src/scalars';

/** What a scalar function gives for `input`: its value, or the message it refused it with. */
function outcome(run: () => unknown): { value: unknown } | { refused: string } {
  try {
    return { value: run() };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Every day number 00 to 32 of every month number 00 to 13, in years that are and are not leap
// years by each of the Gregorian rules (divisible by 4, by 100, by 400), and at both ends of four digits.
const YEARS = [0, 1, 4, 100, 400, 1582, 1900, 1999, 2000, 2023, 2024, 2025, 2100, 2400, 9996, 9999];
const CANDIDATES = YEARS.flatMap((year) =>
  Array.from({ length: 14 }, (_m, month) => Array.from({ length: 33 }, (_d, day) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).flat(),
);
const MALFORMED = ['', '2024-1-01', '2024-01-1', '20240-01-01', ' 2024-01-01', '2024-01-01 ', '2024-01-01T00:00:00Z', '2024/01/01', '+2024-01-01', '２０２４-01-01', '2024-0a-01', 'yesterday'];
const NOT_STRINGS: unknown[] = [20240101, null, undefined, true, {}, ['2024-01-01'], new Date('2024-01-01')];

describe('the Date scalar', () => {
  it('serializes, parses from variables and from literals exactly what LocalDate accepts, and refuses the rest in the same words', () => {
    let accepted = 0;
    for (const candidate of [...CANDIDATES, ...MALFORMED]) {
      const literal: StringValueNode = { kind: Kind.STRING, value: candidate };
      expect([candidate, outcome(() => DateScalar.serialize(candidate))]).toEqual([candidate, outcome(() => GraphQLLocalDate.serialize(candidate))]);
      expect([candidate, outcome(() => DateScalar.parseValue(candidate))]).toEqual([candidate, outcome(() => GraphQLLocalDate.parseValue(candidate))]);
      expect([candidate, outcome(() => DateScalar.parseLiteral(literal))]).toEqual([candidate, outcome(() => GraphQLLocalDate.parseLiteral(literal))]);
      if ('value' in outcome(() => DateScalar.serialize(candidate))) accepted += 1;
    }
    for (const value of NOT_STRINGS) {
      expect(outcome(() => DateScalar.serialize(value))).toEqual(outcome(() => GraphQLLocalDate.serialize(value)));
      expect(outcome(() => DateScalar.parseValue(value))).toEqual(outcome(() => GraphQLLocalDate.parseValue(value)));
    }
    const number: IntValueNode = { kind: Kind.INT, value: '20240101' };
    expect(outcome(() => DateScalar.parseLiteral(number))).toEqual(outcome(() => GraphQLLocalDate.parseLiteral(number)));

    // The comparison means something only if both sides accept some dates and refuse others:
    // 365 days in each of the 9 common years among YEARS, 366 in each of the 7 leap years.
    expect(accepted).toBe(9 * 365 + 7 * 366);
  });

  it('refuses what it refuses as a GraphQL error, placed at the literal', () => {
    const literal: StringValueNode = { kind: Kind.STRING, value: '2021-02-29' };
    expect(() => DateScalar.parseLiteral(literal)).toThrow(expect.objectContaining({ name: 'GraphQLError', message: 'Value is not a valid LocalDate: 2021-02-29', nodes: [literal] }));
  });
});
