/**
 * Where a request's time goes, from a V8 CPU profile (node:inspector's Profiler) of
 * the service process: each sample's self time is charged to the layer whose
 * code was on top of the stack, told apart by the script's path. Idle samples
 * are time the process waited on sockets: at concurrency 1 that is the
 * database answering (plus the load generator's own turn-around).
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export type Layer =
  | 'waiting (idle: database and client round trips)'
  | 'graphql-js (parse, validate, execute)'
  | 'Apollo Server, Express, HTTP'
  | 'resolvers, loaders, services (src/)'
  | 'DataLoader'
  | 'mongodb driver and BSON'
  | 'Node.js internals (net, streams, timers)'
  | 'garbage collection'
  | 'other (V8 program, tsx)';

export function layerOf(frame: ProfileNode['callFrame']): Layer {
  const url = frame.url;
  if (frame.functionName === '(idle)') return 'waiting (idle: database and client round trips)';
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (/node_modules\/graphql\//.test(url)) return 'graphql-js (parse, validate, execute)';
  if (/node_modules\/(@apollo|express|body-parser|router|@as-integrations|raw-body|negotiator|finalhandler|send|qs|iconv-lite|type-is|content-type|on-finished|accepts|cors)\//.test(url)) {
    return 'Apollo Server, Express, HTTP';
  }
  if (/node_modules\/dataloader\//.test(url)) return 'DataLoader';
  if (/node_modules\/(mongodb|bson|mongodb-connection-string-url)\//.test(url)) return 'mongodb driver and BSON';
  if (/\/(src|bench)\//.test(url) && !url.includes('node_modules')) return 'resolvers, loaders, services (src/)';
  // Native bindings have no script: socket writes (writev, writeBuffer), stream dispatch.
  if (url.startsWith('node:') || (url === '' && !frame.functionName.startsWith('('))) return 'Node.js internals (net, streams, timers)';
  return 'other (V8 program, tsx)';
}

export interface ProfileSummary {
  totalMs: number;
  layers: Array<{ layer: Layer; ms: number; share: number }>;
  topFunctions: Array<{ name: string; layer: Layer; ms: number }>;
}

export function summarizeProfile(file: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byLayer = new Map<Layer, number>();
  const byFunction = new Map<string, { layer: Layer; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)!.callFrame;
    const layer = layerOf(frame);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}`.trim();
    const entry = byFunction.get(name) ?? { layer, us: 0 };
    entry.us += us;
    byFunction.set(name, entry);
    total += us;
  }
  return {
    totalMs: total / 1000,
    layers: [...byLayer.entries()]
      .map(([layer, us]) => ({ layer, ms: us / 1000, share: us / total }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...byFunction.entries()]
      .filter(([, entry]) => entry.layer !== 'waiting (idle: database and client round trips)')
      .map(([name, entry]) => ({ name, layer: entry.layer, ms: entry.us / 1000 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12),
  };
}
