// Issue 19: dist/datapackage.json passes the Frictionless reference check (test/frictionless.ts),
// on the committed seeds build and on a build of the shared realdev corpus, which has more list
// values (longer lists, empty ones) than the seeds.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnsOf, loadTableSchemas } from '../pipeline/lib/schema.ts';
import { expectFrictionlessReads, readDataPackage } from './frictionless.ts';
import { make, ROOT, tempDir } from './helpers.ts';

const REALDEV = join(ROOT, '..', 'shared', 'realdev', 'raw');
// A developer's clone without shared/ beside it skips the realdev build; CI (shared/ beside its clone) must run it.
const haveRealdev = existsSync(REALDEV) || Boolean(process.env.CI);
if (!haveRealdev) console.warn(`test/datapackage.test.ts: the realdev build is skipped, ${REALDEV} is missing`);

describe('the data package passes the Frictionless reference check', () => {
  it('on the committed dist/ (the seeds build)', async () => {
    await expectFrictionlessReads(join(ROOT, 'dist'));
  });

  it.skipIf(!haveRealdev)('on a build of ../shared/realdev/raw', async () => {
    const work = tempDir('realdev');
    const dist = join(work, 'dist');
    await make({ SEEDS: REALDEV, BUILD: join(work, 'build'), DIST: dist });
    await expectFrictionlessReads(dist);
  });

  it('describes each file for v1 and v2 readers, and each list column by its JSON Schema', () => {
    interface Field { name: string; type: string; constraints: { jsonSchema?: object } }
    interface Resource { name: string; path: string; format: string; profile?: string; type?: string; schema?: { fields: Field[] } }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'dist', 'datapackage.json'), 'utf8')) as { $schema: string; profile: string; resources: Resource[] };
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(pkg.profile).toBe('data-package');
    for (const r of pkg.resources) {
      const table = r.format === 'csv';
      expect([r.name, r.profile, r.type]).toEqual([r.name, table ? 'tabular-data-resource' : undefined, table ? 'table' : undefined]);
    }
    expect(pkg.resources.map((r) => r.path)).toContain('dataset.duckdb');
    for (const [table, schema] of loadTableSchemas()) {
      const fields = pkg.resources.find((r) => r.name === table)!.schema!.fields;
      for (const c of columnsOf(schema).filter((col) => col.type === 'array')) {
        const { description: _, ...jsonSchema } = schema.properties[c.name];
        expect(fields.find((f) => f.name === c.name), `${table}.${c.name}`).toMatchObject({ type: 'array', constraints: { jsonSchema } });
      }
    }
  });

  it('reads a list cell written as a JSON array, and not one written as items joined by ";" (before issue 19)', async () => {
    // the committed events.actors field, in a package of its own around a one-column CSV
    const committed = JSON.parse(readFileSync(join(ROOT, 'dist', 'datapackage.json'), 'utf8')) as { resources: { name: string; schema: { fields: { name: string }[] } }[] };
    const actors = committed.resources.find((r) => r.name === 'events')!.schema.fields.find((f) => f.name === 'actors');
    const dist = tempDir('list-cell');
    const schema = { fields: [{ name: 'id', type: 'string' }, actors], missingValues: [''] };
    writeFileSync(join(dist, 'datapackage.json'), JSON.stringify({ profile: 'data-package', resources: [{ name: 'events', profile: 'tabular-data-resource', path: 'events.csv', format: 'csv', schema }] }));
    writeFileSync(join(dist, 'events.csv'), 'id,actors\na,"[""RUS"",""BLR"",""WEST""]"\nb,[]\n');
    expect((await readDataPackage(dist)).tables.get('events')).toEqual([{ id: 'a', actors: ['RUS', 'BLR', 'WEST'] }, { id: 'b', actors: [] }]);
    writeFileSync(join(dist, 'events.csv'), 'id,actors\na,RUS;BLR;WEST\n');
    await expect(readDataPackage(dist)).rejects.toThrow(/resource events: .*\n.*"RUS;BLR;WEST" in column "actors" is not type "array"/);
  });
});
