/**
 * The relation ids parents keep for their readers (`official.meetingIds`,
 * `conference.meetingIds`, `organization.officialIds`…), collected while a
 * write runs and added at its end, in the same write as the parent's facts.
 */
import type { Collection, ObjectId } from 'mongodb';
import type { WriteScope } from './scope';
import { changeRelationIds, type Keyed, type RelationChange, type UpsertResult } from './upsert';

interface Pending {
  collection: Collection<Keyed>;
  id: ObjectId;
  relations: Record<string, RelationChange>;
}

export class RelationLinks {
  private readonly pending = new Map<string, Pending>();

  add<T extends Keyed>(collection: Collection<T>, parentId: ObjectId | null | undefined, field: keyof T & string, childId: ObjectId): void {
    if (parentId) this.change(collection, parentId, field).add.push(childId);
  }

  private change<T extends Keyed>(collection: Collection<T>, parentId: ObjectId, field: string): RelationChange {
    const entry = `${collection.collectionName}:${parentId.toHexString()}`;
    const pending = this.pending.get(entry) ?? { collection: collection as unknown as Collection<Keyed>, id: parentId, relations: {} };
    this.pending.set(entry, pending);
    return (pending.relations[field] ??= { add: [], remove: [] });
  }

  /** Stages every parent's new ids, in a fixed order; returns each outcome with its collection's name. */
  async write(scope: WriteScope, now: Date): Promise<Array<{ collection: string; result: UpsertResult<Keyed> }>> {
    const out = [];
    const ordered = [...this.pending.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, pending]) => pending);
    for (const pending of ordered) {
      const result = await changeRelationIds(pending.collection, scope, pending.id, pending.relations, now);
      out.push({ collection: pending.collection.collectionName, result });
    }
    this.pending.clear();
    return out;
  }
}
