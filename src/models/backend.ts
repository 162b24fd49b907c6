/**
 * Which database answers: FerretDB or MongoDB. They need different shapes of
 * the same work — FerretDB's SQLite backend pushes only `{_id: value}` down to
 * SQL (every other filter, `$in` on `_id` included, decodes the whole
 * collection), while MongoDB answers `$in` from the `_id` index in one round
 * trip — so it is detected once per database handle, from `buildInfo`.
 */
import type { Collection, Db, Document, Filter, ObjectId } from 'mongodb';

export type Backend = 'ferretdb' | 'mongodb';

const detected = new WeakMap<Db, Promise<Backend>>();

export function backendOf(db: Db): Promise<Backend> {
  let backend = detected.get(db);
  if (!backend) {
    backend = db.command({ buildInfo: 1 }).then((info) => ('ferretdbVersion' in info ? 'ferretdb' : 'mongodb'));
    // A failed detection (database down) is retried on the next call rather than remembered.
    backend.catch(() => detected.delete(db));
    detected.set(db, backend);
  }
  return backend;
}

let batches = 0;

/**
 * The documents with these ids, in any order, the cheapest way the backend
 * allows: one `find` with `$in` on MongoDB; on FerretDB one point read per id,
 * all sent at once (one round trip's worth of waiting, each an SQL lookup).
 */
export async function findByIds<T extends Document & { _id: ObjectId | string }>(
  db: Db,
  collection: Collection<T>,
  ids: readonly T['_id'][],
  options: { maxTimeMS?: number } = {},
): Promise<T[]> {
  if (ids.length === 0) return [];
  // The commands of one batch carry one comment: database logs and profilers (and the batching test) can group them.
  batches += 1;
  const comment = `newsgraph batch ${batches}`;
  if (ids.length > 1 && (await backendOf(db)) === 'mongodb') {
    // Every match in the first reply: the default first batch (101) would add a getMore round trip.
    const findOptions = { batchSize: 100_000, maxTimeMS: options.maxTimeMS, comment };
    return (await collection.find({ _id: { $in: [...ids] } } as Filter<T>, findOptions).toArray()) as T[];
  }
  const found = await Promise.all(ids.map((id) => collection.findOne({ _id: id } as Filter<T>, { maxTimeMS: options.maxTimeMS, comment })));
  return found.filter((doc): doc is NonNullable<typeof doc> => doc != null) as T[];
}
