import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { promisify } from 'node:util';
import type { ServiceHost } from './spawnService';

const execFileAsync = promisify(execFile);

/** A host of its own: a network namespace with one address on the network, and loopback. */
export interface NamespaceHost extends ServiceHost {
  /** The namespace's name, `nsc-<run>-<host>`, as `ip netns` lists it. */
  readonly namespace: string;
}

/** Network namespaces joined by a bridge in this one, as separate machines on one LAN. */
export interface NamespaceNetwork {
  /** The network, e.g. `10.213.47.0/24`: nothing else on this machine routes to it. */
  readonly subnet: string;
  /** This namespace's address on it: how the hosts see the test itself. */
  readonly localAddress: string;
  /** Each host by the name it was made for. */
  readonly hosts: Readonly<Record<string, NamespaceHost>>;
  /** The processes running in a host's namespace now. */
  pidsOn(host: string): Promise<number[]>;
  /**
   * Kills whatever still runs in the namespaces (SIGKILL), then removes them, their links and the
   * bridge. Everything is tried even when a step fails; the failures are thrown together after.
   * Safe to call twice.
   */
  remove(): Promise<void>;
}

const ip = async (...args: string[]): Promise<string> => (await execFileAsync('ip', args)).stdout;

/**
 * Why network namespaces cannot be made here, or undefined when they can. Synchronous, so a test
 * can choose `describe.skip` when it is loaded: it tries what the network needs (a namespace, a
 * bridge) and removes it again.
 */
export function networkNamespacesUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'making network namespaces needs root';
  // Not a network's name (`nsc-<run>`), so no other run takes it for one.
  const probe = `nscp-${randomBytes(3).toString('hex')}`;
  const attempts: [string[], string[]][] = [
    [['netns', 'add', probe], ['netns', 'delete', probe]],
    [['link', 'add', probe, 'type', 'bridge'], ['link', 'delete', probe]],
  ];
  for (const [make, undo] of attempts) {
    try {
      execFileSync('ip', make, { stdio: 'pipe' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '`ip` (iproute2) is not installed';
      const stderr = String((error as { stderr?: Buffer }).stderr ?? error).trim();
      return `the kernel refuses \`ip ${make.join(' ')}\`: ${stderr}`;
    }
    execFileSync('ip', undo, { stdio: 'pipe' });
  }
  return undefined;
}

/**
 * One network namespace per name in `hostNames` (`nsc-<run>-<name>`, `<run>` random, so runs side by
 * side never collide), each with loopback up and one address on a private /24 that nothing on this
 * machine routes yet, all joined by a bridge (`nsc-<run>`) that holds this namespace's address
 * (`.1`). Whatever was made before a step failed is removed again, and so is first what runs killed
 * before their clean-up left behind.
 */
export async function createNamespaceNetwork(hostNames: readonly string[]): Promise<NamespaceNetwork> {
  await removeAbandonedNetworks();
  const run = randomBytes(3).toString('hex');
  const bridge = `nsc-${run}`;
  const prefix = await unusedSubnetPrefix();
  const hosts: Record<string, NamespaceHost> = {};
  const network: NamespaceNetwork = {
    subnet: `${prefix}.0/24`,
    localAddress: `${prefix}.1`,
    hosts,
    async pidsOn(host) {
      const namespace = hosts[host]?.namespace;
      if (!namespace) throw new Error(`no host named ${host}`);
      return pidsIn(namespace);
    },
    remove: () => removeRun(run),
  };

  try {
    await ip('link', 'add', bridge, 'type', 'bridge');
    // Who made it, so a later run can tell a network whose run was killed from one still in use.
    await ip('link', 'set', bridge, 'alias', `${OWNER}${process.pid}`);
    await ip('address', 'add', `${network.localAddress}/24`, 'dev', bridge);
    await ip('link', 'set', bridge, 'up');
    for (const [index, name] of hostNames.entries()) {
      const namespace = `nsc-${run}-${name}`;
      const address = `${prefix}.${index + 2}`;
      // Interface names are at most 15 characters: the host's end is `nsc-<run>-<index>`.
      const link = `nsc-${run}-${index}`;
      await ip('netns', 'add', namespace);
      // The other end is made inside the namespace, as its only network card, eth0.
      await ip('link', 'add', link, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', namespace);
      await ip('link', 'set', link, 'master', bridge, 'up');
      await ip('-n', namespace, 'address', 'add', `${address}/24`, 'dev', 'eth0');
      await ip('-n', namespace, 'link', 'set', 'eth0', 'up');
      // Its own loopback, up as on any machine: a service asking 127.0.0.1 finds only its own host.
      await ip('-n', namespace, 'link', 'set', 'lo', 'up');
      // A process started there dies with the test's process (`ip netns exec` and setpriv exec, so
      // the test's process is its parent): a killed run leaves nothing running.
      hosts[name] = { namespace, address, command: ['ip', 'netns', 'exec', namespace, 'setpriv', '--pdeathsig', 'SIGKILL'] };
    }
  } catch (error) {
    await network.remove().catch(() => undefined);
    throw error;
  }
  return network;
}

/** The bridge's alias: this, then the pid of the process that made the network. */
const OWNER = 'nsc-hub test network of pid ';

async function pidsIn(namespace: string): Promise<number[]> {
  return (await ip('netns', 'pids', namespace)).split('\n').filter(Boolean).map(Number);
}

/**
 * Kills whatever runs in run `run`'s namespaces, then deletes them, their links and the bridge,
 * found by name. Every step is tried even when one fails; the failures are thrown together after.
 */
async function removeRun(run: string): Promise<void> {
  const ours = (name: string) => name === `nsc-${run}` || name.startsWith(`nsc-${run}-`);
  const namespaces = (JSON.parse((await ip('-json', 'netns', 'list')) || '[]') as { name: string }[]).map((n) => n.name).filter(ours);
  // Veth ends first, the bridge last.
  const links = (JSON.parse(await ip('-json', 'link', 'show')) as { ifname: string }[])
    .map((l) => l.ifname)
    .filter(ours)
    .sort((a, b) => b.length - a.length);
  const failures: string[] = [];
  const attempt = async (step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      failures.push(String((error as { stderr?: string }).stderr || error).trim());
    }
  };
  // A namespace outlives `ip netns delete` while a process holds it: none may be left running.
  for (const namespace of namespaces) {
    await attempt(async () => {
      for (const pid of await pidsIn(namespace)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // gone already
        }
      }
    });
  }
  // Deleting either end of a veth pair deletes both, whoever still holds the namespace.
  for (const link of links) await attempt(() => ip('link', 'delete', link));
  for (const namespace of namespaces) await attempt(() => ip('netns', 'delete', namespace));
  if (failures.length) throw new Error(`removing the network namespaces of run ${run} failed:\n${failures.join('\n')}`);
}

/** Networks whose maker is gone: a run killed before its clean-up, whose processes died with it. */
async function removeAbandonedNetworks(): Promise<void> {
  const bridges = JSON.parse(await ip('-json', 'link', 'show', 'type', 'bridge')) as { ifname: string; ifalias?: string }[];
  for (const { ifname, ifalias } of bridges) {
    const run = /^nsc-([0-9a-f]{6})$/.exec(ifname)?.[1];
    const owner = ifalias?.startsWith(OWNER) ? Number(ifalias.slice(OWNER.length)) : undefined;
    if (run && owner && !isRunning(owner)) await removeRun(run);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** `10.a.b` of a 10.a.b.0/24 that no route or address of this machine overlaps (in any routing table). */
async function unusedSubnetPrefix(): Promise<string> {
  const routes = JSON.parse(await ip('-4', '-json', 'route', 'show', 'table', 'all')) as { dst: string }[];
  const taken = routes.map((r) => r.dst).filter((dst) => dst !== 'default').map(parseCidr);
  for (let attempt = 0; attempt < 100; attempt++) {
    const prefix = `10.${randomInt(16, 255)}.${randomInt(0, 256)}`;
    const candidate = parseCidr(`${prefix}.0/24`);
    if (!taken.some((route) => overlap(route, candidate))) return prefix;
  }
  throw new Error('found no private /24 in 10.0.0.0/8 that this machine does not route already');
}

interface Cidr {
  readonly base: number;
  readonly bits: number;
}

function parseCidr(text: string): Cidr {
  const [address, bits = '32'] = text.split('/');
  const base = address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
  return { base, bits: Number(bits) };
}

/** Two networks overlap when they agree on the bits of the shorter prefix. */
function overlap(a: Cidr, b: Cidr): boolean {
  const bits = Math.min(a.bits, b.bits);
  const block = 2 ** (32 - bits);
  return Math.floor(a.base / block) === Math.floor(b.base / block);
}
