/**
 * Relay connections. Cursors are opaque base64url of `[sortValue, idHex]`, so
 * a page boundary stays put when documents are added before it (keyset
 * pagination, not offsets).
 */
import { ObjectId, type Filter, type Collection, type Document, type Sort } from 'mongodb';
import { ValidationError } from './errors';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfoModel {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfoModel;
  /** Counted only when a client asks for it. */
  totalCount: () => Promise<number> | number;
}

export const maxPageSize = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

type SortValue = string | number | null;

export function validatePageSize(first: number | null | undefined, argument = 'first'): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw new ValidationError(`Expected "${argument}" between 1 and ${maxPageSize}, but got ${size}.`, argument);
  }
  return size;
}

export function encodeCursor(sortValue: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): { sortValue: SortValue; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { sortValue: parsed[0] as SortValue, id: parsed[1] };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new ValidationError(`Expected a cursor returned by this API for "${argument}", but got "${cursor}".`, argument);
}

export interface SortSpec<T> {
  /** Field (path) sorted on, then `_id` as the tie-breaker. */
  field: string;
  direction: 1 | -1;
  /** The value of `field` for a document, as stored (Dates as ISO strings in cursors). */
  valueOf: (doc: T) => SortValue | Date;
}

function cursorValue(value: SortValue | Date): SortValue {
  return value instanceof Date ? value.toISOString() : value;
}

function edgesOf<T extends { _id: ObjectId }>(docs: T[], sort: SortSpec<T>): Edge<T>[] {
  return docs.map((doc) => ({ cursor: encodeCursor(cursorValue(sort.valueOf(doc)), doc._id.toHexString()), node: doc }));
}

export function connectionOf<T>(edges: Edge<T>[], hasNextPage: boolean, hadCursor: boolean, totalCount: Connection<T>['totalCount']): Connection<T> {
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** One page of a collection query: one `find` (plus one `count` if `totalCount` is asked for). */
export async function paginateQuery<T extends Document & { _id: ObjectId }>(
  collection: Collection<T>,
  filter: Filter<T>,
  sort: SortSpec<T> & { isDate?: boolean },
  args: PageArgs,
  options: { maxTimeMS?: number } = {},
): Promise<Connection<T>> {
  const size = validatePageSize(args.first);
  let pageFilter: Filter<T> = filter;
  if (args.after) {
    const { sortValue, id } = decodeCursor(args.after);
    if (!ObjectId.isValid(id)) throw new ValidationError(`Expected a cursor returned by this API for "after", but got "${args.after}".`, 'after');
    const value = sort.isDate && typeof sortValue === 'string' ? new Date(sortValue) : sortValue;
    const beyond = sort.direction === 1 ? '$gt' : '$lt';
    const keyset = {
      $or: [{ [sort.field]: { [beyond]: value } }, { [sort.field]: value, _id: { [beyond]: new ObjectId(id) } }],
    } as Filter<T>;
    pageFilter = { $and: [filter, keyset] } as Filter<T>;
  }
  const order: Sort = { [sort.field]: sort.direction, _id: sort.direction };
  const docs = (await collection
    .find(pageFilter, { sort: order, limit: size + 1, maxTimeMS: options.maxTimeMS })
    .toArray()) as T[];
  const page = docs.slice(0, size);
  // A first page that holds every match already knows the total: no second scan for the count.
  const complete = !args.after && docs.length <= size;
  return connectionOf(edgesOf(page, sort), docs.length > size, Boolean(args.after), () =>
    complete ? page.length : collection.countDocuments(filter, { maxTimeMS: options.maxTimeMS }),
  );
}

/** One page of a list already in memory (a relation loaded in one batch), in the order given. */
export function paginateArray<T>(items: T[], idOf: (item: T) => string, args: PageArgs): Connection<T> {
  const size = validatePageSize(args.first);
  let start = 0;
  if (args.after) {
    const { id } = decodeCursor(args.after);
    const index = items.findIndex((item) => idOf(item) === id);
    if (index < 0) throw new ValidationError(`The cursor given for "after" does not belong to this list.`, 'after');
    start = index + 1;
  }
  const page = items.slice(start, start + size);
  const edges = page.map((item) => ({ cursor: encodeCursor(null, idOf(item)), node: item }));
  return connectionOf(edges, start + size < items.length, Boolean(args.after), () => items.length);
}
