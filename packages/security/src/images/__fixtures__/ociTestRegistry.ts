import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const digestOf = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/**
 * A loopback OCI registry speaking the distribution API's wire format (`/v2/`, manifests by tag or digest with
 * `Docker-Content-Digest`, blobs, the referrers API, OCI error bodies) for tests of signature fetching.
 */
export class OciTestRegistry {
  private readonly blobs = new Map<string, Buffer>();
  private readonly manifests = new Map<string, { body: Buffer; mediaType: string }>();
  private readonly tags = new Map<string, string>();
  private server?: Server;
  host = '';

  /** Stores a blob; returns its descriptor. */
  blob(content: Buffer | string, mediaType: string, annotations?: Record<string, string>) {
    const body = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const digest = digestOf(body);
    this.blobs.set(digest, body);
    return { mediaType, digest, size: body.length, ...(annotations ? { annotations } : {}) };
  }

  /** Stores a manifest (under `repo`, optionally tagged); returns its digest. */
  manifest(repo: string, manifest: Record<string, unknown>, tag?: string): string {
    const body = Buffer.from(JSON.stringify(manifest));
    const digest = digestOf(body);
    const mediaType = String(manifest.mediaType ?? 'application/vnd.oci.image.manifest.v1+json');
    this.manifests.set(`${repo}@${digest}`, { body, mediaType });
    if (tag) this.tags.set(`${repo}:${tag}`, digest);
    return digest;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const fail = (status: number, code: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ code, message: code.toLowerCase().replace(/_/g, ' ') }] }));
      };
      if (url.pathname === '/v2/') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      const m = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/([^/]+)$/.exec(url.pathname);
      if (!m || req.method !== 'GET') return fail(404, 'NAME_UNKNOWN');
      const [, repo, what, ref] = m as unknown as [string, string, string, string];
      if (what === 'blobs') {
        const b = this.blobs.get(ref);
        if (!b) return fail(404, 'BLOB_UNKNOWN');
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'docker-content-digest': ref });
        return void res.end(b);
      }
      if (what === 'referrers') {
        const manifests = [...this.manifests.entries()]
          .filter(([k]) => k.startsWith(`${repo}@`))
          .map(([k, v]) => ({ digest: k.slice(repo.length + 1), v: JSON.parse(v.body.toString()) }))
          .filter((x) => x.v.subject?.digest === ref)
          .map((x) => ({
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: x.digest,
            artifactType: x.v.artifactType,
          }));
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' });
        return void res.end(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
      }
      const digest = ref.startsWith('sha256:') ? ref : this.tags.get(`${repo}:${ref}`);
      const found = digest ? this.manifests.get(`${repo}@${digest}`) : undefined;
      if (!found || !digest) return fail(404, 'MANIFEST_UNKNOWN');
      res.writeHead(200, { 'content-type': found.mediaType, 'docker-content-digest': digest });
      res.end(found.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.host = `127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this.host;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
