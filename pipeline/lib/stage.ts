import { appendFileSync } from 'node:fs';
import { minimist } from 'zx';
import { SPILL_FOLDER, sweepTemporariesAtExit } from './io/temporaries.ts';
import { parseShard, type Shard } from './shard.ts';

/** Common command-line options of the stage scripts. */
export interface StageArgs {
  seeds: string;
  build: string;
  dist: string;
  strict: boolean;
  /** `i/N`: process only shard i of N (make SHARD=i/N), else null. */
  shard: Shard | null;
  /** Also publish Hive-partitioned Parquet (make PARTITIONED=1). */
  partitioned: boolean;
}

export function stageArgs(): StageArgs {
  const a = minimist(process.argv.slice(2), { string: ['seeds', 'build', 'dist', 'shard'], boolean: ['strict', 'partitioned'] });
  return {
    seeds: a.seeds ?? 'seeds',
    build: a.build ?? 'build',
    dist: a.dist ?? 'dist',
    strict: Boolean(a.strict) || process.env.STRICT === '1',
    shard: a.shard ? parseShard(a.shard) : null,
    partitioned: Boolean(a.partitioned) || process.env.PARTITIONED === '1',
  };
}

/**
 * Runs a stage: logs go to stderr, a thrown error is printed and exits non-zero. SIGINT and
 * SIGTERM end it at once by their default action (exit status 130 and 143 in a shell), and
 * its temporary files under BUILD and DIST, and DuckDB's spill folder, are removed after it.
 */
export function runStage(name: string, main: () => Promise<void>): void {
  const started = Date.now();
  const { build, dist } = stageArgs();
  sweepTemporariesAtExit([build, dist, SPILL_FOLDER]);
  main().then(
    () => {
      const seconds = (Date.now() - started) / 1000;
      console.error(`${name}: done in ${seconds.toFixed(1)} s`);
      // the benchmark collects each stage's time and peak memory (worker threads included)
      const metrics = process.env.STAGE_METRICS;
      if (metrics) appendFileSync(metrics, JSON.stringify({ stage: name, seconds, max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
    },
    (err: unknown) => {
      console.error(`${name}: FAILED: ${err instanceof Error ? err.message : String(err)}`);
      // exit now: worker threads or open handles must not keep a failed stage alive
      process.exit(1);
    },
  );
}
