/**
 * The database commands an action sends, grouped by loader batch: the
 * commands of one batch (sent together) carry one comment (src/models/backend.ts);
 * any other command is a batch of its own. Each entry is `find` or, for a
 * point read by `_id`, `find _id`.
 */
import type { CommandStartedEvent } from 'mongodb';
import type { TestServer } from './harness';

export async function loaderBatches<T>(server: TestServer, action: () => Promise<T>): Promise<{ result: T; batches: string[][]; pointReads: string[] }> {
  const groups = new Map<string, string[]>();
  const pointReads: string[] = [];
  const stopListening = server.database.onCommand((event: CommandStartedEvent) => {
    const filter = event.command.filter as Record<string, unknown> | undefined;
    const point = event.commandName === 'find' && filter && Object.keys(filter).length === 1 && filter._id != null && !(filter._id as { $in?: unknown }).$in;
    if (point) pointReads.push(`${String(event.command.find)}:${String(filter._id)}`);
    const batch = typeof event.command.comment === 'string' ? event.command.comment : `command ${event.requestId}`;
    groups.set(batch, [...(groups.get(batch) ?? []), point ? 'find _id' : event.commandName]);
  });
  try {
    return { result: await action(), batches: [...groups.values()], pointReads };
  } finally {
    stopListening();
  }
}
