import type { Violation } from '@opspilot/core';
import { parse } from 'yaml';
import type { KubeObj, KubeResource } from '../../kube/kubeResource.js';
import { refOfObj } from '../../kube/kubeResource.js';
import { parseYamlFile } from '../../yaml/parseYamlFile.js';
import { type KubeRule, kubeRuleContext } from '../kubeRule.js';

/** A manifest as tests handle it: any field may be read or broken. */
// biome-ignore lint/suspicious/noExplicitAny: tests break manifests in arbitrary ways
export type LooseObj = any;

/** A Deployment that passes every Kubernetes rule (tests copy and break it). */
export function healthyDeployment(): LooseObj {
  return structuredClone(HEALTHY_DEPLOYMENT);
}

/** Objects that keep the healthy Deployment's cross-object rules quiet (Service, PDB). */
export function companions(): [LooseObj, LooseObj] {
  return structuredClone(COMPANIONS) as [LooseObj, LooseObj];
}

/** Runs one rule over the first object, with every object in the context; returns its violations. */
export function runKubeRule(rule: KubeRule, objs: LooseObj[]): Violation[] {
  const resources: KubeResource[] = (objs as KubeObj[]).map((obj) => ({
    file: 'test.yaml',
    doc: parseYamlFile('a: 1').docs[0] ?? ({} as never),
    obj,
    ref: refOfObj(obj),
  }));
  return rule.check(objs[0] as KubeObj, kubeRuleContext(resources));
}

/** Parses a YAML object literal (tests write manifests as YAML). */
export function obj(yaml: string): LooseObj {
  return parse(yaml);
}

const HEALTHY_DEPLOYMENT = obj(`
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: { app.kubernetes.io/name: web }
spec:
  replicas: 3
  revisionHistoryLimit: 5
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web, app.kubernetes.io/name: web }
    spec:
      automountServiceAccountToken: false
      serviceAccountName: web
      priorityClassName: shop-standard
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile: { type: RuntimeDefault }
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: DoNotSchedule
          labelSelector: { matchLabels: { app: web } }
      containers:
        - name: web
          image: registry.example.com/shop/web:1.4.2
          imagePullPolicy: IfNotPresent
          ports: [{ name: http, containerPort: 8080 }]
          env:
            - { name: LOG_LEVEL, value: info }
            - name: DB_PASSWORD
              valueFrom: { secretKeyRef: { name: web-db, key: password } }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { cpu: 500m, memory: 256Mi }
          livenessProbe: { httpGet: { path: /healthz, port: http }, periodSeconds: 20 }
          readinessProbe: { httpGet: { path: /ready, port: http }, periodSeconds: 5 }
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
`);

const COMPANIONS = [
  obj(`
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop, labels: { app.kubernetes.io/name: web } }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
`),
  obj(`
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web, namespace: shop }
spec:
  minAvailable: 1
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector: { matchLabels: { app: web } }
`),
];
