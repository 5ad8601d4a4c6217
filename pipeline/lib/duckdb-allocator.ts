// Imported before @duckdb/node-api (see duckdb.ts): DuckDB's allocator (jemalloc, on Linux) reads
// its configuration when the library loads. By default it keeps freed pages for seconds and
// per-thread caches, so a stage that writes large row groups one after another sees its resident
// memory grow well past DuckDB's memory_limit; returning freed pages at once keeps it near the cap.
process.env.DUCKDB_JE_MALLOC_CONF ??= 'dirty_decay_ms:0,muzzy_decay_ms:0';
export {};
