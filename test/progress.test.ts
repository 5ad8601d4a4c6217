import { describe, expect, it } from 'vitest';
import { renderProgress } from '../pipeline/lib/progress.ts';

describe('renderProgress', () => {
  it('shows documents and MB/s when the size of the whole is unknown', () => {
    expect(renderProgress({ stage: 'link', done: 120, bytes: 3e6, seconds: 2 })).toBe('link: 120 docs, 1.5 MB/s');
  });

  it('draws a bar and an ETA from the document count', () => {
    expect(renderProgress({ stage: 'clean', done: 25, total: 100, bytes: 1e6, seconds: 10 })).toBe('clean [######..................] 25/100 docs, 0.1 MB/s, 25 %, ETA 30 s');
  });

  it('follows the bytes read when the input size is known but not the document count', () => {
    expect(renderProgress({ stage: 'extract', done: 40, bytes: 5e6, totalBytes: 10e6, seconds: 20 })).toBe('extract [############............] 40 docs, 0.3 MB/s, 50 %, ETA 20 s');
  });

  it('never draws past the end when the count overshoots the estimate', () => {
    expect(renderProgress({ stage: 'extract', done: 41, bytes: 11e6, totalBytes: 10e6, seconds: 20 })).toContain(`[${'#'.repeat(24)}] 41 docs, 0.6 MB/s, 100 %, ETA 0 s`);
  });

  it('has no bar before the first document', () => {
    expect(renderProgress({ stage: 'extract', done: 0, bytes: 0, totalBytes: 10e6, seconds: 0 })).toBe('extract: 0 docs, 0.0 MB/s');
  });
});
