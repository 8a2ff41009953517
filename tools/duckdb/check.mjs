// check.mjs reads Parquet files back with DuckDB, a reader independent of the
// parquet-go writer, and compares each with what topicmill says it wrote.
//
// Usage: node tools/duckdb/check.mjs SPEC.json
//
// SPEC.json is a list of files:
//   [{"file": "out/topics.parquet",            // relative to SPEC.json's folder
//     "rows": 60,                              // row count
//     "columns": {"topic": "INTEGER", ...},    // every column, in order, with its DuckDB type
//     "compression": "ZSTD",                   // optional: codec of every column chunk
//     "metadata": {"topicmill.version": "…"}}] // optional: footer key-value pairs that must be present
//
// It prints every mismatch and exits 1, or prints "duckdb: N files OK".
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, version } from '@duckdb/node-api';

// query runs one parameterised statement and returns its rows as plain objects.
async function query(conn, sql, file) {
  const reader = await conn.runAndReadAll(sql, [file]);
  return reader.getRowObjectsJson();
}

// checkFile returns the mismatches of one spec entry (an empty list when it agrees).
async function checkFile(conn, entry, file) {
  const problems = [];
  const [{ n }] = await query(conn, 'SELECT count(*) AS n FROM read_parquet($1)', file);
  if (Number(n) !== entry.rows) {
    problems.push(`rows: got ${n}, want ${entry.rows}`);
  }

  const got = (await query(conn, 'DESCRIBE SELECT * FROM read_parquet($1)', file)).map(
    (r) => `${r.column_name} ${r.column_type}`,
  );
  const want = Object.entries(entry.columns ?? {}).map(([name, type]) => `${name} ${type}`);
  if (got.join(', ') !== want.join(', ')) {
    problems.push(`columns:\n    got  ${got.join(', ')}\n    want ${want.join(', ')}`);
  }

  if (entry.compression !== undefined) {
    const codecs = (await query(conn, 'SELECT DISTINCT compression FROM parquet_metadata($1) ORDER BY 1', file)).map(
      (r) => r.compression,
    );
    if (codecs.some((c) => c !== entry.compression)) {
      problems.push(`compression: got ${codecs.join(', ')}, want ${entry.compression}`);
    }
  }

  if (entry.metadata !== undefined) {
    const kv = new Map(
      (await query(conn, 'SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata($1)', file)).map(
        (r) => [r.key, r.value],
      ),
    );
    for (const [key, value] of Object.entries(entry.metadata)) {
      if (kv.get(key) !== value) {
        problems.push(`metadata ${key}: got ${JSON.stringify(kv.get(key))}, want ${JSON.stringify(value)}`);
      }
    }
  }
  return problems;
}

async function main() {
  const specPath = process.argv[2];
  if (!specPath) {
    console.error('usage: node check.mjs SPEC.json');
    process.exit(2);
  }
  const spec = JSON.parse(readFileSync(specPath, 'utf8'));
  if (!Array.isArray(spec) || spec.length === 0) {
    console.error(`${specPath}: want a non-empty list of files`);
    process.exit(2);
  }

  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  let failed = 0;
  try {
    for (const entry of spec) {
      const file = resolve(dirname(specPath), entry.file);
      let problems;
      try {
        problems = await checkFile(conn, entry, file);
      } catch (err) {
        problems = [`cannot read: ${err.message}`];
      }
      if (problems.length > 0) {
        failed++;
        console.error(`duckdb ${version()}: ${entry.file}: MISMATCH\n  ${problems.join('\n  ')}`);
      }
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  if (failed > 0) {
    console.error(`duckdb: ${failed} of ${spec.length} files differ`);
    process.exit(1);
  }
  console.log(`duckdb: ${spec.length} files OK`);
}

await main();
