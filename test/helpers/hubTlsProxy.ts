/**
 * https in front of the tests' pouchdb-server hub, as an office puts TLS in front of CouchDB: a
 * self-signed certificate for 127.0.0.1 made by openssl (node's crypto cannot make X.509), and a
 * TLS server on 127.0.0.1 passing each connection through to the hub.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

export interface SelfSignedCertificate {
  key: string;
  cert: string;
  /** SHA-256, AB:CD:… as openssl and node print it. */
  fingerprint: string;
}

export function selfSignedCertificate(): SelfSignedCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-tls-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=office-hub', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const fingerprint = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1] ?? '';
    return { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8'), fingerprint };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Listens with TLS on 127.0.0.1 and forwards to the hub's origin; `origin` is the https one. */
export async function startHubTlsProxy(hubOrigin: string, certificate: SelfSignedCertificate): Promise<{ origin: string; close(): void }> {
  const target = new URL(hubOrigin);
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ key: certificate.key, cert: certificate.cert }, (client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
