// The floor: a minimal node:http + pg endpoint per query shape (POST /Q1 … /Q4 with the shape's
// variables) answering the same JSON as the graph, from hand-written SQL with no GraphQL at all.
import { createServer, type IncomingMessage } from 'node:http';
import { Pool } from 'pg';
import { DEFAULT_ORDER_LOCALE, collate, decodeNameCursor } from '@nsc-hub/shared';

/** The order the hub lists cities in for a request that names none. */
const BY_NAME = collate(DEFAULT_ORDER_LOCALE);
import { required } from './supergraph';

const pool = new Pool({ connectionString: required(process.env, 'DATABASE_URL'), max: Number(process.env.POOL_SIZE ?? 5) });

interface CityRow {
  id: string;
  name: string;
  country_code: string;
}

const SHAPES: Record<string, (v: Record<string, any>) => Promise<unknown>> = {
  async Q1(v) {
    const { rows } = await pool.query('SELECT id, name, native_name, region, population, version FROM membership.cities WHERE id = $1', [v.id]);
    const c = rows[0];
    return { city: c ? { id: c.id, name: c.name, nativeName: c.native_name, region: c.region, population: c.population, version: c.version } : null };
  },
  async Q2(v) {
    const { rows } = await pool.query<CityRow>('SELECT id, name, country_code FROM membership.cities WHERE id = $1', [v.id]);
    const [city] = await nested(rows);
    return { city: city ?? null };
  },
  async Q3(v) {
    const cursor = decodeNameCursor(v.after, DEFAULT_ORDER_LOCALE);
    const { rows } = cursor
      ? await pool.query<CityRow>(
          `SELECT id, name, country_code FROM membership.cities WHERE (name ${BY_NAME} > $1 ${BY_NAME} OR (name = $1 AND id > $2)) ORDER BY name ${BY_NAME}, id LIMIT 100`,
          [...cursor],
        )
      : await pool.query<CityRow>(`SELECT id, name, country_code FROM membership.cities ORDER BY name ${BY_NAME}, id LIMIT 100`);
    return { cities: { edges: (await nested(rows)).map((node) => ({ node })) } };
  },
  async Q4(v) {
    const { rows } = await pool.query(
      `SELECT r.id, r.title, r.language
         FROM knowledge.resources r, websearch_to_tsquery(knowledge.text_search_config($2), $1) q
        WHERE r.search_vector @@ q AND r.archived_at IS NULL
        ORDER BY ts_rank(r.search_vector, q) DESC, r.id LIMIT 20`,
      [v.q, v.language],
    );
    return { searchResources: { edges: rows.map((node) => ({ node })) } };
  },
};

/** Memberships → networks, ten newest resources → publisher, participations → event → forum, for each city. */
async function nested(cities: CityRow[]) {
  const ids = cities.map((c) => c.id);
  const [memberships, resources, participations] = await Promise.all([
    pool.query(
      `SELECT m.city_id, m.status, n.id, n.name FROM membership.memberships m JOIN membership.networks n ON n.id = m.network_id
        WHERE m.city_id = ANY($1) ORDER BY m.city_id, n.name`,
      [ids],
    ),
    pool.query(
      `SELECT c.id AS city_id, r.id, r.title, r.publisher_type, r.publisher_id
         FROM unnest($1::text[]) c(id)
         CROSS JOIN LATERAL (SELECT id, title, publisher_type, publisher_id FROM knowledge.resources r
                              WHERE r.city_ids @> ARRAY[c.id] AND r.archived_at IS NULL ORDER BY r.sort_date DESC, r.id LIMIT 10) r`,
      [ids],
    ),
    pool.query(
      `SELECT p.city_id, p.role, e.id, e.title, e.starts_on, f.id AS forum_id, f.name AS forum_name
         FROM forums.participations p JOIN forums.events e ON e.id = p.event_id LEFT JOIN forums.forums f ON f.id = e.forum_id
        WHERE p.city_id = ANY($1) ORDER BY p.city_id, e.starts_on DESC`,
      [ids],
    ),
  ]);
  const publishers = new Map<string, string>();
  const wanted = (type: string) => [...new Set(resources.rows.filter((r) => r.publisher_type === type).map((r) => r.publisher_id as string))];
  const [networks, forums, publisherCities] = await Promise.all([
    pool.query('SELECT id, name FROM membership.networks WHERE id = ANY($1)', [wanted('NETWORK')]),
    pool.query('SELECT id, name FROM forums.forums WHERE id = ANY($1)', [wanted('FORUM')]),
    pool.query('SELECT id, name FROM membership.cities WHERE id = ANY($1)', [wanted('CITY')]),
  ]);
  for (const [type, result] of [['NETWORK', networks], ['FORUM', forums], ['CITY', publisherCities]] as const) {
    for (const row of result.rows) publishers.set(`${type}:${row.id}`, row.name);
  }
  const typename = { NETWORK: 'Network', FORUM: 'Forum', CITY: 'City' } as Record<string, string>;
  const [membershipsOf, resourcesOf, participationsOf] = [memberships, resources, participations].map((result) => byCity(result.rows));
  return cities.map((c) => ({
    id: c.id,
    name: c.name,
    country: { code: c.country_code },
    memberships: (membershipsOf.get(c.id) ?? []).map((m) => ({ status: m.status, network: { id: m.id, name: m.name } })),
    resources: {
      edges: (resourcesOf.get(c.id) ?? []).map((r) => ({
        node: {
          id: r.id,
          title: r.title,
          publisher: r.publisher_type ? { __typename: typename[r.publisher_type], name: publishers.get(`${r.publisher_type}:${r.publisher_id}`) ?? null } : null,
        },
      })),
    },
    participations: (participationsOf.get(c.id) ?? []).map((p) => ({ role: p.role, event: { id: p.id, title: p.title, startsOn: p.starts_on, forum: p.forum_id ? { id: p.forum_id, name: p.forum_name } : null } })),
  }));
}

/** Rows by their `city_id`, in order. */
function byCity<T extends { city_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.city_id);
    if (group) group.push(row);
    else groups.set(row.city_id, [row]);
  }
  return groups;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString() || '{}');
}

const server = createServer(async (req, res) => {
  try {
    const body = await readJson(req);
    const shape = SHAPES[(req.url ?? '').slice(1)];
    // `{ __typename }` from the readiness check.
    const data = shape ? await shape(body.variables ?? {}) : { __typename: 'Query' };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data }));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(required(process.env, 'PORT')), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
