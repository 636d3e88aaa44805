{{/* Chart name, truncated to the 63 characters of a DNS label. */}}
{{- define "opspilot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified name of the release's objects. */}}
{{- define "opspilot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels of every object. */}}
{{- define "opspilot.labels" -}}
app.kubernetes.io/name: {{ include "opspilot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{ include "opspilot.commonLabels" . }}
{{- end }}

{{/* Labels of every object besides name and instance (pod templates add them to their selector labels). */}}
{{- define "opspilot.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: opspilot
{{- end }}

{{/* Selector labels of the server pods. */}}
{{- define "opspilot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "opspilot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{/* Selector labels of a bundled component (postgresql, redis); call with (list . "postgresql"). */}}
{{- define "opspilot.componentSelectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ include "opspilot.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* The ServiceAccount the server runs as. */}}
{{- define "opspilot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "opspilot.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the encryption key, model key and database URL. */}}
{{- define "opspilot.secretName" -}}
{{- default (include "opspilot.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* True when the bundled PostgreSQL is used (enabled and no external URL). */}}
{{- define "opspilot.bundledPostgresql" -}}
{{- if and .Values.postgresql.enabled (not .Values.database.url) (not .Values.database.existingSecret) }}true{{ end }}
{{- end }}

{{/* True when the bundled Redis is used. */}}
{{- define "opspilot.bundledRedis" -}}
{{- if and .Values.redis.enabled (eq .Values.events.bus "redis") (not .Values.events.redisUrl) }}true{{ end }}
{{- end }}

{{/*
A value kept across upgrades: the given one, else the one already in the release's Secret, else a new random one.
Call with (dict "root" . "key" "encryption-key" "value" .Values.secrets.encryptionKey "generate" "...").
*/}}
{{- define "opspilot.keptSecret" -}}
{{- $existing := lookup "v1" "Secret" .root.Release.Namespace (include "opspilot.fullname" .root) -}}
{{- if .value -}}
{{- .value -}}
{{- else if and $existing (hasKey $existing.data .key) -}}
{{- index $existing.data .key | b64dec -}}
{{- else -}}
{{- .generate -}}
{{- end -}}
{{- end }}

{{/* The restricted security context of every container. */}}
{{- define "opspilot.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end }}
