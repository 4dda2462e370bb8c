import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { Pool } from 'pg';
import { DEFAULT_ORDER_LOCALE, SUBGRAPH_SECRET_HEADER, collate, createLogger, envNameOf, encodeCursor, nameCursorKey, runMain, signToken, type Logger } from '@nsc-hub/shared';
import { REPO_ROOT } from '../scripts/hubDatabase';
import { SUBGRAPHS } from '../scripts/subgraphs';
import { openBenchServer, type BenchServer } from './lib/benchDatabase';
import { captureShapes, type Captured, type CaptureReport } from './lib/capture';
import { CpuMeter, cpuOfAll, ownCpu, postgresCpu, settle, type CpuShare, type CpuSource } from './lib/cpuMeter';
import { NO_PROFILES, cpuProfiles, type CpuProfiles } from './lib/cpuProfiles';
import { ensureBenchData } from './lib/ensureData';
import { DEFAULT_SEED } from './lib/generate';
import { httpLoad, loopLoad, type Figures, type LoadOptions } from './lib/load';
import { SUBGRAPH_EXECUTOR, freePort, startService, type Service } from './lib/processes';
import { GATEWAY, IDLE_GATEWAYS, LOAD_GENERATOR, POSTGRES, analyse, renderMarkdown, type BenchResults, type GatewayRun } from './lib/report';
import { SHAPES, seededRandom, type BenchPools, type Shape } from './lib/shapes';

/** Secrets made up for one run: the subgraphs refuse the development ones in production mode. */
interface BenchSecrets {
  readonly subgraphSecret: string;
  readonly jwtSecret: string;
}

interface Options {
  quick: boolean;
  connections?: number;
  seconds?: number;
  warmup?: number;
  samples: number;
  rounds?: number;
  largeScale: number;
  seed: number;
  out: string;
  shapes?: string;
  profile?: boolean | string;
}

/** What one run measures: the shapes chosen, and where the processes' CPU profiles go, if anywhere. */
interface Plan {
  readonly shapes: readonly Shape[];
  readonly profiles: CpuProfiles;
  /** The label of the profiled run: a folder of `<out>/profiles`. */
  readonly profileLabel?: string;
}

runMain(async () => {
  const options = new Command('bench')
    .description('The hub against stock @apollo/gateway, Hive Gateway (its own and the Rust query planner), the subgraphs directly and the database floor, side by side')
    .option('--quick', 'short measurements (the whole run in about a minute)', false)
    .option('--connections <n>', 'concurrent clients of every measurement (default 8, --quick 4)', (v) => Number(v))
    .option('--seconds <n>', 'seconds measured per figure, per round for the gateways (default 1.5, --quick 1)', (v) => Number(v))
    .option('--warmup <n>', 'seconds of warm-up before each figure (default 1, --quick 0.2)', (v) => Number(v))
    .option('--samples <n>', 'recorded requests per shape replayed against subgraphs and database', (v) => Number(v), 30)
    .option('--rounds <n>', 'rounds each gateway figure is measured in, the gateways taking turns (default 3, --quick 1)', (v) => Number(v))
    .option('--large-scale <n>', 'the scale the scaling series compares with scale 1', (v) => Number(v), 10)
    .option('--seed <n>', 'seed of the data and of every variable sequence', (v) => Number(v), DEFAULT_SEED)
    .option('--out <dir>', 'where latest.md and latest.json go', path.join(REPO_ROOT, 'bench', 'results'))
    .option('--shapes <ids>', `only these query shapes, comma-separated (of ${SHAPES.map((s) => s.id).join(', ')}; default all)`)
    .option('--profile [label]', 'a V8 CPU profile of every process the bench starts, in <out>/profiles/<label>/<phase>/<process> (label: default the time and the shapes)')
    .parse()
    .opts<Options>();
  const load: LoadOptions = {
    connections: options.connections ?? (options.quick ? 4 : 8),
    seconds: options.seconds ?? (options.quick ? 1 : 1.5),
    warmupSeconds: options.warmup ?? (options.quick ? 0.2 : 1),
  };
  options.rounds ??= options.quick ? 1 : 3;
  const plan = planOf(options);
  const log = createLogger('bench');
  const started = Date.now();
  const server = await openBenchServer(process.env, log);
  try {
    const results = await benchmark(server, options, plan, load, log);
    results.seconds = Math.round((Date.now() - started) / 1000);
    results.analysis = analyse(results);
    const faults = [...harnessFaults(results), ...plan.profiles.missing().map((at) => `  ${at}: no CPU profile written`)];
    const markdown = renderMarkdown(results);
    console.log(`\n${markdown}`);
    mkdirSync(options.out, { recursive: true });
    writeFileSync(path.join(options.out, 'latest.md'), markdown);
    writeFileSync(path.join(options.out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`Written to ${path.relative(process.cwd(), path.join(options.out, 'latest.md'))} and latest.json (${results.seconds} s).`);
    if (plan.profiles.dir) console.log(`CPU profiles in ${path.relative(process.cwd(), plan.profiles.dir)}/<phase>/<process>/ (open with Chrome DevTools or npx speedscope).`);
    // A missed target is a finding; a figure with no answers or with errors is a broken measurement.
    if (faults.length) throw new Error(`Some measurements are not usable:\n${faults.join('\n')}`);
  } finally {
    await server.stop();
  }
});

/** The shapes `--shapes` names (all by default), and the profile folder of `--profile`. */
function planOf(options: Options): Plan {
  const ids = options.shapes?.split(',').map((id) => id.trim().toUpperCase()).filter(Boolean);
  const unknown = ids?.filter((id) => !SHAPES.some((s) => s.id === id)) ?? [];
  if (unknown.length) throw new Error(`--shapes: no shape ${unknown.join(', ')} (there are ${SHAPES.map((s) => s.id).join(', ')})`);
  const shapes = ids?.length ? SHAPES.filter((s) => ids.includes(s.id)) : SHAPES;
  if (!options.profile) return { shapes, profiles: NO_PROFILES };
  const now = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const label = typeof options.profile === 'string' ? options.profile : [now, ...(shapes === SHAPES ? [] : shapes.map((s) => s.id))].join('-');
  return { shapes, profiles: cpuProfiles(path.join(path.resolve(options.out), 'profiles', label)), profileLabel: label };
}

async function benchmark(server: BenchServer, options: Options, plan: Plan, load: LoadOptions, log: Logger): Promise<BenchResults> {
  const { shapes, profiles } = plan;
  const large = options.largeScale;
  const rounds = options.rounds ?? 1;
  const scaled = shapes.filter((s) => s.id === 'Q3' || s.id === 'Q4');
  const data1 = await ensureBenchData(server, 1, log, { seed: options.seed });
  // The larger data are made only for the scaling series, which has a shape only if Q3 or Q4 is chosen.
  const dataLarge = scaled.length ? await ensureBenchData(server, large, log, { seed: options.seed }) : undefined;
  const secrets: BenchSecrets = { subgraphSecret: randomBytes(24).toString('hex'), jwtSecret: randomBytes(24).toString('hex') };
  const pools1 = await readPools(server.urlFor(1));

  log.info('recording what each shape costs: subgraph requests and SQL');
  const capture = await captureShapes(server.urlFor(1), pools1, options.samples, options.seed, shapes);
  const postgres = await postgresCpu(server.urlFor(1), POSTGRES);
  if (postgres.why) log.warn(`PostgreSQL's CPU time is not measured: ${postgres.why}`);

  const results: BenchResults = {
    commit: gitCommit(),
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    options: {
      quick: options.quick,
      ...load,
      rounds: options.rounds,
      samples: options.samples,
      seed: options.seed,
      ...(shapes === SHAPES ? {} : { shapes: shapes.map((s) => s.id) }),
      ...(plan.profileLabel ? { profile: plan.profileLabel } : {}),
      subgraphExecutor: SUBGRAPH_EXECUTOR,
    },
    data: { largeScale: large, scale1: data1.counts, large: dataLarge?.counts ?? {}, generatedSeconds: data1.seconds + (dataLarge?.seconds ?? 0) },
    shapes: Object.fromEntries(shapes.map((s) => [s.id, s.title])),
    subgraphs: SUBGRAPHS.map((s) => s.name),
    statements: capture.statements,
    subgraphRequests: Object.fromEntries(shapes.map((s) => [s.id, averageFetches(capture.samples[s.id])])),
    gateways: [],
    cached: {},
    direct: {},
    floorSql: {},
    floorHttp: {},
    scaling: {},
    seconds: 0,
  };

  let subgraphs: Service[] = [];
  let scaleOfSubgraphs = 0;
  /**
   * The subgraphs of one phase of the run, on the data of `scale`: the same processes throughout a
   * scale, except under --profile, where each phase has its own so that each profile is of one phase.
   */
  const subgraphsFor = async (phase: string, scale: number) => {
    if (subgraphs.length && scale === scaleOfSubgraphs && !profiles.dir) return subgraphs;
    await Promise.all(subgraphs.map((s) => s.stop()));
    subgraphs = [];
    subgraphs = await startSubgraphs(server.urlFor(scale), secrets, (name) => profiles.nodeArgs(phase, name));
    scaleOfSubgraphs = scale;
    return subgraphs;
  };
  try {
    // The hub runs as in production, with PERSISTED_OPERATIONS=only: the shapes are trusted
    // documents (operations/bench), but its start-up probe `{ __typename }` is not, and is sent
    // signed in. The load itself is anonymous.
    const probeToken = await signToken({ secret: secrets.jwtSecret, issuer: 'nsc-hub', audience: 'nsc-hub' }, { sub: 'bench', role: 'member' });
    /** A gateway in front of `stack` (the subgraphs running now unless said), asked with variables drawn from `pools`. */
    const spec = async (name: GatewayRun['name'], entry: string, extra: NodeJS.ProcessEnv, phase: string, stack = subgraphs, pools = pools1): Promise<GatewaySpec> => {
      const port = String(await freePort());
      const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', SUBGRAPH_SECRET: secrets.subgraphSecret, JWT_SECRET: secrets.jwtSecret, ...urlEnv(stack) };
      return {
        name,
        entry,
        env: { ...env, ...extra, GATEWAY_PORT: port, PORT: port },
        url: `http://127.0.0.1:${port}/graphql`,
        probeHeaders: { authorization: `Bearer ${probeToken}` },
        phase,
        subgraphs: stack,
        pools,
      };
    };
    const HUB = path.join(REPO_ROOT, 'gateway', 'src', 'main.ts');
    const HIVE = path.join(REPO_ROOT, 'bench', 'servers', 'hiveGateway.ts');
    // Side by side with the peers, the hub answers every request from its subgraphs: its response
    // cache is off, as the others have none. The cached figures below are measured on their own.
    const UNCACHED = { RESPONSE_CACHE: 'off' };
    /** What every figure's requests cost besides the servers and subgraphs. */
    const shared: CpuSource[] = [postgres, ownCpu(LOAD_GENERATOR)];
    /** What runs beside the process answering the client, whose CPU counts towards its requests. */
    const bystanders = (): CpuSource[] => [...subgraphs.map((s) => cpuOfAll(s.name, [s])), ...shared];
    const gatewayMeasurement = { shapes, load, seed: options.seed, rounds, shared, nodeArgs: (s: GatewaySpec) => profiles.nodeArgs(s.phase, s.name) };

    log.info('measuring the gateways');
    await subgraphsFor('gateways', 1);
    const specs = [
      await spec('hub', HUB, UNCACHED, 'gateways'),
      await spec('apollo', path.join(REPO_ROOT, 'bench', 'servers', 'apolloGateway.ts'), {}, 'gateways'),
      await spec('hive', HIVE, {}, 'gateways'),
      await spec('hive-rust', HIVE, { HIVE_ROUTER_RUNTIME: 'true' }, 'gateways'),
    ];
    results.gateways = await measureGateways(specs, gatewayMeasurement);

    log.info('measuring the hub with its response cache: the same variables repeated');
    await subgraphsFor('cached', 1);
    results.cached = await measureCached(await spec('hub', HUB, {}, 'cached'), pools1, shapes, load, options.seed, profiles.nodeArgs('cached', 'hub'));

    log.info('measuring the subgraphs directly');
    await subgraphsFor('direct', 1);
    for (const shape of shapes) results.direct[shape.id] = await measureDirect(shape, capture, subgraphs, secrets, pools1, load, options.seed, bystanders());

    log.info('measuring the floor: the same SQL through pg, and node:http + pg');
    const sqlPool = new Pool({ connectionString: server.urlFor(1), max: load.connections });
    try {
      for (const shape of shapes) results.floorSql[shape.id] = await withCpu(bystanders(), load, (o) => replaySql(sqlPool, capture.samples[shape.id], o));
    } finally {
      await sqlPool.end();
    }
    const floorPort = await freePort();
    const floor = await startService('floor', path.join(REPO_ROOT, 'bench', 'servers', 'floor.ts'), { DATABASE_URL: server.urlFor(1), PORT: String(floorPort), POOL_SIZE: '15' }, `http://127.0.0.1:${floorPort}/`, {}, profiles.nodeArgs('floor', 'floor'));
    try {
      for (const shape of shapes) {
        const random = seededRandom(options.seed);
        const body = () => JSON.stringify({ variables: shape.variables(random, pools1) });
        results.floorHttp[shape.id] = await withCpu([cpuOfAll(GATEWAY, [floor]), ...bystanders()], load, (o) => httpLoad(`http://127.0.0.1:${floorPort}/${shape.id}`, {}, body, o));
      }
    } finally {
      await floor.stop();
    }

    if (scaled.length) {
      log.info(`the scaling series: the hub on ${scaled.map((s) => s.id).join(' and ')} at scale 1 and at scale ${large}, side by side`);
      // Two hubs, each with subgraphs of its own, started alike and measured in alternating rounds:
      // the scale-1 figures of the gateway comparison come from processes that have served four
      // gateways for a while, on a machine in another state, so set beside a fresh stack's they
      // showed the difference of the two moments as much as that of the data.
      await Promise.all(subgraphs.map((s) => s.stop()));
      subgraphs = [];
      const poolsLarge = await readPools(server.urlFor(large));
      const stacks: Service[][] = [];
      try {
        for (const scale of [1, large]) stacks.push(await startSubgraphs(server.urlFor(scale), secrets, (name) => profiles.nodeArgs(`scale-${scale}`, name)));
        const sides = [await spec('hub', HUB, UNCACHED, 'scale-1', stacks[0], pools1), await spec('hub', HUB, UNCACHED, `scale-${large}`, stacks[1], poolsLarge)];
        const [hub1, hubLarge] = await measureGateways(sides, { ...gatewayMeasurement, shapes: scaled });
        for (const shape of scaled) {
          results.scaling[shape.id] = { scale1: hub1.shapes[shape.id], large: hubLarge.shapes[shape.id], cpu1: hub1.cpu[shape.id], cpu: hubLarge.cpu[shape.id] };
        }
      } finally {
        await Promise.all(stacks.flat().map((s) => s.stop()));
      }
    }
  } finally {
    await Promise.all(subgraphs.map((s) => s.stop()));
  }
  return results;
}

/** Figures no request finished for, or with errors: what the harness itself got wrong. */
function harnessFaults(r: BenchResults): string[] {
  const all: [string, Figures][] = [
    ...r.gateways.flatMap((g) => Object.entries(g.shapes).map(([id, f]) => [`${id} ${g.name}`, f] as [string, Figures])),
    ...Object.entries(r.cached).map(([id, f]) => [`${id} hub cached`, f] as [string, Figures]),
    ...Object.entries(r.direct).map(([id, f]) => [`${id} direct`, f] as [string, Figures]),
    ...Object.entries(r.floorSql).map(([id, f]) => [`${id} floor SQL`, f] as [string, Figures]),
    ...Object.entries(r.floorHttp).map(([id, f]) => [`${id} floor HTTP`, f] as [string, Figures]),
    ...Object.entries(r.scaling).map(([id, s]) => [`${id} scale ${r.data.largeScale}`, s.large] as [string, Figures]),
  ];
  return all.filter(([, f]) => f.requests === 0 || f.errors > 0).map(([what, f]) => `  ${what}: ${f.requests} requests, ${f.errors} errors`);
}


/** `<NAME>_URL` of each running subgraph, as the gateways read them. */
const urlEnv = (subgraphs: readonly Service[]) => Object.fromEntries(subgraphs.map((s) => [`${envNameOf(s.name)}_URL`, s.url]));

/** Every subgraph as its own production process on the database at `url`, with the Node options `nodeArgs` gives it. */
async function startSubgraphs(url: string, secrets: BenchSecrets, nodeArgs: (name: string) => string[]): Promise<Service[]> {
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [s.name, await freePort()] as const)));
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [`${envNameOf(s.name)}_URL`, `http://127.0.0.1:${ports[s.name]}/graphql`]));
  // Each knows every port beforehand, so they start at once; if one fails, the others are stopped.
  const started = await Promise.allSettled(
    SUBGRAPHS.map((subgraph) =>
      startService(
        subgraph.name,
        path.join(REPO_ROOT, 'subgraphs', subgraph.name, 'src', 'main.ts'),
        {
          ...urls,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          SUBGRAPH_SECRET: secrets.subgraphSecret,
          JWT_SECRET: secrets.jwtSecret,
          [`${envNameOf(subgraph.name)}_PORT`]: String(ports[subgraph.name]),
          [`${envNameOf(subgraph.name)}_DATABASE_URL`]: url,
        },
        urls[`${envNameOf(subgraph.name)}_URL`],
        { [SUBGRAPH_SECRET_HEADER]: secrets.subgraphSecret },
        nodeArgs(subgraph.name),
      ),
    ),
  );
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((s) => s.stop()));
    throw failed.reason;
  }
  return running;
}

interface GatewaySpec {
  name: GatewayRun['name'];
  entry: string;
  env: NodeJS.ProcessEnv;
  url: string;
  /** Headers of the start-up probe. */
  probeHeaders?: Record<string, string>;
  /** The phase of the run it belongs to (its profile's folder). */
  phase: string;
  /** The subgraphs it sends its requests to. */
  subgraphs: readonly Service[];
  /** Where its variables are drawn from: the data its subgraphs hold. */
  pools: BenchPools;
}

interface GatewayMeasurement {
  shapes: readonly Shape[];
  load: LoadOptions;
  seed: number;
  rounds: number;
  /** What every gateway's requests cost besides gateways and subgraphs: PostgreSQL, the load generator. */
  shared: readonly CpuSource[];
  /** Node options of a gateway's process. */
  nodeArgs: (spec: GatewaySpec) => string[];
}

/**
 * Every gateway started at once (idle ones cost little, and that is counted too), then each shape
 * measured in `rounds` rounds, the gateways taking turns in a rotating order: slow drifts of a
 * shared machine (caches, JIT, PostgreSQL's background work) then fall on all of them alike. Each
 * round starts once the machine has settled from the one before (`settle`). A figure's rate and
 * CPU per request are over all its rounds, its percentiles the medians of the rounds'.
 */
async function measureGateways(specs: readonly GatewaySpec[], m: GatewayMeasurement): Promise<GatewayRun[]> {
  const { shapes, load, seed, rounds } = m;
  const services: Service[] = [];
  const allSubgraphs = [...new Set(specs.flatMap((spec) => spec.subgraphs))];
  try {
    for (const spec of specs) services.push(await startService(spec.name, spec.entry, spec.env, spec.url, spec.probeHeaders, m.nodeArgs(spec)));
    const runs: GatewayRun[] = specs.map((spec) => ({ name: spec.name, shapes: {}, cpuMsPerRequest: {}, cpu: {}, peakRssMiB: 0 }));
    const perRound = { ...load, warmupSeconds: 0 };
    for (const shape of shapes) {
      const bodies = specs.map((spec) => {
        const random = seededRandom(seed);
        return () => JSON.stringify({ query: shape.query(), variables: shape.variables(random, spec.pools) });
      });
      if (load.warmupSeconds > 0) for (const [i, spec] of specs.entries()) await httpLoad(spec.url, {}, bodies[i], { ...load, seconds: load.warmupSeconds, warmupSeconds: 0 });
      const figures: Figures[][] = specs.map(() => []);
      // A gateway's figure counts its own subgraphs by name; whatever serves only the others (their
      // gateways, and in the scaling series their subgraphs) is idle meanwhile.
      const meters = specs.map((spec, i) => {
        const idle = [...services.filter((s) => s !== services[i]), ...allSubgraphs.filter((s) => !spec.subgraphs.includes(s))];
        return new CpuMeter([cpuOfAll(GATEWAY, [services[i]]), ...(idle.length ? [cpuOfAll(IDLE_GATEWAYS, idle)] : []), ...spec.subgraphs.map((s) => cpuOfAll(s.name, [s])), ...m.shared]);
      });
      // Everything but the load generator, which is idle between rounds anyway.
      const machine = [...[...services, ...allSubgraphs].map((s) => cpuOfAll(s.name, [s])), ...m.shared.filter((s) => s.name !== LOAD_GENERATOR)];
      for (let round = 0; round < rounds; round++) {
        for (let k = 0; k < specs.length; k++) {
          const i = (round + k) % specs.length;
          await settle(machine);
          figures[i].push(await meters[i].over(() => httpLoad(specs[i].url, {}, bodies[i], perRound)));
        }
      }
      for (const [i, run] of runs.entries()) {
        const merged = mergeRounds(figures[i]);
        run.shapes[shape.id] = merged;
        run.cpu[shape.id] = meters[i].perRequest(merged.requests);
        run.cpuMsPerRequest[shape.id] = run.cpu[shape.id][GATEWAY];
      }
    }
    for (const [i, run] of runs.entries()) run.peakRssMiB = round2(services[i].peakRssMiB());
    return runs;
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
}

/**
 * The hub as shipped, response cache on, each shape asked with one set of variables over and over
 * (the first its generator draws): after the warm-up's first request, every answer is a hit.
 */
async function measureCached(spec: GatewaySpec, pools: BenchPools, shapes: readonly Shape[], load: LoadOptions, seed: number, nodeArgs: string[]): Promise<Record<string, Figures>> {
  const service = await startService(spec.name, spec.entry, spec.env, spec.url, spec.probeHeaders, nodeArgs);
  try {
    const figures: Record<string, Figures> = {};
    for (const shape of shapes) {
      const body = JSON.stringify({ query: shape.query(), variables: shape.variables(seededRandom(seed), pools) });
      figures[shape.id] = await httpLoad(spec.url, {}, () => body, { ...load, warmupSeconds: Math.max(load.warmupSeconds, 0.2) });
    }
    return figures;
  } finally {
    await service.stop();
  }
}

/**
 * A figure measured after its warm-up (`measure` run for the warm-up's seconds first), with the
 * CPU each of `sources` spent in the measured seconds only, per request answered in them.
 */
async function withCpu<F extends Figures>(sources: readonly CpuSource[], load: LoadOptions, measure: (options: LoadOptions) => Promise<F>): Promise<F & { cpu: CpuShare }> {
  if (load.warmupSeconds > 0) await measure({ ...load, seconds: load.warmupSeconds, warmupSeconds: 0 });
  const meter = new CpuMeter(sources);
  const figures = await meter.over(() => measure({ ...load, warmupSeconds: 0 }));
  return { ...figures, cpu: meter.perRequest(figures.requests) };
}

/** Rounds of one figure as one: the rate over all of them, medians of the percentiles, totals of requests and errors. */
function mergeRounds(rounds: readonly Figures[]): Figures {
  const seconds = rounds.reduce((sum, f) => sum + f.seconds, 0);
  const answered = rounds.filter((f) => f.requests > 0);
  const requests = rounds.reduce((sum, f) => sum + f.requests, 0);
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
  };
  return {
    requests,
    rps: requests / seconds,
    p50: median(answered.map((f) => f.p50)),
    p99: median(answered.map((f) => f.p99)),
    mean: requests ? round2(rounds.reduce((sum, f) => sum + f.mean * f.requests, 0) / requests) : NaN,
    errors: rounds.reduce((sum, f) => sum + f.errors, 0),
    seconds,
  };
}

/**
 * The subgraph requests behind a shape, sent straight to the subgraphs: a shape answered by one
 * request is loaded like the gateways are (fresh variables each time); one needing several is the
 * recorded plans replayed, stage by stage, the requests of a stage at once.
 */
async function measureDirect(
  shape: Shape,
  capture: CaptureReport,
  subgraphs: Service[],
  secrets: BenchSecrets,
  pools: BenchPools,
  load: LoadOptions,
  seed: number,
  sources: readonly CpuSource[],
): Promise<Figures & { method: string; cpu: CpuShare }> {
  const samples = capture.samples[shape.id];
  const urlOf = (name: string) => subgraphs.find((s) => s.name === name)!.url;
  const headers = { 'content-type': 'application/json', [SUBGRAPH_SECRET_HEADER]: secrets.subgraphSecret };
  const single = samples.every((s) => s.stages.length === 1 && s.stages[0].length === 1);
  if (single) {
    const template = JSON.parse(samples[0].stages[0][0].body) as { query: string; operationName?: string };
    const random = seededRandom(seed);
    const body = () => JSON.stringify({ ...template, variables: shape.variables(random, pools) });
    const figures = await withCpu(sources, load, (o) => httpLoad(urlOf(samples[0].stages[0][0].subgraph), headers, body, o));
    return { ...figures, method: 'the one subgraph request, fresh variables each time' };
  }
  const replay = async (i: number) => {
    const sample = samples[i % samples.length];
    for (const stage of sample.stages) {
      await Promise.all(
        stage.map(async (f) => {
          const res = await fetch(urlOf(f.subgraph), { method: 'POST', headers, body: f.body });
          const text = await res.text();
          if (!res.ok || text.includes('"errors"')) throw new Error(`${f.subgraph}: ${res.status}`);
        }),
      );
    }
  };
  const figures = await withCpu(sources, load, (o) => loopLoad(replay, o));
  return { ...figures, method: `${samples.length} recorded plans replayed, stage by stage` };
}

/** The SQL the subgraphs ran for each recorded request, replayed through pg: per stage, each subgraph request's statements in order, the requests of a stage at once. */
async function replaySql(pool: Pool, samples: readonly Captured[], load: LoadOptions): Promise<Figures> {
  return loopLoad(async (i) => {
    const sample = samples[i % samples.length];
    for (const stage of sample.stages) {
      await Promise.all(
        stage.map(async (f) => {
          for (const statement of f.statements) await pool.query(statement.sql, statement.parameters as unknown[]);
        }),
      );
    }
  }, load);
}

/** City ids to ask for, and `cities` cursors with at least 100 cities after each. */
async function readPools(url: string): Promise<BenchPools> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const ids = await pool.query<{ id: string }>('SELECT id FROM membership.cities ORDER BY id');
    const keys = await pool.query<{ name: string; id: string }>(
      `SELECT name, id FROM (SELECT name, id, row_number() OVER (ORDER BY name ${collate(DEFAULT_ORDER_LOCALE)}, id) AS n, count(*) OVER () AS total FROM membership.cities) c
        WHERE n % 3 = 0 AND total - n >= 100 ORDER BY n`,
    );
    // Cursors of the order a request without Accept-Language gets, as the hub hands them out.
    return { cityIds: ids.rows.map((r) => r.id), cityCursors: keys.rows.map((r) => encodeCursor(nameCursorKey(DEFAULT_ORDER_LOCALE, r.name, r.id))) };
  } finally {
    await pool.end();
  }
}

function averageFetches(samples: readonly Captured[]): { requests: number; stages: number } {
  const n = samples.length || 1;
  return {
    requests: round2(samples.reduce((sum, s) => sum + s.stages.flat().length, 0) / n),
    stages: round2(samples.reduce((sum, s) => sum + s.stages.length, 0) / n),
  };
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
