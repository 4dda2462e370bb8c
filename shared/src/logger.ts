import pino, { type Logger } from 'pino';
import { getEnvStr, type Env } from './env';

export type { Logger };

export function createLogger(service: string, env: Env = process.env): Logger {
  const fallback = getEnvStr(env, 'NODE_ENV') === 'test' || env.JEST_WORKER_ID ? 'silent' : 'info';
  return pino({ name: service, level: getEnvStr(env, 'LOG_LEVEL', fallback) });
}
