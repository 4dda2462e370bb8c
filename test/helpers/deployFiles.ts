import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

export const DOCKER_DIR = path.join(__dirname, '..', '..', 'docker');
export const K8S_DIR = path.join(DOCKER_DIR, 'k8s');

/* eslint-disable @typescript-eslint/no-explicit-any -- the files are checked against their schemas by the tests, not typed here */
export type ComposeFile = { services: Record<string, any>; [key: string]: any };
export type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec: any; [key: string]: any };

/** docker/compose.yaml with its anchors and merge keys (`<<`) resolved, as Compose reads it. */
export function readCompose(): ComposeFile {
  return parse(readFileSync(path.join(DOCKER_DIR, 'compose.yaml'), 'utf8'), { merge: true }) as ComposeFile;
}

/** Every manifest of the resources docker/k8s/kustomization.yaml lists, in its order. */
export function readKubernetesManifests(): { file: string; manifest: Manifest }[] {
  const kustomization = parse(readFileSync(path.join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
  return kustomization.resources.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(K8S_DIR, file), 'utf8')).map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return { file, manifest: doc.toJS() as Manifest };
    }),
  );
}
