import { sha256Hex } from './ids.ts';

export interface Shard {
  index: number;
  count: number;
}

/** "i/N" (0-based i) -> a shard; throws on anything else. */
export function parseShard(spec: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) throw new Error(`SHARD must be i/N with 0 <= i < N, got "${spec}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** Which shard an article belongs to: a hash of its id, so shards are stable and balanced. */
export function shardOf(docId: string, count: number): number {
  return parseInt(sha256Hex(docId).slice(0, 8), 16) % count;
}

export const shardTag = (s: Shard) => `${s.index}-of-${s.count}`;
