import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src/archive/config.ts';
import { nginxPath } from './tools.ts';

/** A running nginx serving a folder at `http://127.0.0.1:<port>/`. */
export interface Nginx {
  origin: string;
  port: number;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Debian's nginx in the foreground, loopback only, with its own temporary prefix and
 * config: `root` is served as the document root, and `/<base>/404.html` answers unknown paths
 * under the base with status 404, as a static host's "custom 404 page" setting does.
 */
export async function startNginx(root: string, base: string, prefix: string, port?: number): Promise<Nginx> {
  const binary = nginxPath();
  port ??= await freePort();
  fs.mkdirSync(path.join(prefix, 'logs'), { recursive: true });
  // nginx's workers run as an unprivileged user when started as root: let them read the site.
  for (let dir = root; dir !== path.dirname(dir); dir = path.dirname(dir)) fs.chmodSync(dir, fs.statSync(dir).mode | 0o055);
  fs.chmodSync(prefix, 0o755);
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${root};
    index index.html;
    location ${base} {
      error_page 404 ${base}404.html;
      add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start (code ${child.exitCode}):\n${stderr}`);
    try {
      await fetch(`${origin}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin} within 10 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGQUIT');
      }),
  };
}
