/** What the standard labels are computed from. */
export interface LabelSource {
  name: string;
  image?: string;
  partOf?: string;
  component?: string;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The tag of an image when it is usable as a label value (`1.4`), else undefined (digests, long tags). */
export function versionOf(image: string | undefined): string | undefined {
  if (!image || image.includes('@')) return undefined;
  const last = image.split('/').pop() ?? '';
  const tag = last.includes(':') ? last.slice(last.indexOf(':') + 1) : undefined;
  return tag && tag.length <= 63 && LABEL_VALUE.test(tag) ? tag : undefined;
}

/** The labels that select the pods of `name`: `app.kubernetes.io/name` and `instance`. */
export function selectorLabels(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': name };
}

/**
 * The recommended `app.kubernetes.io/*` labels, managed by opspilot.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
 */
export function standardLabels(source: LabelSource): Record<string, string> {
  const labels: Record<string, string> = { ...selectorLabels(source.name) };
  const version = versionOf(source.image);
  if (version) labels['app.kubernetes.io/version'] = version;
  if (source.component) labels['app.kubernetes.io/component'] = source.component;
  if (source.partOf) labels['app.kubernetes.io/part-of'] = source.partOf;
  labels['app.kubernetes.io/managed-by'] = 'opspilot';
  return labels;
}

/** `metadata` with name, optional namespace and the standard labels. */
export function objectMeta(source: LabelSource & { namespace?: string }): Record<string, unknown> {
  return {
    name: source.name,
    ...(source.namespace ? { namespace: source.namespace } : {}),
    labels: standardLabels(source),
  };
}
