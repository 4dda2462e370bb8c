import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { httpProbe } from '../../scripts/httpProbe';
import { stopChild, type ServiceSpec } from '../../scripts/supervisor';

/**
 * A one-line HTTP server answering every path (so `/healthz` and `/readyz`) with 200. While the
 * file `crashMarker` exists, a new instance exits at once with code 3 instead: a service that
 * keeps crashing, until the marker is removed.
 */
const SCRIPT = `
const [port, crashMarker] = process.argv.slice(1);
if (require('node:fs').existsSync(crashMarker)) process.exit(3);
require('node:http').createServer((req, res) => res.end('ok')).listen(Number(port), '127.0.0.1');
`;

export function tinyService(name: string, port: number, crashMarker: string): ServiceSpec {
  return {
    name,
    launch: async () => spawn(process.execPath, ['-e', SCRIPT, String(port), crashMarker], { stdio: 'ignore' }),
    probe: (kind, timeoutMs) => httpProbe(`http://127.0.0.1:${port}/${kind === 'live' ? 'healthz' : 'readyz'}`, timeoutMs),
    stop: (child) => stopChild(child),
  };
}

export interface LogLine {
  level: number;
  time: number;
  msg: string;
  service?: string;
  pid?: number;
  restarts?: number;
  delayMs?: number;
}

/** A pino logger that keeps its lines in memory, parsed, for a test to read. */
export function memoryLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}
