#!/usr/bin/env -S node --import tsx
// Stage 4, validate: every record of every table against its JSON Schema (ajv, strict,
// formats on). Any violation fails the build, naming table, record id, field and reason.
import { fs, path } from 'zx';
import { IdSet } from './lib/id-set.ts';
import { readJsonl } from './lib/io/jsonl.ts';
import { compileValidators, describeErrors, loadTableSchemas } from './lib/schema.ts';
import { runStage, stageArgs } from './lib/stage.ts';
import { tableBuildPath } from './lib/tables.ts';

runStage('validate', async () => {
  const { build } = stageArgs();
  const schemas = loadTableSchemas();
  const validators = compileValidators(schemas);
  const problems: string[] = [];
  const counts: string[] = [];
  for (const [table] of schemas) {
    const file = tableBuildPath(build, table);
    const validate = validators.get(table)!;
    const ids = new IdSet();
    let n = 0;
    for await (const record of readJsonl<Record<string, unknown>>(file)) {
      n++;
      const id = String(record.id ?? record.doc_id ?? `line ${n}`);
      if (!validate(record)) problems.push(...describeErrors(table, id, validate.errors));
      if (!ids.add(id)) problems.push(`table ${table}, record ${id}: field /id: duplicate id`);
      if (problems.length > 50) break;
    }
    counts.push(`${n} ${table}`);
  }
  if (problems.length) {
    for (const p of problems.slice(0, 50)) console.error(p);
    throw new Error(`${problems.length} schema violation(s)`);
  }
  await fs.outputFile(path.join(build, 'validate', 'ok'), counts.join('\n') + '\n');
  console.error(`validate: all records valid (${counts.join(', ')})`);
});
