// With OTEL_EXPORTER_OTLP_ENDPOINT set, every service sends OpenTelemetry traces over OTLP/HTTP:
// one request to the gateway is one trace, with the gateway's spans, a span in every subgraph it
// asked (joined by the W3C traceparent header), and the SQL each subgraph ran beneath its own.
// The services run as processes of their own, as deployed; the collector is a stand-in here.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubgraphModule } from '@nsc-hub/shared';
import { graphqlRequest } from '@nsc-hub/shared/src/testing';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { startGatewayProcess, type GatewayProcess } from './helpers/gatewayProcess';
import { startSubgraphProcess, type SubgraphProcess } from './helpers/subgraphProcess';

interface Span {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  /** OTLP's SpanKind: 2 server, 3 client. */
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: OtlpAttribute[] }[] }[];
  }[];
}

/** A span of an SQL statement (the current conventions' `db.system.name`, the older `db.system`). */
const isSql = (span: Span) => (span.attributes['db.system.name'] ?? span.attributes['db.system']) === 'postgresql' && /^pg\.query/.test(span.name);

const attributes = (list: OtlpAttribute[] = []) => Object.fromEntries(list.map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value.boolValue]));

const spans: Span[] = [];
let collector: http.Server;
const subgraphs: SubgraphProcess[] = [];
let gateway: GatewayProcess;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const resource of (JSON.parse(body) as OtlpExport).resourceSpans ?? []) {
          const service = String(attributes(resource.resource?.attributes)['service.name']);
          for (const scope of resource.scopeSpans ?? []) {
            for (const s of scope.spans ?? []) spans.push({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? '', name: s.name, kind: s.kind, attributes: attributes(s.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const env = {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  const urls: Record<string, string> = {};
  const start = async (module: SubgraphModule) => {
    const peerUrls = Object.fromEntries(Object.keys(module.peers ?? {}).map((peer) => [peer, urls[peer]]));
    const running = await startSubgraphProcess(module, { peerUrls, env });
    subgraphs.push(running);
    urls[module.name] = running.url;
  };
  for (const module of SUBGRAPHS) await start(module);
  gateway = await startGatewayProcess(urls, env);
}, 180_000);

afterAll(async () => {
  await gateway?.stop();
  await Promise.all(subgraphs.map((s) => s.close()));
  await new Promise((resolve) => collector?.close(resolve));
});

test('one request is one trace: the gateway, every subgraph it asked, and their SQL beneath them', async () => {
  const answer = await graphqlRequest(gateway.url, '{ city(id: "dk-aarhus") { id name resources(first: 2) { totalCount } participations { id } } }');
  expect(answer.errors).toBeUndefined();

  const entry = () => spans.find((s) => s.service === 'gateway' && s.kind === 2 && /graphql/.test(String(s.attributes['http.target'] ?? s.attributes['url.path'] ?? s.name)));
  const trace = () => (entry() ? spans.filter((s) => s.traceId === entry()!.traceId) : []);
  const complete = () => ['membership', 'knowledge', 'forums'].every((service) => trace().some((s) => s.service === service && isSql(s)));
  for (let waited = 0; !complete() && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));

  const ours = trace();
  expect(new Set(ours.map((s) => s.service))).toEqual(new Set(['gateway', 'membership', 'knowledge', 'forums']));
  const byId = new Map(ours.map((s) => [s.spanId, s]));
  const ancestors = (span: Span): Span[] => {
    const parent = byId.get(span.parentSpanId);
    return parent ? [parent, ...ancestors(parent)] : [];
  };
  for (const service of ['membership', 'knowledge', 'forums']) {
    // The subgraph's request span is the child of a gateway call to it: the trace crossed processes.
    const served = ours.find((s) => s.service === service && s.kind === 2);
    expect(served).toBeDefined();
    expect(byId.get(served!.parentSpanId)).toMatchObject({ service: 'gateway', kind: 3 });
    // Its SQL lies beneath it.
    const sql = ours.filter((s) => s.service === service && isSql(s));
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(ancestors(statement).some((a) => a.service === service && a.kind === 2)).toBe(true);
  }
  // Denmark was not asked, and nothing of this request reached it.
  expect(ours.some((s) => s.service === 'denmark')).toBe(false);
});
