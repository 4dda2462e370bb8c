export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __nscHubTestPostgres?: { stop(): Promise<void> } }).__nscHubTestPostgres;
  await server?.stop();
}
