/**
 * Whether the database is known to answer, kept current in the background so
 * that requests and /readyz never wait out the driver's server selection
 * timeout (seconds) to learn that it is down.
 */
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MongoClient, TopologyDescriptionChangedEvent } from 'mongodb';
import { DatabaseUnavailableError } from '../errors';

export interface DatabaseHealth {
  /** False from the moment the database is seen to be unreachable until a ping succeeds again. */
  readonly available: boolean;
  stop(): void;
}

export interface HealthOptions {
  /** How often to ping; a kill is noticed at the latest one interval plus one timeout later. */
  intervalMs?: number;
  /**
   * A ping slower than this counts as a failure (a frozen server accepts connections but never answers).
   * Generous, because a busy two-core machine can delay an answer; a dead server is noticed at once anyway,
   * through connection errors.
   */
  timeoutMs?: number;
  onChange?: (available: boolean, reason: string) => void;
}

export function monitorDatabaseHealth(client: MongoClient, options: HealthOptions = {}): DatabaseHealth {
  const intervalMs = options.intervalMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 2000;
  let available = true;
  let pinging = false;
  let stopped = false;

  const set = (next: boolean, reason: string) => {
    if (stopped || next === available) return;
    available = next;
    options.onChange?.(next, reason);
  };

  // At most one ping outstanding: against a frozen server it may hang until the
  // socket timeout, and the flag went down when it overran `timeoutMs`.
  const ping = () => {
    if (pinging || stopped) return;
    pinging = true;
    const overrun = setTimeout(() => set(false, `no answer to ping within ${timeoutMs} ms`), timeoutMs);
    client
      .db('admin')
      .command({ ping: 1 })
      .then(
        () => set(true, 'ping answered'),
        (error: unknown) => set(false, error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        clearTimeout(overrun);
        pinging = false;
      });
  };

  // The driver notices a dead server as soon as an operation's connection breaks,
  // sooner than our next ping. It also drops a server when a connection left over
  // from before a database restart breaks; the ping sent at once tells the two apart.
  const onTopology = (event: TopologyDescriptionChangedEvent) => {
    if (event.newDescription.hasDataBearingServers) return;
    set(false, 'the driver lost every server');
    ping();
  };
  client.on('topologyDescriptionChanged', onTopology);

  const interval = setInterval(ping, intervalMs);
  interval.unref();

  return {
    get available() {
      return available;
    },
    stop() {
      stopped = true;
      clearInterval(interval);
      client.off('topologyDescriptionChanged', onTopology);
    },
  };
}

/**
 * Answers every GraphQL operation with DATABASE_UNAVAILABLE (HTTP 503,
 * `Retry-After: 1`) at once while the database is known to be down, instead
 * of letting each one wait for a server that is not there.
 */
export function failFastWhileDatabaseDown<TContext extends object>(health: DatabaseHealth): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation() {
          if (health.available) return;
          const unavailable = new DatabaseUnavailableError(new Error('the database is known to be down'));
          throw new GraphQLError(unavailable.message, {
            extensions: { ...unavailable.extensions, http: { status: 503, headers: new Map([['retry-after', '1']]) } },
          });
        },
      };
    },
  };
}
