// Lists by name follow the alphabetical order of the language asked for (an `orderLocale` argument,
// else the request's Accept-Language, else English): Danish puts Æ, Ø, Å after Z and reads Aa as Å;
// Swedish and Finnish put Å, Ä, Ö after Z. Walking the pages of one order with its cursors gives
// every city once; a cursor of one order is refused in another.
import { errorCodes, graphqlRequest, type GraphQLResponse } from '@nsc-hub/shared/src/testing';
import { startHub, type RunningHub } from './helpers/startHub';

let hub: RunningHub;
const FIXTURES = ['Aabenraa', 'Ærø', 'Østerbro', 'Ålesund', 'Örebro', 'Ängelholm', 'Zürich'];

beforeAll(async () => {
  hub = await startHub();
  await hub.subgraphs.membership.dataSource.query(
    `INSERT INTO membership.cities (id, name, country_code, owner)
     SELECT 'dk-fixture-' || i, name, 'DK', 'DK' FROM unnest($1::text[]) WITH ORDINALITY AS f(name, i)`,
    [FIXTURES],
  );
});
afterAll(() => hub?.stop());

type CityPage = { cities: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; name: string } }[] } };

/** Every city, page by page, in one order (by argument or by header). */
async function walk(orderLocale: string | null, headers: Record<string, string> = {}): Promise<{ id: string; name: string }[]> {
  const seen: { id: string; name: string }[] = [];
  let after: string | null = null;
  do {
    const res: GraphQLResponse<CityPage> = await graphqlRequest<CityPage>(
      hub.url,
      'query ($after: String, $orderLocale: String) { cities(first: 5, after: $after, orderLocale: $orderLocale) { pageInfo { hasNextPage endCursor } edges { node { id name } } } }',
      { variables: { after, orderLocale }, headers },
    );
    expect(res.errors).toBeUndefined();
    seen.push(...res.data!.cities.edges.map((e) => e.node));
    after = res.data!.cities.pageInfo.hasNextPage ? res.data!.cities.pageInfo.endCursor : null;
  } while (after);
  return seen;
}

const fixturesIn = (cities: { name: string }[]) => cities.map((c) => c.name).filter((name) => FIXTURES.includes(name));
const before = (order: string[], a: string, b: string) => order.indexOf(a) < order.indexOf(b);

test.each(['da', 'sv', 'fi', 'nb', 'is', 'en'])('%s: every city once, in that language’s alphabetical order', async (locale) => {
  const cities = await walk(locale);
  expect(new Set(cities.map((c) => c.id)).size).toBe(cities.length);
  const names = cities.map((c) => c.name);
  expect(names).toEqual([...names].sort(new Intl.Collator(locale).compare));
});

test('Danish: Z < Æ < Ø < Å, with Aa read as Å', async () => {
  const order = fixturesIn(await walk('da'));
  expect(order).toEqual(['Zürich', 'Ängelholm', 'Ærø', 'Örebro', 'Østerbro', 'Aabenraa', 'Ålesund']);
  expect(before(order, 'Zürich', 'Ærø') && before(order, 'Ærø', 'Østerbro') && before(order, 'Østerbro', 'Ålesund')).toBe(true);
});

test.each(['sv', 'fi'])('%s: Z < Å < Ä < Ö', async (locale) => {
  const order = fixturesIn(await walk(locale));
  expect(before(order, 'Zürich', 'Ålesund') && before(order, 'Ålesund', 'Ängelholm') && before(order, 'Ängelholm', 'Örebro')).toBe(true);
  expect(order[0]).toBe('Aabenraa');
});

test("without an argument, the Accept-Language header's order; without either, English", async () => {
  expect(fixturesIn(await walk(null, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' }))).toEqual(fixturesIn(await walk('sv')));
  expect(fixturesIn(await walk(null, { 'accept-language': 'de-DE, da;q=0.8' }))).toEqual(fixturesIn(await walk('da')));
  expect(fixturesIn(await walk(null))).toEqual(fixturesIn(await walk('en')));
  expect(fixturesIn(await walk('en'))[0]).toBe('Aabenraa');
});

test('a cursor of one order is refused in another, and an unknown order is BAD_USER_INPUT', async () => {
  const first = await hub.query<CityPage>('{ cities(first: 2, orderLocale: "da") { pageInfo { hasNextPage endCursor } edges { node { id name } } } }');
  const cursor = first.data!.cities.pageInfo.endCursor;
  const other = await hub.query(`{ cities(first: 2, after: "${cursor}", orderLocale: "sv") { totalCount } }`);
  expect(errorCodes(other)).toEqual(['BAD_USER_INPUT']);
  expect(other.errors?.[0].message).toMatch(/the cursor belongs to the "da" order, not "sv"/);
  const unknown = await hub.query('{ cities(first: 2, orderLocale: "tlh") { totalCount } }');
  expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
});

test('other lists by name follow the order too: countries, networks, topics, forums', async () => {
  const res = await hub.query('{ da: countries(orderLocale: "da") { name } sv: countries(orderLocale: "sv") { name } networks(orderLocale: "sv") { name } topics(orderLocale: "da") { name } forums(orderLocale: "fi") { name } }');
  expect(res.errors).toBeUndefined();
  const names = (list: { name: string }[]) => list.map((x) => x.name);
  for (const [key, locale] of [['da', 'da'], ['sv', 'sv'], ['networks', 'sv'], ['topics', 'da'], ['forums', 'fi']] as const) {
    const list = names(res.data?.[key]);
    expect(list.length).toBeGreaterThan(0);
    expect(list).toEqual([...list].sort(new Intl.Collator(locale).compare));
  }
});
