import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const fixtures = new URL('../../../../packages/security/src/images/__fixtures__/', import.meta.url).pathname;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opspilot-validate-sec-'));
  cpSync(join(fixtures, 'trivy-report.json'), join(dir, 'trivy.json'));
  writeFileSync(
    join(dir, 'api.yaml'),
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: api
          image: ghcr.io/acme/api:1.4.0
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL], add: [SYS_TIME] }
`,
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('opspilot validate with the security rules and the image gate', () => {
  it('reports the posture rules on files (the same rules as the live scan)', async () => {
    const io = memoryIo({}, dir);
    await runCli(['validate', 'api.yaml', '-o', 'json'], io);
    const report = JSON.parse(io.out());
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('pss-baseline-capabilities');
  });

  it('fails CI when an image has vulnerabilities above the gate, passes with an allow-list', async () => {
    const failing = memoryIo({}, dir);
    expect(
      await runCli(['validate', 'api.yaml', '--image-report', 'trivy.json', '--image-max-severity', 'high'], failing),
    ).toBe(1);
    expect(failing.out()).toMatch(
      /12:11 +error +image ghcr.io\/acme\/api:1.4.0 fails the image gate: 1 vulnerability above high .*CVE-2099-0001.*\[image-gate\]/,
    );
    const allowed = memoryIo({}, dir);
    await runCli(
      [
        'validate',
        'api.yaml',
        '--image-report',
        'trivy.json',
        '--image-max-severity',
        'high',
        '--image-allow',
        'CVE-2099-0001',
        '-o',
        'json',
      ],
      allowed,
    );
    expect(JSON.parse(allowed.out()).findings.some((f: { rule: string }) => f.rule === 'image-gate')).toBe(false);
    const unscanned = memoryIo({}, dir);
    expect(await runCli(['validate', 'api.yaml', '--require-image-scan'], unscanned)).toBe(1);
    expect(unscanned.out()).toContain('no scan of this image');
    const bad = memoryIo({}, dir);
    writeFileSync(join(dir, 'bad.json'), '{"SchemaVersion": 2}');
    expect(await runCli(['validate', 'api.yaml', '--image-report', 'bad.json'], bad)).toBe(2);
    expect(bad.err()).toMatch(/bad\.json: field ArtifactName/);
  });

  it('lists the security rules and the image gate in the catalogue', async () => {
    const io = memoryIo({}, dir);
    await runCli(['validate', '--list-rules', '-o', 'json'], io);
    const ids = JSON.parse(io.out()).map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['pss-selinux', 'rbac-escalation', 'image-gate']));
  });
});
