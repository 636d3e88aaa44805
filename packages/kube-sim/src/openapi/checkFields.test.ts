import { describe, expect, it } from 'vitest';
import { checkFields } from './checkFields.js';
import { builtinSchema, crdSchema, structName } from './schemaNodes.js';

const deploymentSchema = builtinSchema({ group: 'apps', version: 'v1', kind: 'Deployment' })!;

describe('checkFields', () => {
  it('prunes and reports unknown fields at any depth, and drops nulls', () => {
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', creationTimestamp: null },
      spec: {
        replica: 2,
        template: {
          spec: { containers: [{ name: 'a', image: 'nginx', imagee: 'x', resources: { limits: { cpu: 1 } } }] },
        },
      },
    };
    const problems = checkFields(deploymentSchema, obj);
    expect(problems).toEqual({ unknown: ['spec.replica', 'spec.template.spec.containers[0].imagee'], types: [] });
    expect(obj.spec).not.toHaveProperty('replica');
    expect(obj.metadata).toEqual({ name: 'web' });
  });

  it('reports values of the wrong type with the Go names the real decoder uses', () => {
    const obj = {
      spec: {
        replicas: 'two',
        template: {
          spec: { containers: [{ name: 'a', env: [{ name: 'X', value: true }], ports: [{ containerPort: 1.5 }] }] },
        },
      },
    };
    const { types } = checkFields(deploymentSchema, obj);
    expect(types.map((t) => `${t.struct}.${t.goPath} ${t.got} ${t.goType}`)).toEqual([
      'DeploymentSpec.spec.replicas string int32',
      'EnvVar.spec.template.spec.containers.env.value bool string',
      'ContainerPort.spec.template.spec.containers.ports.containerPort number 1.5 int32',
    ]);
  });

  it('accepts numbers where Kubernetes takes quantities or int-or-string', () => {
    const svc = builtinSchema({ group: '', version: 'v1', kind: 'Service' })!;
    expect(
      checkFields(svc, {
        spec: {
          ports: [
            { port: 80, targetPort: 'http' },
            { port: 81, targetPort: 8081 },
          ],
        },
      }).types,
    ).toEqual([]);
    expect(structName('CoreV1Event')).toBe('Event');
  });

  it('checks custom resources against their structural schema, keeping open objects', () => {
    const schema = crdSchema(
      {
        type: 'object',
        properties: {
          spec: {
            type: 'object',
            properties: {
              size: { type: 'integer' },
              extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
            },
          },
        },
      },
      'Widget',
    );
    const obj = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { size: 'big', colour: 'red', extra: { any: 1 } },
    };
    const problems = checkFields(schema, obj);
    expect(problems.unknown).toEqual(['spec.colour']);
    expect(problems.types.map((t) => `${t.path} ${t.expected}`)).toEqual(['spec.size integer']);
    expect(obj.spec.extra).toEqual({ any: 1 });
  });
});
