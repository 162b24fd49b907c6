/**
 * Global ids: base64url of `<Type>:<ObjectId hex>`, opaque to clients and
 * stable for as long as the document lives.
 */
import { createHash } from 'node:crypto';
import { ObjectId } from 'mongodb';
import { ValidationError } from './errors';

export const nodeTypes = ['Article', 'Official', 'Meeting', 'Conference', 'Organization'] as const;
export type NodeType = (typeof nodeTypes)[number];

export function toGlobalId(type: NodeType, id: ObjectId): string {
  return Buffer.from(`${type}:${id.toHexString()}`, 'utf8').toString('base64url');
}

export interface DecodedId {
  type: NodeType;
  id: ObjectId;
}

/** Decodes any global id, or returns null when it is not one. */
export function decodeGlobalId(globalId: string): DecodedId | null {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([0-9a-f]{24})$/.exec(text);
  if (!match || !(nodeTypes as readonly string[]).includes(match[1]!)) return null;
  // Reject ids that only decode by accident (base64url ignores stray characters).
  if (Buffer.from(text, 'utf8').toString('base64url') !== globalId) return null;
  return { type: match[1] as NodeType, id: new ObjectId(match[2]) };
}

/**
 * The ObjectId inside a global id of the expected type. A string that is not
 * such an id is the caller's mistake: BAD_USER_INPUT naming the argument.
 */
export function parseGlobalId(globalId: string, expected: NodeType, argument: string): ObjectId {
  const decoded = decodeGlobalId(globalId);
  if (!decoded || decoded.type !== expected) {
    throw new ValidationError(`Expected an ${expected} id for "${argument}", but got "${globalId}".`, argument);
  }
  return decoded.id;
}

/**
 * The `_id` of a stored entity, derived from its natural key: every process and
 * every deployment gives one report's facts the same ids, so an upsert is a
 * point read and write by `_id`, and `_id` alone holds uniqueness (collections
 * stay shardable by hashed `_id`).
 */
export function idFromKey(collection: string, key: string): ObjectId {
  return new ObjectId(createHash('sha256').update(`${collection}\u0000${key}`, 'utf8').digest().subarray(0, 12));
}
