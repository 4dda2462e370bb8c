import type { CpuShare } from './cpuMeter';
import type { Figures } from './load';

/** Columns of "Where a request's CPU goes", besides one per subgraph: the keys of a `CpuShare`. */
export const GATEWAY = 'gateway';
export const IDLE_GATEWAYS = 'idle gateways';
export const POSTGRES = 'PostgreSQL';
export const LOAD_GENERATOR = 'load generator';

export interface GatewayRun {
  name: 'hub' | 'apollo' | 'hive' | 'hive-rust';
  shapes: Record<string, Figures>;
  /** The gateway's own CPU-ms per request, as in `cpu`. */
  cpuMsPerRequest: Record<string, number>;
  /** CPU-ms per request of every process, per shape. */
  cpu: Record<string, CpuShare>;
  peakRssMiB: number;
}

const EXECUTOR_WORDS: Record<string, string> = { compiled: 'compiled by graphql-jit', 'graphql-js': 'with graphql-js', compare: 'both ways and compare them' };

export interface BenchResults {
  commit: string;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  options: Record<string, unknown>;
  data: { largeScale: number; scale1: Record<string, number>; large: Record<string, number>; generatedSeconds: number };
  shapes: Record<string, string>;
  /** The subgraphs, in the order of their columns. */
  subgraphs: string[];
  statements: Record<string, { first10: number; first100: number }>;
  subgraphRequests: Record<string, { requests: number; stages: number }>;
  gateways: GatewayRun[];
  /** The hub with its response cache, each shape's variables repeated. */
  cached: Record<string, Figures>;
  direct: Record<string, Figures & { method: string; cpu: CpuShare }>;
  floorSql: Record<string, Figures & { cpu: CpuShare }>;
  floorHttp: Record<string, Figures & { cpu: CpuShare }>;
  /**
   * The hub at scale 1 and on the larger data, side by side; `cpu` (CPU-ms per request of every
   * process, larger data) since the report showed it, `cpu1` (scale 1) since both are measured alike.
   */
  scaling: Record<string, { scale1: Figures; large: Figures; cpu?: CpuShare; cpu1?: CpuShare }>;
  analysis?: Analysis;
  seconds: number;
}

export interface Target {
  what: string;
  value: string;
  met: boolean;
}

export interface Analysis {
  ratios: Record<string, Record<string, number>>;
  targets: Target[];
}

const GATEWAY_NAMES: Record<GatewayRun['name'], string> = {
  hub: 'hub gateway (as shipped, response cache off)',
  apollo: '@apollo/gateway, default options',
  hive: 'Hive Gateway',
  'hive-rust': 'Hive Gateway, Rust query planner',
};

/** The hub's peers, by the name their ratios use. */
const PEERS: [GatewayRun['name'], string][] = [
  ['hive', 'Hive'],
  ['hive-rust', 'Hive-Rust'],
  ['apollo', 'stock-Apollo'],
];

const round = (n: number, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : NaN);
/** A ratio of two figures; NaN where either is missing (no request finished within the measurement). */
const ratio = (a: number, b: number) => (a > 0 && b > 0 ? round(a / b) : NaN);
/** A figure's p50, or NaN when no request finished. */
const p50 = (f: Figures) => (f.requests > 0 ? f.p50 : NaN);
/**
 * The p50 ratio of two figures. autocannon's percentiles are whole milliseconds, so where either
 * p50 is below 1 ms the ratio is taken of the mean latencies instead.
 */
const p50Ratio = (a: Figures, b: Figures) => (a.requests > 0 && b.requests > 0 && (a.p50 < 1 || b.p50 < 1) ? ratio(a.mean, b.mean) : ratio(p50(a), p50(b)));
const rps = (f: Figures) => (f.requests > 0 ? f.rps : NaN);
const shown = (n: number) => (Number.isFinite(n) ? String(n) : '–');

/** Every ratio the benchmark reports, and each target with whether it was met. */
export function analyse(r: BenchResults): Analysis {
  const gateway = (name: GatewayRun['name']) => r.gateways.find((g) => g.name === name)!;
  const hub = gateway('hub');
  const ids = Object.keys(r.shapes);
  const has = (id: string) => ids.includes(id);
  const perShape = (f: (id: string) => number) => Object.fromEntries(ids.map((id) => [id, f(id)]));
  const large = r.data.largeScale;
  const ratios: Analysis['ratios'] = {
    ...Object.fromEntries(
      PEERS.flatMap(([name, label]) => {
        const peer = gateway(name);
        return [
          [`hub/${label} throughput`, perShape((id) => ratio(rps(hub.shapes[id]), rps(peer.shapes[id])))],
          [`hub/${label} p50`, perShape((id) => p50Ratio(hub.shapes[id], peer.shapes[id]))],
          [`hub/${label} CPU-ms per request`, perShape((id) => ratio(hub.cpuMsPerRequest[id], peer.cpuMsPerRequest[id]))],
        ];
      }),
    ),
    'hub cached/uncached throughput': perShape((id) => ratio(rps(r.cached[id]), rps(hub.shapes[id]))),
    'gateway/direct p50': perShape((id) => p50Ratio(hub.shapes[id], r.direct[id])),
    'hub/floor (node:http + pg) p50': perShape((id) => p50Ratio(hub.shapes[id], r.floorHttp[id])),
    'hub/floor (SQL through pg) p50': perShape((id) => p50Ratio(hub.shapes[id], r.floorSql[id])),
    [`scale-${large}/scale-1 p50`]: Object.fromEntries(Object.entries(r.scaling).map(([id, s]) => [id, p50Ratio(s.large, s.scale1)])),
  };
  const same = (id: string) => r.statements[id].first10 === r.statements[id].first100;
  // The hub against its closest peer: the lowest of its throughput ratios, or a missing one.
  const lowest = ids
    .flatMap((id) => PEERS.map(([name, label]) => ({ id, name, value: ratios[`hub/${label} throughput`][id] })))
    .reduce((low, x) => (!Number.isNaN(low.value) && (Number.isNaN(x.value) || x.value < low.value) ? x : low));
  const targets: Target[] = [
    ...['Q2', 'Q3', 'Q4'].filter(has).map((id) => ({
      what: `${id}: SQL statements the same at first: 10 and first: 100`,
      value: `${r.statements[id].first10} and ${r.statements[id].first100}`,
      met: same(id),
    })),
    ...['Q1'].filter(has).map((id) => ({ what: `${id}: gateway/direct p50 ≤ 2.5`, value: String(ratios['gateway/direct p50'][id]), met: ratios['gateway/direct p50'][id] <= 2.5 })),
    ...['Q2', 'Q3'].filter(has).map((id) => ({
      what: `${id}: hub throughput ≥ 1.5 × stock @apollo/gateway`,
      value: `${ratios['hub/stock-Apollo throughput'][id]} ×`,
      met: ratios['hub/stock-Apollo throughput'][id] >= 1.5,
    })),
    {
      what: `hub throughput ≥ every peer's (${PEERS.map(([name]) => GATEWAY_NAMES[name]).join('; ')}) on every shape`,
      value: `lowest ${lowest.value} × (${GATEWAY_NAMES[lowest.name]} on ${lowest.id})`,
      met: lowest.value >= 1,
    },
    ...(
      [
        ['Q2', 3],
        ['Q3', 4],
      ] as const
    )
      .filter(([id]) => has(id))
      .map(([id, times]) => ({
        what: `${id}: p50 within ${times} × the node:http + pg floor`,
        value: `${ratios['hub/floor (node:http + pg) p50'][id]} ×`,
        met: ratios['hub/floor (node:http + pg) p50'][id] <= times,
      })),
    ...Object.keys(r.scaling).map((id) => ({
      what: `${id}: scale-${large}/scale-1 p50 ≤ 1.2`,
      value: String(ratios[`scale-${large}/scale-1 p50`][id]),
      met: ratios[`scale-${large}/scale-1 p50`][id] <= 1.2,
    })),
  ];
  if (r.scaling.Q4) targets.push({ what: `Q4: p50 under 25 ms at scale ${large}`, value: `${shown(p50(r.scaling.Q4.large))} ms`, met: p50(r.scaling.Q4.large) < 25 });
  // A comparison against a missing figure is not met, and says so.
  for (const t of targets) t.value = t.value.replace('NaN', '– (no request finished)');
  return { ratios, targets };
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
/** A table's header of figures, after `first` (the columns naming what was measured). */
const figuresHeader = (...first: string[]) => [row([...first, 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'errors']), row([...first.map(() => '---'), '---:', '---:', '---:', '---:', '---:'])];
const figures = (f: Figures) => (f.requests > 0 ? [round(f.rps, 0), f.p50, f.p99, round(f.mean), f.errors] : ['0 (none finished)', '–', '–', '–', f.errors]);

export function renderMarkdown(r: BenchResults): string {
  const analysis = r.analysis ?? analyse(r);
  const ids = Object.keys(r.shapes);
  const lines: string[] = [
    `# nsc-hub benchmark`,
    '',
    `Commit ${r.commit}, ${r.date}. ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}.`,
    `${r.options.connections} connections; each figure ${r.options.seconds} s after ${r.options.warmupSeconds} s warm-up (longer where a shape is too slow to answer every connection in that time), ` +
      `gateway figures in ${r.options.rounds} rotating round${r.options.rounds === 1 ? '' : 's'}${r.options.quick ? ' (--quick)' : ''}; ` +
      `variables drawn per request from seed ${r.options.seed}. Whole run ${r.seconds} s.`,
    `Data at scale 1: ${describe(r.data.scale1)}${Object.keys(r.data.large).length ? `; at scale ${r.data.largeScale}: ${describe(r.data.large)}` : ''}.`,
    ...(typeof r.options.subgraphExecutor === 'string' ? [`Subgraphs execute operations ${EXECUTOR_WORDS[r.options.subgraphExecutor] ?? r.options.subgraphExecutor} (SUBGRAPH_EXECUTOR=${r.options.subgraphExecutor}).`] : []),
    ...(r.options.shapes ? [`Only the shapes ${(r.options.shapes as string[]).join(', ')} (--shapes).`] : []),
    ...(r.options.profile ? [`Every process the bench started ran under the CPU profiler (--profile ${r.options.profile}), which slows it: compare these figures with nothing but each other.`] : []),
    '',
    '## Query shapes',
    '',
    ...ids.map((id) => `- **${id}** ${r.shapes[id]}: ${r.subgraphRequests[id].requests} subgraph requests in ${r.subgraphRequests[id].stages} stages.`),
    '',
    '## Throughput and latency (scale 1)',
    '',
    ...figuresHeader('shape', 'target'),
  ];
  for (const id of ids) {
    for (const g of r.gateways) lines.push(row([id, GATEWAY_NAMES[g.name], ...figures(g.shapes[id])]));
    lines.push(row([id, `subgraphs directly (${r.direct[id].method})`, ...figures(r.direct[id])]));
    lines.push(row([id, 'floor: the same SQL through pg', ...figures(r.floorSql[id])]));
    lines.push(row([id, 'floor: node:http + pg', ...figures(r.floorHttp[id])]));
  }
  lines.push('', '## Response cache (hub gateway, the same variables repeated)', '', ...figuresHeader('shape', 'answered'));
  for (const id of ids) {
    lines.push(row([id, 'from the subgraphs (variables drawn per request)', ...figures(r.gateways.find((g) => g.name === 'hub')!.shapes[id])]));
    if (r.cached[id]) lines.push(row([id, 'from the response cache', ...figures(r.cached[id])]));
  }
  lines.push('', '## Gateway cost', '', row(['gateway', ...ids.map((id) => `${id} CPU-ms/request`), 'peak RSS MiB']), row(['---', ...ids.map(() => '---:'), '---:']));
  for (const g of r.gateways) lines.push(row([GATEWAY_NAMES[g.name], ...ids.map((id) => shown(g.cpuMsPerRequest[id])), g.peakRssMiB]));
  lines.push(...cpuTable(r));
  lines.push('', '## SQL statements per request', '', row(['shape', 'first: 10', 'first: 100']), row(['---', '---:', '---:']));
  for (const id of ids) lines.push(row([id, r.statements[id].first10, r.statements[id].first100]));
  lines.push('', '## Scaling (hub gateway)', '', row(['shape', 'scale', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'errors']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const [id, s] of Object.entries(r.scaling)) {
    lines.push(row([id, 1, ...figures(s.scale1)]));
    lines.push(row([id, r.data.largeScale, ...figures(s.large)]));
  }
  const ratioNames = Object.keys(analysis.ratios);
  lines.push('', '## Ratios', '', row(['ratio', ...ids]), row(['---', ...ids.map(() => '---:')]));
  for (const name of ratioNames) lines.push(row([name, ...ids.map((id) => shown(analysis.ratios[name][id] ?? NaN))]));
  lines.push('', '## Targets', '', row(['target', 'measured', 'met']), row(['---', '---', '---']));
  for (const t of analysis.targets) lines.push(row([t.what, t.value, t.met ? 'yes' : '**no**']));
  lines.push('', 'p50 ratios are of means where a p50 is below 1 ms (autocannon counts whole milliseconds). How to read this, and what is behind each figure: bench/README.md.', '');
  return lines.join('\n');
}

/**
 * CPU-ms per request answered of every process, for each figure that measured it: the process
 * answering the client (a gateway, or the floor's server), the gateways standing idle meanwhile,
 * each subgraph, PostgreSQL and the load generator (this process), whether the shape involves
 * them or not. A blank cell: no such process in that figure; – : its CPU time could not be read.
 */
function cpuTable(r: BenchResults): string[] {
  const columns = [GATEWAY, IDLE_GATEWAYS, ...r.subgraphs, POSTGRES, LOAD_GENERATOR];
  const headers = ['gateway or floor server', ...columns.slice(1)];
  const lines = [
    '',
    "## Where a request's CPU goes (CPU-ms per request answered, scale 1 unless said)",
    '',
    row(['shape', 'target', ...headers, 'total']),
    row(['---', '---', ...columns.map(() => '---:'), '---:']),
  ];
  const cells = (share: CpuShare) => {
    const known = columns.filter((c) => Number.isFinite(share[c]));
    const total = known.reduce((sum, c) => sum + share[c], 0);
    return [...columns.map((c) => (c in share ? shown(share[c]) : '')), known.length ? round(total) : '–'];
  };
  for (const id of Object.keys(r.shapes)) {
    for (const g of r.gateways) if (g.cpu[id]) lines.push(row([id, GATEWAY_NAMES[g.name], ...cells(g.cpu[id])]));
    if (r.direct[id]) lines.push(row([id, 'subgraphs directly', ...cells(r.direct[id].cpu)]));
    if (r.floorSql[id]) lines.push(row([id, 'floor: the same SQL through pg', ...cells(r.floorSql[id].cpu)]));
    if (r.floorHttp[id]) lines.push(row([id, 'floor: node:http + pg', ...cells(r.floorHttp[id].cpu)]));
    const scaling = r.scaling[id];
    if (scaling?.cpu1) lines.push(row([id, `${GATEWAY_NAMES.hub}, scaling series, scale 1`, ...cells(scaling.cpu1)]));
    if (scaling?.cpu) lines.push(row([id, `${GATEWAY_NAMES.hub}, ${scaling.cpu1 ? 'scaling series, ' : ''}scale ${r.data.largeScale}`, ...cells(scaling.cpu)]));
  }
  lines.push(
    '',
    'User + system time from /proc over the measured seconds of each figure, divided by the requests answered in them; every process running counts, whether the shape needs it or not. ' +
      'The total is of the columns that could be read (– where not).',
  );
  return lines;
}

const describe = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
    .join(', ');
