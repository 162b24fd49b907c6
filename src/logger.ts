import pino from 'pino';

/** Structured logs; anything that could hold a key is redacted before it is written. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'apiKey', '*.apiKey'], censor: '[redacted]' },
    },
    destination ?? pino.destination(1),
  );
}

export type Logger = ReturnType<typeof createLogger>;
