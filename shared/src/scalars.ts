import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `value` is a calendar date `YYYY-MM-DD` (years 0000 to 9999, proleptic Gregorian, as
 * `Date` counts them): checked by arithmetic rather than by making a `Date` and its ISO string,
 * since every date an answer holds passes through here (a list of a hundred cities' events is
 * thousands of them).
 */
export function isCalendarDate(value: string): boolean {
  if (!DATE_FORMAT.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

function calendarDate(value: unknown, ast?: ValueNode): string {
  if (typeof value !== 'string') throw new GraphQLError(`Value is not string: ${String(value)}`, ast ? { nodes: ast } : undefined);
  if (!isCalendarDate(value)) throw new GraphQLError(`Value is not a valid LocalDate: ${value}`, ast ? { nodes: ast } : undefined);
  return value;
}

/**
 * `Date`: a calendar date as `YYYY-MM-DD` (no time, no zone), kept as that string end to end so
 * no time zone can move it by a day. Impossible dates such as 2021-02-30 are rejected, in the
 * words of graphql-scalars' `LocalDate`, which this scalar was and still equals in what it accepts.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD`.',
  serialize: (value) => calendarDate(value),
  parseValue: (value) => calendarDate(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`Can only validate strings as local dates but got a: ${ast.kind}`, { nodes: ast });
    return calendarDate(ast.value, ast);
  },
  extensions: { codegenScalarType: 'string', jsonSchema: { title: 'LocalDate', type: 'string', pattern: DATE_FORMAT.source } },
});
