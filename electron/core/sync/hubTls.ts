import crypto from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';

/** How this machine trusts the hub's certificate, beyond the system's certificate authorities. */
export interface HubTrust {
  /** The office's own CA certificate (PEM), for a hub whose certificate it signed. */
  caPem?: string | undefined;
  /** The hub certificate's SHA-256 fingerprint (AB:CD:…), pinned at first connect. */
  pinnedFingerprint?: string | undefined;
}

/** The code a connection fails with when the hub shows another certificate than the pinned one. */
export const fingerprintMismatchCode = 'CERT_FINGERPRINT_MISMATCH';

const normalizeFingerprint = (fingerprint: string) => fingerprint.trim().toUpperCase();

/** True when the text holds one X.509 certificate Node can read. */
export function isCertificatePem(pem: string): boolean {
  try {
    new crypto.X509Certificate(pem);
    return pem.includes('-----BEGIN CERTIFICATE-----');
  } catch {
    return false;
  }
}

function mismatch(expected: string, actual: string | undefined): Error {
  return Object.assign(new Error(`hub certificate fingerprint ${actual ?? 'none'} is not the pinned ${expected}`), { code: fingerprintMismatchCode });
}

/**
 * An https agent for the hub. With a pinned fingerprint the certificate chain need not be
 * trusted (an office hub often has a self-signed certificate), but the socket is handed to the
 * request only once the certificate's fingerprint matched: the password is never written to a
 * server that showed another certificate. With a CA file, that CA is trusted besides the
 * system's; the host name is still checked.
 */
export function hubAgent(trust: HubTrust): https.Agent {
  const ca = trust.caPem ? [...tls.rootCertificates, trust.caPem] : undefined;
  const pinned = trust.pinnedFingerprint ? normalizeFingerprint(trust.pinnedFingerprint) : undefined;
  if (!pinned) return new https.Agent({ keepAlive: true, ...(ca ? { ca } : {}) });
  class PinnedAgent extends https.Agent {
    override createConnection(options: http.RequestOptions, callback?: (error: Error | null, stream: Duplex) => void): undefined {
      const socket = tls.connect({ ...(options as tls.ConnectionOptions), ...(ca ? { ca } : {}), rejectUnauthorized: false });
      const fail = (error: Error) => {
        socket.destroy();
        callback?.(error, socket);
      };
      socket.once('error', fail);
      socket.once('secureConnect', () => {
        socket.off('error', fail);
        const actual = socket.getPeerCertificate().fingerprint256;
        if (actual !== pinned) fail(mismatch(pinned ?? '', actual));
        else callback?.(null, socket);
      });
      return undefined;
    }
  }
  return new PinnedAgent({ keepAlive: true });
}

/** What the hub's certificate is, found without trusting it and without sending anything. */
export interface PeerCertificate {
  fingerprint: string;
  /** The system (or the given CA) trusts it for this host name. */
  trusted: boolean;
}

/** Opens a TLS connection only to read the certificate's fingerprint, so it can be shown and pinned. */
export function readPeerCertificate(host: string, port: number, caPem: string | undefined, timeoutMs: number): Promise<PeerCertificate | null> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host,
      port,
      servername: net.isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      ...(caPem ? { ca: [...tls.rootCertificates, caPem] } : {}),
    });
    const done = (result: PeerCertificate | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.once('error', () => done(null));
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      const identityError = socket.authorized ? tls.checkServerIdentity(host, certificate) : undefined;
      done(certificate.fingerprint256 ? { fingerprint: certificate.fingerprint256, trusted: socket.authorized && !identityError } : null);
    });
  });
}
