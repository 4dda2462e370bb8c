import pino, { type Logger } from 'pino';

/** One JSON line as pino writes it: `msg`, `level` (30 info, 40 warn, 50 error) and the fields. */
export type LogLine = { readonly msg: string; readonly level: number } & Readonly<Record<string, unknown>>;

export interface CapturedLog {
  readonly log: Logger;
  /** Every line written so far, parsed. */
  readonly lines: LogLine[];
}

/** A logger whose lines a test reads back, at `level` (info by default). */
export function captureLog(level = 'info'): CapturedLog {
  const lines: LogLine[] = [];
  const log = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { log, lines };
}
