#!/usr/bin/env node
// Runs one GraphQL operation over WebSocket (graphql-transport-ws) with the graphql-ws client and prints every
// result as a JSON line. Usage: KUROBE_API_KEY=kb_... node subscribe.mjs WS_URL 'subscription { ... }' ['{"variable": "value"}']
// The key goes in connection_init, as connectionParams.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, query, variables] = process.argv.slice(2);
if (!url || !query) {
  console.error("usage: node subscribe.mjs ws://localhost:5000/graphql 'subscription { ... }' ['{\"variables\": 1}']");
  process.exit(2);
}

const apiKey = process.env.KUROBE_API_KEY;
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  lazy: true,
  connectionParams: apiKey ? { Authorization: `Bearer ${apiKey}` } : undefined,
});
try {
  await new Promise((resolve, reject) => {
    client.subscribe(
      { query, variables: variables ? JSON.parse(variables) : undefined },
      { next: (result) => console.log(JSON.stringify(result)), error: reject, complete: resolve },
    );
  });
} catch (error) {
  console.error(Array.isArray(error) ? JSON.stringify(error) : String(error?.reason ?? error?.message ?? error));
  process.exitCode = 1;
} finally {
  await client.dispose();
}
