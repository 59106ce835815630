#!/usr/bin/env node
// Streams a query through Kurobe's queryStream subscription with the reference graphql-ws client and reports
// throughput. Usage: node stream-client.mjs ws://127.0.0.1:5000/graphql "<sql>"
// Prints one JSON line: rows, messages, bytes, seconds (subscribe to complete), rowsPerSecond.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';

const [url, sql] = process.argv.slice(2);
if (!url || !sql) {
  console.error('usage: node stream-client.mjs WS_URL SQL');
  process.exit(2);
}

let bytes = 0;
class CountingWebSocket extends WebSocket {
  constructor(address, protocols) {
    super(address, protocols);
    this.on('message', (data) => {
      bytes += data.length;
    });
  }
}

const client = createClient({
  url,
  webSocketImpl: CountingWebSocket,
  retryAttempts: 0,
  lazy: true,
  connectionParams: { Authorization: `Bearer ${process.env.KUROBE_API_KEY}` },
});
let rows = 0;
let messages = 0;
let reportedTotal = null;
const started = performance.now();
await new Promise((resolve, reject) => {
  client.subscribe(
    { query: 'subscription($sql: String!) { queryStream(input: {sql: $sql}) { rows rowCount done } }', variables: { sql } },
    {
      next: ({ data, errors }) => {
        if (errors) reject(new Error(JSON.stringify(errors)));
        messages++;
        rows += data.queryStream.rows.length;
        if (data.queryStream.done) reportedTotal = data.queryStream.rowCount;
      },
      error: reject,
      complete: resolve,
    },
  );
});
const seconds = (performance.now() - started) / 1000;
await client.dispose();
if (reportedTotal !== rows) throw new Error(`received ${rows} rows but the server reported ${reportedTotal}`);
console.log(JSON.stringify({ rows, messages, bytes, seconds: Number(seconds.toFixed(3)), rowsPerSecond: Math.round(rows / seconds) }));
