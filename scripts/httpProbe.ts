import http from 'node:http';

/**
 * Whether `url` answers a GET with a 2xx status within `timeoutMs`. Built on node:http rather
 * than fetch, which refuses the ports browsers block (6000, 6665–6669, 10080 …) while an operator
 * may well choose one. No agent and `connection: close`: an idle connection kept from here would
 * hold up the service's graceful stop.
 */
export function httpProbe(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(ok);
    };
    // A frozen process still accepts connections (the kernel queues them) but never answers: the
    // timer covers connecting, waiting and reading alike.
    const timer = setTimeout(() => settle(false), timeoutMs);
    const req = http.get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      res.resume();
      res.once('end', () => settle(res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300));
      res.once('error', () => settle(false));
    });
    req.once('error', () => settle(false));
  });
}
