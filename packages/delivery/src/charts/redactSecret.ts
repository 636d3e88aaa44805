import type { KubeObject } from '@opspilot/core';

const HIDDEN = '(redacted)';

/** A Secret with its values replaced (keys kept), so plans, diffs and audit entries never hold secret values. */
export function redactSecret(secret: KubeObject): KubeObject {
  const hide = (m: unknown) =>
    m && typeof m === 'object' ? Object.fromEntries(Object.keys(m).map((k) => [k, HIDDEN])) : undefined;
  const { data, stringData, ...rest } = secret as KubeObject & { data?: unknown; stringData?: unknown };
  return {
    ...rest,
    ...(data ? { data: hide(data) } : {}),
    ...(stringData ? { stringData: hide(stringData) } : {}),
  } as KubeObject;
}
