// The committed supergraph is a contract, not an artefact of one gateway: the hub's gateway and Hive
// Gateway, each serving gateway/supergraph.graphql over the same running subgraphs, with the
// caller's token forwarded, give every case of test/contract the same HTTP status, the same data and
// errors of the same codes on the same paths, as written in the case's expected JSON, and the same
// answers as each other. Cases: every README query, nesting across all four subgraphs, two pages by
// cursor, search, errors (invalid documents and variables, invalid arguments, fields and writes a
// caller may not have, an expired token) and signed-in callers. A case may name a gateway known to
// answer otherwise (`# known difference:`): that gateway's test for it must fail until it is fixed.
//
// The expected answers are the hub's, written once from a real run and reviewed:
//   UPDATE_CONTRACT=1 npx jest test/contract
// rewrites them from the hub's answers (for a case with a known difference of the hub, Hive's),
// then checks both gateways against them as always.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startHiveGateway, type RunningHiveGateway } from '../helpers/startHiveGateway';
import { startHub, type RunningHub } from '../helpers/startHub';
import { askContractCase, type ContractAnswer } from './askContractCase';
import { ENGINES, contractCases, type ContractCase, type Engine } from './contractCases';
import { contractView } from './contractView';

const UPDATE = process.env.UPDATE_CONTRACT === '1';
const ROOT = path.resolve(__dirname, '..', '..');
const cases = contractCases();

let hub: RunningHub;
let hive: RunningHiveGateway;
const urlOf = (engine: Engine) => (engine === 'hub' ? hub.url : hive.url);

beforeAll(async () => {
  // No response cache: every answer comes from the subgraphs, as Hive's does.
  hub = await startHub({ gateway: { responseCache: { store: 'off' } } });
  hive = await startHiveGateway(Object.fromEntries(Object.entries(hub.subgraphs).map(([name, subgraph]) => [name, subgraph.url])));
  if (!UPDATE) return;
  for (const contractCase of cases) {
    const answer = await askContractCase(urlOf(contractCase.knownDifference?.engine === 'hub' ? 'hive' : 'hub'), contractCase);
    writeFileSync(contractCase.expectedPath, `${JSON.stringify(contractView(answer), null, 2)}\n`);
  }
});
afterAll(async () => {
  await hive?.stop();
  await hub?.stop();
});

function expectedAnswer(contractCase: ContractCase): ContractAnswer {
  const file = path.relative(ROOT, contractCase.expectedPath);
  if (!existsSync(contractCase.expectedPath)) throw new Error(`${file} is missing: write it with UPDATE_CONTRACT=1 npx jest test/contract, and review it`);
  return JSON.parse(readFileSync(contractCase.expectedPath, 'utf8')) as ContractAnswer;
}

/** A test, or where one of `engines` is known to answer otherwise, a test that must fail (and fails once it no longer does). */
function contractTest(contractCase: ContractCase, engines: readonly Engine[], run: () => Promise<void>): void {
  const difference = contractCase.knownDifference && engines.includes(contractCase.knownDifference.engine) ? contractCase.knownDifference : undefined;
  if (difference) test.failing(`${contractCase.name} (known difference of ${difference.engine}: ${difference.why})`, run);
  else test(contractCase.name, run);
}

describe.each([
  ["the hub's gateway", 'hub'],
  ['Hive Gateway', 'hive'],
] as const)('%s answers as the expected file says', (_name, engine) => {
  for (const contractCase of cases) {
    contractTest(contractCase, [engine], async () => {
      expect(contractView(await askContractCase(urlOf(engine), contractCase))).toEqual(expectedAnswer(contractCase));
    });
  }
});

describe('both answer alike on the same databases, generated ids and order included', () => {
  for (const contractCase of cases) {
    contractTest(contractCase, ENGINES, async () => {
      const [ofHub, ofHive] = await Promise.all(ENGINES.map((engine) => askContractCase(urlOf(engine), contractCase)));
      expect(ofHive).toEqual(ofHub);
    });
  }
});
