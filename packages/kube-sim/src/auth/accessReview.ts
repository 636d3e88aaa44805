import { decodeWire, messageField, stringField, unwrapEnvelope } from './protobufWire.js';

/** What an access review asks: may the user do `verb` on this resource (or non-resource URL)? */
export interface AccessAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  nonResourcePath?: string;
}

/**
 * Reads the attributes of a SelfSubjectAccessReview or SubjectAccessReview sent as protobuf by `kubectl auth can-i`
 * (spec.resourceAttributes: namespace 1, verb 2, group 3, version 4, resource 5, subresource 6, name 7;
 * nonResourceAttributes: path 1, verb 2). For SubjectAccessReview the user and groups are read too.
 */
export function decodeAccessReview(body: Buffer): {
  kind?: string;
  attributes: AccessAttributes;
  user?: string;
  groups: string[];
} {
  const { kind, raw } = unwrapEnvelope(body);
  const fields = decodeWire(raw);
  const spec = messageField(fields, 2) ?? [];
  const resource = messageField(spec, 1);
  const nonResource = messageField(spec, 2);
  const attributes: AccessAttributes = resource
    ? {
        namespace: stringField(resource, 1) ?? '',
        verb: stringField(resource, 2) ?? '',
        group: stringField(resource, 3) ?? '',
        resource: stringField(resource, 5) ?? '',
        subresource: stringField(resource, 6) ?? '',
        name: stringField(resource, 7) ?? '',
      }
    : {
        namespace: '',
        verb: stringField(nonResource ?? [], 2) ?? '',
        group: '',
        resource: '',
        subresource: '',
        name: '',
        nonResourcePath: stringField(nonResource ?? [], 1) ?? '',
      };
  const user = kind === 'SubjectAccessReview' ? stringField(spec, 3) : undefined;
  const groups =
    kind === 'SubjectAccessReview' ? spec.filter((f) => f.field === 4).map((f) => f.bytes?.toString('utf8') ?? '') : [];
  return { kind, attributes, user, groups };
}

/** Reads the same attributes from a JSON review body. */
export function accessAttributesOf(spec: Record<string, unknown>): AccessAttributes {
  const r = (spec.resourceAttributes ?? {}) as Record<string, string>;
  const n = spec.nonResourceAttributes as Record<string, string> | undefined;
  if (n)
    return {
      namespace: '',
      verb: n.verb ?? '',
      group: '',
      resource: '',
      subresource: '',
      name: '',
      nonResourcePath: n.path ?? '',
    };
  return {
    namespace: r.namespace ?? '',
    verb: r.verb ?? '',
    group: r.group ?? '',
    resource: r.resource ?? '',
    subresource: r.subresource ?? '',
    name: r.name ?? '',
  };
}
