import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildExplorer } from '../../explorer/build/buildExplorer';

/** Debian's Chromium (`apt-get install chromium`); no browser is downloaded for the tests. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface OpenBrowser {
  readonly context: BrowserContext;
  /** Every request the pages made to anywhere but `origin`; each was refused. */
  readonly outsideRequests: string[];
  close(): Promise<void>;
}

/**
 * A real, headless Chromium with a fresh profile, allowed to reach `origin` only: anything else a
 * page asks for is refused and recorded, as on a network without internet.
 */
export async function openBrowser(origin: string): Promise<OpenBrowser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const outsideRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outsideRequests.push(url);
    return route.abort('internetdisconnected');
  });
  return {
    context,
    outsideRequests,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** The explorer bundled from its sources as they are now, for a test's gateway to serve (`explorerDir`). */
export async function freshExplorerBuild(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nsc-hub-explorer-'));
  await buildExplorer(dir);
  return dir;
}
