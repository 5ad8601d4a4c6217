// Entry point of worker threads: Node does not pass the main thread's TypeScript loader
// (tsx) to workers, so each worker registers it before importing its .ts module.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
