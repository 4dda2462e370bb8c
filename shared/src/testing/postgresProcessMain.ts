// The child process behind startPostgresProcess: starts an embedded PostgreSQL on the data
// directory and port given in argv (initialising the directory on first use), prints its URL as one
// line, and stops it on SIGTERM or when its parent goes away.
import { startEmbeddedPostgres } from '../db/embeddedPostgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= server.stop().finally(() => process.exit());
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The test runner died without stopping it: leave no PostgreSQL behind.
  process.on('disconnect', stop);
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
