/**
 * `templates/deployment.yaml`: one Deployment per enabled app, with the ConfigMap and (when the apps read
 * credentials) the Secret as environment, probes by `probe` (HTTP on the health path — on the `management` port when `probePort` is set —, gRPC health, or TCP), resources, the restricted security context and an
 * emptyDir per writable path; a checksum of the configuration rolls the pods when it changes.
 */
export function deploymentTemplate(chart: string): string {
  return `{{- range $name, $app := .Values.apps }}
{{- if $app.enabled }}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "${chart}.appName" (list $ $name) }}
  labels:
    {{- include "${chart}.appLabels" (list $ $name) | nindent 4 }}
spec:
  replicas: {{ $app.replicas }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "${chart}.selectorLabels" (list $ $name) | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        {{- include "${chart}.appLabels" (list $ $name) | nindent 8 }}
      annotations:
        checksum/config: {{ toJson $.Values.configMap | sha256sum }}
    spec:
      serviceAccountName: {{ include "${chart}.serviceAccountName" $ }}
      automountServiceAccountToken: false
      securityContext:
        {{- toYaml $.Values.podSecurityContext | nindent 8 }}
      {{- if gt (int $app.replicas) 1 }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "${chart}.selectorLabels" (list $ $name) | nindent 14 }}
      {{- end }}
      containers:
        - name: {{ $name }}
          image: "{{ $app.image.repository }}:{{ $app.image.tag }}"
          imagePullPolicy: {{ $app.image.pullPolicy }}
          ports:
            - name: {{ $app.portName | default "http" }}
              containerPort: {{ $app.port }}
              protocol: TCP
            {{- if $app.probePort }}
            - name: management
              containerPort: {{ $app.probePort }}
              protocol: TCP
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "${chart}.configMapName" $ }}
            {{- if $.Values.secret.keys }}
            - secretRef:
                name: {{ include "${chart}.secretName" $ }}
            {{- end }}
          readinessProbe:
            {{- include "${chart}.probeAction" $app | nindent 12 }}
            initialDelaySeconds: 5
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          livenessProbe:
            {{- include "${chart}.probeAction" $app | nindent 12 }}
            initialDelaySeconds: 15
            periodSeconds: 20
            timeoutSeconds: 2
            failureThreshold: 3
          resources:
            {{- toYaml $app.resources | nindent 12 }}
          securityContext:
            {{- toYaml $.Values.securityContext | nindent 12 }}
          volumeMounts:
            {{- range $i, $path := $app.writablePaths }}
            - name: writable-{{ $i }}
              mountPath: {{ $path }}
            {{- end }}
      volumes:
        {{- range $i, $path := $app.writablePaths }}
        - name: writable-{{ $i }}
          emptyDir:
            sizeLimit: {{ $.Values.writableSizeLimit }}
        {{- end }}
{{- end }}
{{- end }}
`;
}

/** `templates/service.yaml`: a ClusterIP Service per enabled app, port `service.port` to the container's `http`. */
export function serviceTemplate(chart: string): string {
  return `{{- range $name, $app := .Values.apps }}
{{- if $app.enabled }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ include "${chart}.appName" (list $ $name) }}
  labels:
    {{- include "${chart}.appLabels" (list $ $name) | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "${chart}.selectorLabels" (list $ $name) | nindent 4 }}
  ports:
    - name: {{ $app.portName | default "http" }}
      port: {{ $app.service.port }}
      targetPort: {{ $app.portName | default "http" }}
      protocol: TCP
      {{- if eq ($app.portName | default "http") "grpc" }}
      appProtocol: grpc
      {{- end }}
{{- end }}
{{- end }}
`;
}

/** \`templates/pdb.yaml\`: a PodDisruptionBudget per app running more than one replica. */
export function pdbTemplate(chart: string): string {
  return `{{- if .Values.podDisruptionBudget.enabled }}
{{- range $name, $app := .Values.apps }}
{{- if and $app.enabled (gt (int $app.replicas) 1) }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "${chart}.appName" (list $ $name) }}
  labels:
    {{- include "${chart}.appLabels" (list $ $name) | nindent 4 }}
spec:
  minAvailable: {{ $.Values.podDisruptionBudget.minAvailable }}
  selector:
    matchLabels:
      {{- include "${chart}.selectorLabels" (list $ $name) | nindent 6 }}
{{- end }}
{{- end }}
{{- end }}
`;
}
