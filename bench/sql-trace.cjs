/**
 * Preloaded into a benchmark's traced API process (`node -r bench/sql-trace.cjs dist/apps/api/main.js`):
 * appends every statement the API sends through `pg`, with its parameters and when it started and
 * ended, as one JSON line to SQL_TRACE_FILE. The benchmark replays exactly these statements as its
 * "direct SQL" floor, so the API needs no hook of its own and exports no SQL for it.
 */
const { appendFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');

const file = process.env.SQL_TRACE_FILE;
if (!file) throw new Error('sql-trace.cjs needs SQL_TRACE_FILE');

const query = Client.prototype.query;
Client.prototype.query = function traced(config, values, callback) {
  const text = typeof config === 'string' ? config : config && config.text;
  const start = performance.now();
  const result = query.call(this, config, values, callback);
  if (typeof text !== 'string' || !result || typeof result.then !== 'function') return result;
  const record = () =>
    appendFileSync(file, `${JSON.stringify({ text, values: Array.isArray(values) ? values : [], start, end: performance.now() })}\n`);
  result.then(record, record);
  return result;
};
