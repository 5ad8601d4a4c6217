// make serve: serves dist/ on localhost for the page (index.html) and its SQL box.
// usage: node --import tsx scripts/serve.ts [--dist dist] [--port 8000] [--host 127.0.0.1]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minimist } from 'zx';
import { createStaticServer, listen } from '../pipeline/lib/site/static-server.ts';

const args = minimist(process.argv.slice(2), { string: ['dist', 'host', 'port'] });
const root = resolve(args.dist ?? 'dist');
if (!existsSync(resolve(root, 'index.html'))) {
  console.error(`serve: ${root}/index.html does not exist: build it first (make)`);
  process.exit(1);
}
const url = await listen(createStaticServer(root), Number(args.port ?? 8000), args.host ?? '127.0.0.1');
console.error(`serve: ${root} on ${url} (Ctrl-C stops)`);
