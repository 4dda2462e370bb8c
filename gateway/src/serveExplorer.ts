import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { Logger } from '@nsc-hub/shared';

/** Where `npm run build -w explorer` (run by `npm install`) puts the bundled explorer. */
export const EXPLORER_DIR = path.join(path.dirname(require.resolve('@nsc-hub/explorer/package.json')), 'dist');

export interface ExplorerOptions {
  /** The bundle to serve. */
  readonly dir: string;
  /** `signed-in` in production: the page asks for a token before it asks for the schema. */
  readonly introspection: 'everyone' | 'signed-in';
  readonly log: Logger;
}

const ASSETS = '/explorer/';

/**
 * Everything comes from this origin: scripts, styles, fonts, editor workers and the queries.
 * Monaco and GraphiQL set styles inline; fonts in GraphiQL's styles are data: URLs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function page(options: ExplorerOptions): string {
  const config = { endpoint: '/graphql', assets: ASSETS, introspection: options.introspection };
  // A JSON data block is not run as script, so the policy above needs no exception for it.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nsc-hub explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS}explorer.css">
<script id="explorer-config" type="application/json">${json}</script>
<script type="module" src="${ASSETS}explorer.js"></script>
</head>
<body><div id="explorer"></div></body>
</html>
`;
}

/**
 * The analysts' explorer, served by the gateway itself: `GET /`, and `GET /graphql` from a
 * browser (asking for HTML rather than a GraphQL response), with the bundle's files under
 * `/explorer/`. Nothing is loaded from anywhere else, so it works without internet access.
 */
export function serveExplorer(options: ExplorerOptions): { readonly router: Router; readonly forBrowsers: RequestHandler } {
  const built = existsSync(path.join(options.dir, 'explorer.js'));
  if (!built) options.log.warn('the explorer is not built (npm run build -w explorer): GET / answers 503');
  const html = page(options);
  const sendPage: RequestHandler = (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.set('X-Content-Type-Options', 'nosniff');
    // GET /graphql is the page or a GraphQL answer by Accept: a cache must keep them apart.
    res.vary('Accept');
    if (!built) {
      res.status(503).type('text/plain').send('The explorer is not built: run `npm run build -w explorer` and restart the gateway.\n');
      return;
    }
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    // The address carries the query: it is not sent on to other sites.
    res.set('Referrer-Policy', 'no-referrer');
    res.type('html').send(html);
  };
  const router = express.Router();
  router.get('/', sendPage);
  // Brotli or gzip, compressed at build time, where the browser takes them: a first load is about
  // 1.5 MB instead of 7.
  router.use(
    ASSETS,
    expressStaticGzip(options.dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: { index: false, fallthrough: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') },
    }),
  );
  const forBrowsers: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' && req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html') {
      sendPage(req, res, next);
      return;
    }
    next();
  };
  return { router, forBrowsers };
}
