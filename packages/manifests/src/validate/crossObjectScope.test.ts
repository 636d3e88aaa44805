import { describe, expect, it } from 'vitest';
import { validateFiles } from './validateFiles.js';

// Two unrelated examples of one repository (the kubernetes/examples shape): both in the default namespace, both
// with an `app: web` workload, deployed separately.
const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`;
const deployment = (port: number, ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${ns ? `\n  namespace: ${ns}` : ''}
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0.0
          ports:
            - containerPort: ${port}
`;

const crossRules = ['service-target-port', 'service-selector-matches', 'pdb-selector-matches', 'hpa-target-exists'];
const cross = async (files: { path: string; content: string }[]) =>
  (await validateFiles(files)).findings.filter((f) => crossRules.includes(f.rule)).map((f) => [f.file, f.rule]);

describe('cross-object rules stay within one input root and one namespace', () => {
  it('never matches a Service with a workload of another folder', async () => {
    expect(
      await cross([
        { path: 'guestbook/frontend-service.yaml', content: service },
        { path: 'staging-proxy/deployment.yaml', content: deployment(9000) },
      ]),
    ).toEqual([]);
  });

  it('matches objects of the same folder', async () => {
    expect(
      await cross([
        { path: 'guestbook/frontend-service.yaml', content: service },
        { path: 'guestbook/frontend-deployment.yaml', content: deployment(9000) },
      ]),
    ).toEqual([['guestbook/frontend-service.yaml', 'service-target-port']]);
  });

  it('never matches objects of another namespace', async () => {
    expect(
      await cross([
        { path: 'app/service.yaml', content: service },
        { path: 'app/deployment.yaml', content: deployment(9000, 'other') },
      ]),
    ).toEqual([]);
  });
});
