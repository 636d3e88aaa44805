import { z } from 'zod';

const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A label key: an optional DNS-subdomain prefix (at most 253 characters) and `/`, then a name of at most
 * 63 characters, e.g. `app` or `app.kubernetes.io/name`. The API server refuses anything else, so we refuse it first.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export const LabelKey = z.string().superRefine((key, ctx) => {
  const slash = key.lastIndexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) {
    ctx.addIssue({ code: 'custom', message: 'label key prefix must be a DNS subdomain such as app.kubernetes.io' });
  }
  if (name.length > 63 || !NAME_PART.test(name)) {
    ctx.addIssue({
      code: 'custom',
      message: "label key name must be 1-63 letters, digits, '-', '_' or '.', starting and ending alphanumeric",
    });
  }
});
export type LabelKey = z.infer<typeof LabelKey>;

/**
 * A label value: empty, or at most 63 letters, digits, `-`, `_` and `.`, starting and ending alphanumeric.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export const LabelValue = z
  .string()
  .max(63, 'label value must be at most 63 characters')
  .regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/, "label value may hold only letters, digits, '-', '_', '.'");
export type LabelValue = z.infer<typeof LabelValue>;

/**
 * Labels, or an equality-based selector over them (`matchLabels`), as Kubernetes accepts them.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
 */
export const Labels = z.record(LabelKey, LabelValue);
export type Labels = z.infer<typeof Labels>;
