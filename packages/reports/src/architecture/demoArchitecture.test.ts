import type { ClusterSnapshot } from '@opspilot/core';
import { createClusterGateway } from '@opspilot/kube';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceCatalogue } from '../catalogue/serviceCatalogue.js';
import { ARCHITECTURE_KINDS, architectureGraph } from './architectureGraph.js';
import { architectureMermaid } from './architectureMermaid.js';
import { renderArchitectureSvg } from './renderArchitectureSvg.js';

let sim: SimCluster;
let snapshot: ClusterSnapshot;

beforeAll(async () => {
  sim = await startSimCluster({ scenario: 'demo' });
  const gateway = createClusterGateway({ kubeconfigYaml: sim.kubeconfig });
  snapshot = await gateway.snapshot({ namespace: 'todo', kinds: [...ARCHITECTURE_KINDS] });
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});

describe('the architecture of the demo namespace, read from the simulated cluster over HTTP', () => {
  it('has the workloads, Services, configuration and the external database as nodes', () => {
    const graph = architectureGraph(snapshot, 'todo');
    expect(graph.nodes.map((n) => n.id)).toEqual([
      'ConfigMap/todo/todo-config',
      'Deployment/todo/backend',
      'Deployment/todo/frontend',
      'External//db.example.com',
      'Secret/todo/todo-secrets',
      'Service/todo/backend',
      'Service/todo/frontend',
    ]);
  });

  it('joins Services to the workloads they select, workloads to their configuration, frontend to backend', () => {
    const edges = architectureGraph(snapshot, 'todo').edges.map((e) => `${e.from} ${e.kind} ${e.to}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'Service/todo/backend SELECTS Deployment/todo/backend',
        'Service/todo/frontend SELECTS Deployment/todo/frontend',
        'Deployment/todo/backend CONFIG ConfigMap/todo/todo-config',
        'Deployment/todo/backend SECRET Secret/todo/todo-secrets',
        'Deployment/todo/frontend CONFIG ConfigMap/todo/todo-config',
        'Deployment/todo/frontend CALLS Service/todo/backend',
        'Deployment/todo/backend CALLS External//db.example.com',
      ]),
    );
    expect(edges).not.toContain('Deployment/todo/backend CALLS Service/todo/backend');
  });

  it('renders an SVG without a browser with a box per node and an arrow per edge, and no secret value', async () => {
    const graph = architectureGraph(snapshot, 'todo');
    const svg = await renderArchitectureSvg(graph);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const n of graph.nodes) expect(svg).toContain(`data-id="${n.id}"`);
    expect(svg.match(/<polyline class="edge/g)).toHaveLength(graph.edges.length);
    expect(svg).toContain('data-from="Deployment/todo/frontend" data-to="Service/todo/backend"');
    expect(svg).toContain('>db.example.com<');
    expect(svg).not.toContain('change-me');
  });

  it('writes the same graph as Mermaid text', () => {
    const text = architectureMermaid(architectureGraph(snapshot, 'todo'));
    expect(text).toMatch(/^flowchart LR/);
    expect(text).toContain('n_Deployment_todo_frontend ==>|calls| n_Service_todo_backend');
    expect(text).toContain('subgraph n_ns_todo');
  });

  it('lists the catalogue with images, ports, dependencies and health', () => {
    const entries = serviceCatalogue(snapshot, 'todo');
    const backend = entries.find((e) => e.name === 'backend');
    expect(backend).toMatchObject({
      images: ['todo/backend:1.0'],
      ports: ['8000/TCP (http)'],
      services: ['backend'],
      dependencies: ['db.example.com'],
    });
    expect(entries.find((e) => e.name === 'frontend')?.dependencies).toEqual(['backend']);
    expect(['HEALTHY', 'DEGRADED', 'DOWN', 'UNKNOWN']).toContain(backend?.health);
  });
});
