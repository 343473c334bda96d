// npm run bench:import: the import's streaming reader on a generated 100 MB export
// (issue #8), against the baseline of JSON.parse on the whole text. Prints
// `name: value unit` lines. Pure Node: the reader is the same code the options page runs.
import { eventProblem } from '../lib/export-format';
import { ExportScanner } from '../lib/transfer-scan';

const TARGET = 100 * 1024 * 1024;
const CHUNK = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function* chunks(): Generator<string> {
  yield '{"format":"pacer-export","version":1,"exportedAt":"2026-11-27T12:00:00.000Z","rep":{"name":"Bench","email":"b@example.com"},"events":[';
  let produced = 0;
  let i = 0;
  while (produced < TARGET) {
    const parts: string[] = [];
    let size = 0;
    while (size < CHUNK) {
      const row = `${i ? ',' : ''}{"id":"evt-${i}","type":"call","at":"2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z","site":"salesforce","url":"https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000Gq7TZAAZ/view","person":{"name":"Dana Park","crmId":"salesforce:003"},"deal":{"id":"salesforce:006","name":"Acme renewal"},"meta":{"subject":"Call ${i} about pricing","outcome":"Connected"},"capturedAt":"2026-11-27T10:00:00.000Z"}`;
      parts.push(row);
      size += row.length;
      i++;
    }
    const chunk = parts.join('');
    produced += chunk.length;
    yield chunk;
  }
  yield '],"deals":[]}';
}

gc();
let base = process.memoryUsage().heapUsed;
let peak = 0;
let rows = 0;
let bytes = 0;
let started = performance.now();
const scanner = new ExportScanner();
for (const chunk of chunks()) {
  bytes += chunk.length;
  for (const r of scanner.push(chunk)) {
    rows++;
    if (eventProblem(JSON.parse(r.text!))) throw new Error('invalid row');
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed - base);
}
scanner.finish();
const streamMs = performance.now() - started;
console.log(`import_stream_100mb: ${streamMs.toFixed(0)} ms`);
console.log(`import_stream_rows: ${rows} rows`);
console.log(`import_stream_throughput: ${(bytes / 1024 / 1024 / (streamMs / 1000)).toFixed(1)} MB/s`);
console.log(`import_stream_peak_heap: ${(peak / 1024 / 1024).toFixed(1)} MB`);

// Baseline: what the old import did (the whole file as one string, then JSON.parse, then validate).
gc();
base = process.memoryUsage().heapUsed;
started = performance.now();
const whole = [...chunks()].join('');
const parsed = JSON.parse(whole) as { events: unknown[] };
for (const e of parsed.events) if (eventProblem(e)) throw new Error('invalid row');
const wholeMs = performance.now() - started;
const wholeHeap = process.memoryUsage().heapUsed - base;
console.log(`import_whole_parse_100mb: ${wholeMs.toFixed(0)} ms`);
console.log(`import_whole_parse_heap: ${(wholeHeap / 1024 / 1024).toFixed(1)} MB`);
console.log(`import_stream_vs_whole_time: ${(streamMs / wholeMs).toFixed(2)} x`);
console.log(`import_stream_vs_whole_heap: ${(peak / wholeHeap).toFixed(3)} x`);
