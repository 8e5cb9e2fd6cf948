/**
 * `npm run asyncapi`: regenerates docs/asyncapi.yaml and the example fixtures from the contract sources.
 * A unit test fails while either is stale, so run this after any contract change and commit the output.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { readKafkaTopology } from '../src/asyncapi/kafka-topology';
import { ASYNCAPI_FILE, renderAsyncApiYaml } from '../src/asyncapi/render-asyncapi';
import { EVENT_TYPES } from '../src/catalogue';
import { exampleEnvelope, FIXTURES_DIR, fixtureFileName } from '../src/examples/example-envelopes';

const repoRoot = resolve(__dirname, '../../..');

function writeAsyncApi(): void {
  const file = join(repoRoot, ASYNCAPI_FILE);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, renderAsyncApiYaml(readKafkaTopology(repoRoot)));
  console.log(`wrote ${ASYNCAPI_FILE}`);
}

/**
 * Writes one fixture per event type and removes the ones no longer in the catalogue, so the folder mirrors it.
 * Formatted by prettier so `npm run format` and this script never rewrite each other's output.
 */
async function writeFixtures(): Promise<void> {
  const dir = join(repoRoot, FIXTURES_DIR);
  mkdirSync(dir, { recursive: true });
  const wanted = new Set(EVENT_TYPES.map(fixtureFileName));
  for (const stale of readdirSync(dir).filter((name) => name.endsWith('.json') && !wanted.has(name))) {
    rmSync(join(dir, stale));
    console.log(`removed ${FIXTURES_DIR}/${stale}`);
  }
  for (const type of EVENT_TYPES) {
    const file = join(dir, fixtureFileName(type));
    const options = { ...(await resolveConfig(file)), filepath: file };
    writeFileSync(file, await format(JSON.stringify(exampleEnvelope(type)), options));
  }
  console.log(`wrote ${wanted.size} fixtures to ${FIXTURES_DIR}`);
}

writeAsyncApi();
writeFixtures().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
