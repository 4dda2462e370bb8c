import { readdirSync } from 'node:fs';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { Service } from 'kubernetes-models/v1';
import { envNameOf } from '@nsc-hub/shared';
import { K8S_DIR, readKubernetesManifests, type Manifest } from '../helpers/deployFiles';
import { hubServices, MIGRATE_JOB } from '../helpers/hubServices';

/**
 * docker/k8s, checked without a cluster: every manifest valid by the Kubernetes API's own schemas
 * (kubernetes-models), and saying what the code needs: a Deployment and a Service per service with
 * its command, ports and probes on /healthz and /readyz, secrets from a Secret, the supergraph from
 * a ConfigMap mounted so that its updates reach the gateway, the migration Job, and an autoscaler.
 */
const MODELS: Record<string, { new (data: never): { validate(): void } }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};
const SECRET_VARIABLES = /^(JWT_SECRET|SUBGRAPH_SECRET|[A-Z_]+_DATABASE_URL)$/;

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are plain parsed YAML, validated above */
const manifests = readKubernetesManifests().map((m) => m.manifest);
const find = (kind: string, name: string): Manifest => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in docker/k8s`);
  return found;
};
const containerOf = (workload: Manifest) => workload.spec.template.spec.containers[0];
const envOf = (container: any): Record<string, any> => Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e]));
const validationErrors = (manifest: Manifest): string | undefined => {
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) return `${manifest.apiVersion} ${manifest.kind} is not a kind these tests know`;
  try {
    new Model(manifest as never).validate();
    return undefined;
  } catch (error) {
    return String(error);
  }
};

describe('docker/k8s', () => {
  const services = hubServices();

  it('lists every manifest of the folder in its kustomization, each valid by the Kubernetes schemas', () => {
    const files = readdirSync(K8S_DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...new Set(readKubernetesManifests().map((m) => m.file))].sort()).toEqual(files.sort());
    expect(manifests.map((m) => [m.kind, m.metadata.name, validationErrors(m)]).filter(([, , error]) => error)).toEqual([]);
    // The schemas do bite: an environment value must be a string.
    const broken = structuredClone(find('Deployment', 'gateway'));
    containerOf(broken).env.push({ name: 'GATEWAY_PORT', value: 4000 });
    expect(validationErrors(broken)).toMatch(/must be string/);
  });

  it('runs every service from the image with its entry point, ports, and probes on /healthz and /readyz', () => {
    for (const { name, entry, port, metricsPort } of services) {
      const deployment = find('Deployment', name);
      const container = containerOf(deployment);
      expect(deployment.spec.selector.matchLabels).toEqual(expect.objectContaining(deployment.spec.template.metadata.labels));
      expect({ name, image: container.image, args: container.args, command: container.command }).toEqual({ name, image: 'nsc-hub:latest', args: [entry], command: undefined });
      expect(container.ports).toEqual([
        { name: 'graphql', containerPort: port },
        { name: 'metrics', containerPort: metricsPort },
      ]);
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'graphql' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'graphql' });
      expect(container.startupProbe.httpGet).toEqual({ path: '/healthz', port: 'graphql' });
      expect(deployment.spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(metricsPort) });
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      // tsx writes its compiled files under /tmp, which a read-only root file system must give it.
      if (container.securityContext?.readOnlyRootFilesystem) expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });

      const service = find('Service', name);
      expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
      expect(service.spec.ports).toContainEqual({ name: 'graphql', port, targetPort: 'graphql' });
    }
  });

  it('gives every service what it needs, listening beyond loopback, secrets from the Secret', () => {
    for (const { name, requiredEnv } of services) {
      const env = envOf(containerOf(find('Deployment', name)));
      expect(Object.keys(env)).toEqual(expect.arrayContaining([...requiredEnv, 'JWT_SECRET', 'SUBGRAPH_SECRET', 'NODE_ENV', 'METRICS_HOST']));
      expect(env[name === 'gateway' ? 'GATEWAY_HOST' : 'SUBGRAPH_HOST'].value).toBe('0.0.0.0');
      for (const [variable, entry] of Object.entries(env).filter(([v]) => SECRET_VARIABLES.test(v))) {
        expect({ variable, value: entry.value, secret: entry.valueFrom?.secretKeyRef?.name }).toEqual({ variable, value: undefined, secret: 'nsc-hub-secrets' });
      }
      // Peers are called at their Service's name and port.
      for (const variable of requiredEnv.filter((v) => v.endsWith('_URL') && !v.endsWith('_DATABASE_URL'))) {
        const target = services.find((s) => `${envNameOf(s.name)}_URL` === variable)!;
        expect(env[variable].value).toBe(`http://${target.name}:${target.port}/graphql`);
        expect(find('Service', target.name).spec.ports).toContainEqual(expect.objectContaining({ port: target.port }));
      }
    }
    const gatewayEnv = envOf(containerOf(find('Deployment', 'gateway')));
    const redis = new URL(gatewayEnv.REDIS_URL.value);
    expect(find('Service', redis.hostname).spec.ports).toContainEqual(expect.objectContaining({ port: Number(redis.port) }));
  });

  it('serves the supergraph from a ConfigMap mounted so that its updates reach the running gateway', () => {
    const deployment = find('Deployment', 'gateway');
    const container = containerOf(deployment);
    const supergraphPath: string = envOf(container).SUPERGRAPH_PATH.value;
    const mount = container.volumeMounts.find((m: any) => supergraphPath.startsWith(`${m.mountPath}/`));
    expect(mount).toBeDefined();
    // A subPath mount is a copy made at start: the kubelet's updates never reach it.
    expect(mount.subPath).toBeUndefined();
    const volume = deployment.spec.template.spec.volumes.find((v: any) => v.name === mount.name);
    expect(volume.configMap.name).toBe('nsc-hub-supergraph');
    const item = volume.configMap.items.find((i: any) => `${mount.mountPath}/${i.path}` === supergraphPath);
    expect(item).toEqual({ key: 'supergraph.graphql', path: 'supergraph.graphql' });
  });

  it('migrates and seeds with a Job, and scales the gateway by its CPU', () => {
    const container = containerOf(find('Job', 'migrate'));
    expect(container.args).toEqual([MIGRATE_JOB.entry, ...MIGRATE_JOB.args]);
    expect(Object.keys(envOf(container))).toEqual(expect.arrayContaining(MIGRATE_JOB.requiredEnv()));
    expect(find('Job', 'migrate').spec.template.spec.restartPolicy).toBe('OnFailure');

    const hpa = find('HorizontalPodAutoscaler', 'gateway');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'gateway' });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.metrics).toContainEqual({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } });
    // Utilisation is measured against the container's request: without one the autoscaler cannot act.
    expect(containerOf(find('Deployment', 'gateway')).resources.requests.cpu).toBeDefined();
    // The autoscaler owns the gateway's replica count.
    expect(find('Deployment', 'gateway').spec.replicas).toBeUndefined();
  });
});
