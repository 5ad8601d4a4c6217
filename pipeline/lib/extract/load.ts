// The extractors, loaded on first use: a thread that only copies cached output never loads
// their lexicons. (This import lives here rather than in the stage script because tsx cannot
// rewrite a dynamic import in a file that starts with a #! line.)
import type { extractBatch } from './batch.ts';

export async function loadExtractBatch(): Promise<typeof extractBatch> {
  return (await import('./batch.ts')).extractBatch;
}
