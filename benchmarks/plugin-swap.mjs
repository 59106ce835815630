// Swaps a plugin's files between two versions and times, for each swap, how long until `engines` reports the new
// version serving. Usage: node plugin-swap.mjs <graphql-url> <plugin-folder> <v1-dir> <v2-dir> <runs>
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [url, folder, v1, v2, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 5);

async function servingVersion() {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.KUROBE_API_KEY}` },
    body: JSON.stringify({ query: '{ engines { kind profile version status } }' }),
  });
  const { data } = await response.json();
  return data.engines.find((e) => e.kind === 'VISUALIZATION' && e.profile === 'default')?.version ?? null;
}

function install(from) {
  for (const file of readdirSync(folder)) rmSync(join(folder, file), { recursive: true, force: true });
  cpSync(from, folder, { recursive: true });
}

async function swap(from, expected) {
  const started = performance.now();
  install(from);
  for (;;) {
    if ((await servingVersion()) === expected) return performance.now() - started;
    if (performance.now() - started > 30_000) throw new Error(`version ${expected} never served`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const times = [];
for (let i = 0; i < runs; i++) {
  times.push(await swap(v2, '2.0'));
  times.push(await swap(v1, '1.0'));
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ swaps: times.length, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times[times.length - 1] }));
