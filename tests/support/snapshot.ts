import type { Db, Document } from 'mongodb';

/** The collections an ingestion writes facts to (the read models are derived from them). */
export const factCollections = ['articles', 'officials', 'officialNames', 'organizations', 'meetings', 'conferences'];

/** Every stored fact document, sorted by id, without what records when or how often it was written. */
export async function storedFacts(db: Db): Promise<Record<string, Document[]>> {
  const out: Record<string, Document[]> = {};
  for (const collection of factCollections) {
    const docs = await db.collection(collection).find({}).toArray();
    out[collection] = docs
      .map(({ createdAt: _c, updatedAt: _u, version: _v, ...rest }) => JSON.parse(JSON.stringify(rest)) as Document)
      .sort((a, b) => String(a._id).localeCompare(String(b._id)));
  }
  return out;
}
