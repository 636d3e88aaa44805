/**
 * `templates/configmap.yaml`: the variables the apps read (values `configMap.data`); an empty value is left out, so
 * it does not override the default the code falls back to.
 */
export function configMapTemplate(chart: string): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "${chart}.configMapName" . }}
  labels:
    {{- include "${chart}.commonLabels" . | nindent 4 }}
data:
  {{- range $key, $value := .Values.configMap.data }}
  {{- if ne (toString $value) "" }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
  {{- end }}
`;
}

/**
 * `templates/secret.yaml`: created only when `secret.create` is true (local clusters, demos); otherwise the apps
 * reference an existing Secret (from a secret store or \`kubectl create secret\`) named `secret.name`.
 */
export function secretTemplate(chart: string): string {
  return `{{- if .Values.secret.create }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "${chart}.secretName" . }}
  labels:
    {{- include "${chart}.commonLabels" . | nindent 4 }}
type: Opaque
stringData:
  {{- range $key := .Values.secret.keys }}
  {{ $key }}: {{ index $.Values.secret.stringData $key | default "" | quote }}
  {{- end }}
{{- end }}
`;
}

/** `templates/ingress.yaml`: one host, each enabled app on its `ingressPath` (Prefix), TLS when enabled. */
export function ingressTemplate(chart: string): string {
  return `{{- if .Values.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "${chart}.name" . }}
  labels:
    {{- include "${chart}.commonLabels" . | nindent 4 }}
  {{- with .Values.ingress.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with .Values.ingress.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if .Values.ingress.tls.enabled }}
  tls:
    - hosts:
        - {{ .Values.ingress.host | quote }}
      secretName: {{ default (printf "%s-tls" (include "${chart}.name" .)) .Values.ingress.tls.secretName }}
  {{- end }}
  rules:
    - host: {{ .Values.ingress.host | quote }}
      http:
        paths:
          {{- range $name, $app := .Values.apps }}
          {{- if and $app.enabled $app.ingressPath }}
          - path: {{ $app.ingressPath }}
            pathType: Prefix
            backend:
              service:
                name: {{ include "${chart}.appName" (list $ $name) }}
                port:
                  number: {{ $app.service.port }}
          {{- end }}
          {{- end }}
{{- end }}
`;
}

/** `templates/serviceaccount.yaml`: the chart's own service account, with no API token mounted. */
export function serviceAccountTemplate(chart: string): string {
  return `{{- if .Values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "${chart}.serviceAccountName" . }}
  labels:
    {{- include "${chart}.commonLabels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end }}
`;
}

/** `templates/NOTES.txt`: what was installed and how to reach it. */
export function notesTemplate(chart: string): string {
  return `{{ include "${chart}.name" . }} is installed in namespace {{ .Release.Namespace }}.
{{- range $name, $app := .Values.apps }}
{{- if $app.enabled }}
  {{ $name }}: kubectl -n {{ $.Release.Namespace }} rollout status deployment/{{ include "${chart}.appName" (list $ $name) }}
{{- end }}
{{- end }}
{{- if .Values.ingress.enabled }}
Open http{{ if .Values.ingress.tls.enabled }}s{{ end }}://{{ .Values.ingress.host }}/
{{- end }}
{{- if not .Values.secret.create }}
The apps read Secret {{ include "${chart}.secretName" . }} (keys: {{ join ", " .Values.secret.keys }}); create it before installing.
{{- end }}
`;
}
