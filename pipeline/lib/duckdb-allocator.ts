// Imported before @duckdb/node-api (see duckdb.ts): DuckDB's allocator (jemalloc, on Linux) reads
// its configuration when the library loads. By default it keeps freed pages for seconds and
// per-thread caches, so a stage that writes large row groups one after another sees its resident
// memory grow well past DuckDB's memory_limit; returning freed pages at once keeps it near the cap.
// `zero:true` hands out zeroed memory: DuckDB writes some blocks of dataset.duckdb with bytes it
// never set (padding, the unused end of a segment), which otherwise held whatever the memory held
// before, so that the same tables gave a different file from one run to the next.
process.env.DUCKDB_JE_MALLOC_CONF ??= 'dirty_decay_ms:0,muzzy_decay_ms:0,zero:true';
export {};
