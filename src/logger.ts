import pino from 'pino';

/** Structured logs; anything that could hold a key is redacted before it is written. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'apiKey', '*.apiKey'], censor: '[redacted]' },
  });
}

export type Logger = ReturnType<typeof createLogger>;
