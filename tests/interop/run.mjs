#!/usr/bin/env node
// Interop checks against a running Kurobe server, with third-party clients only:
//   - the GraphQL-over-HTTP audit suite shipped in `graphql-http` (every MUST and SHOULD must pass);
//   - the reference graphql-transport-ws client `graphql-ws` (createClient), unchanged.
// Usage: KUROBE_API_KEY=kb_... node run.mjs http://127.0.0.1:5000/graphql
// The key (the server's bootstrap key, for example) is sent with every HTTP request and in every connection_init.
// Prints one line per check and ends with "N passed, M failed"; exits 1 when anything failed.
import { serverAudits } from 'graphql-http';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.argv[2];
if (!url) {
  console.error('usage: node run.mjs HTTP_URL');
  process.exit(2);
}
const wsUrl = url.replace(/^http/, 'ws');
const apiKey = process.env.KUROBE_API_KEY;
if (!apiKey) {
  console.error('set KUROBE_API_KEY to an API key of the server');
  process.exit(2);
}

// Every request carries the key, whatever the caller (the audit suite included) sets.
function authFetch(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${apiKey}`);
  return fetch(input, { ...init, headers });
}
const results = [];

function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${ok || !detail ? '' : `\n        ${detail}`}`);
}

async function check(name, fn) {
  try {
    await fn();
    record(name, true);
  } catch (error) {
    record(name, false, error?.stack ?? String(error));
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- GraphQL over HTTP: the graphql-http audit suite -------------------------------------------
for (const audit of serverAudits({ url, fetchFn: (input, init) => authFetch(input, { ...init, signal: AbortSignal.timeout(15000) }) })) {
  const result = await audit.fn().catch((error) => ({ status: 'error', reason: String(error) }));
  const level = audit.name.split(' ')[0];
  // MAY audits are optional in the spec; Kurobe passes them too, and a regression should be visible.
  record(`graphql-http ${audit.id} ${audit.name}`, result.status === 'ok', `${level}: ${result.reason}`);
}

// ---- graphql-transport-ws with the graphql-ws client -------------------------------------------
function client(options = {}) {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    connectionParams: { Authorization: `Bearer ${apiKey}` },
    ...options,
  });
}

function collect(c, payload, { limit } = {}) {
  return new Promise((resolve, reject) => {
    const messages = [];
    let unsubscribe = () => {};
    unsubscribe = c.subscribe(payload, {
      next: (message) => {
        messages.push(message);
        if (limit && messages.length >= limit) {
          unsubscribe();
          resolve({ messages, completedBy: 'client' });
        }
      },
      error: (error) => reject(error),
      complete: () => resolve({ messages, completedBy: 'server' }),
    });
  });
}

async function graphql(query, variables) {
  const response = await authFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

async function runningQueries() {
  const body = await graphql('{ runningQueries { id sql rowsRead } }');
  return body.data.runningQueries;
}

async function eventually(predicate, what, timeoutMs = 5000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}

await check('graphql-ws: a query over the socket answers with next then complete', async () => {
  const c = client();
  try {
    const { messages, completedBy } = await collect(c, { query: '{ dataSources { name isDefault } }' });
    assert(completedBy === 'server', 'server should complete');
    assert(messages.length === 1, `expected one next, got ${messages.length}`);
    assert(messages[0].data.dataSources.some((s) => s.name === 'demo'), 'demo source listed');
  } finally {
    await c.dispose();
  }
});

await check('graphql-ws: a mutation over the socket answers with next then complete', async () => {
  const c = client();
  try {
    const { messages } = await collect(c, {
      query: 'mutation($id: ID!) { cancelQuery(queryId: $id) { cancelled } }',
      variables: { id: '00000000-0000-4000-8000-000000000000' },
    });
    assert(messages.length === 1 && messages[0].data.cancelQuery.cancelled === false, JSON.stringify(messages));
  } finally {
    await c.dispose();
  }
});

await check('graphql-ws: queryStream streams 1,000,000 rows, columns first, done and rowCount last', async () => {
  const c = client();
  try {
    const { messages, completedBy } = await collect(c, {
      query: 'subscription { queryStream(input: {sql: "select range as n, range * 2 as twice from range(1000000)"}) { columns { name kind } rows rowCount done } }',
    });
    assert(completedBy === 'server', 'server should complete the stream');
    const events = messages.map((m) => m.data.queryStream);
    assert(events[0].columns?.map((col) => col.name).join() === 'n,twice', 'first event carries the columns');
    assert(events.slice(1).every((e) => e.columns === null), 'later events carry no columns');
    const total = events.reduce((sum, e) => sum + e.rows.length, 0);
    assert(total === 1_000_000, `expected 1,000,000 rows, got ${total}`);
    const last = events[events.length - 1];
    assert(last.done === true && last.rowCount === 1_000_000, `last event: ${JSON.stringify({ ...last, rows: last.rows.length })}`);
    const rows = events.flatMap((e) => e.rows);
    assert(rows[999_999][0] === 999_999 && rows[999_999][1] === 1_999_998, 'rows arrive in order with their values');
  } finally {
    await c.dispose();
  }
});

await check('graphql-ws: completing a subscription early stops the query in the engine', async () => {
  const c = client();
  try {
    const { completedBy } = await collect(c, {
      query: 'subscription { queryStream(input: {sql: "select * from range(10000000000) where range % 3 = 1"}) { rows } }',
    }, { limit: 2 });
    assert(completedBy === 'client', 'client completed');
    await eventually(async () => (await runningQueries()).every((q) => !q.sql.includes('% 3 = 1')), 'the query is gone from runningQueries');
  } finally {
    await c.dispose();
  }
});

await check('graphql-ws: closing the socket stops its streams', async () => {
  const c = client();
  await collect(c, {
    query: 'subscription { queryStream(input: {sql: "select * from range(10000000000) where range % 5 = 2"}) { rows } }',
  }, { limit: 1 }).catch(() => {});
  const second = client();
  const pending = collect(second, {
    query: 'subscription { queryStream(input: {sql: "select * from range(10000000000) where range % 11 = 4"}) { rows } }',
  }).catch(() => 'closed');
  await eventually(async () => (await runningQueries()).some((q) => q.sql.includes('% 11 = 4')), 'the stream is running');
  await second.dispose();
  await pending;
  await c.dispose();
  await eventually(async () => (await runningQueries()).every((q) => !q.sql.includes('% 11 = 4')), 'the query is gone after the socket closed');
});

await check('graphql-ws: a failing query ends with an error message carrying extensions.code', async () => {
  const c = client();
  try {
    const error = await collect(c, { query: 'subscription { queryStream(input: {sql: "select * from nowhere"}) { rows } }' })
      .then(() => null, (e) => e);
    assert(Array.isArray(error), `expected GraphQL errors, got ${JSON.stringify(error)}`);
    assert(error[0].extensions?.code === 'QUERY_FAILED', JSON.stringify(error));
  } finally {
    await c.dispose();
  }
});

await check('graphql-ws: an invalid subscription ends with GRAPHQL_VALIDATION_FAILED', async () => {
  const c = client();
  try {
    const error = await collect(c, { query: 'subscription { noSuchField }' }).then(() => null, (e) => e);
    assert(Array.isArray(error) && error[0].extensions?.code === 'GRAPHQL_VALIDATION_FAILED', JSON.stringify(error));
  } finally {
    await c.dispose();
  }
});

await check('graphql-transport-ws: a client without the subprotocol is closed with 4406', async () => {
  // (A client that asks for another subprotocol fails its own handshake when none is selected, before any close code.)
  const code = await new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    socket.on('close', (closeCode) => resolve(closeCode));
    socket.on('error', reject);
  });
  assert(code === 4406, `close code ${code}`);
});

const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
