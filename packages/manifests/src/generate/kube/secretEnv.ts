const SECRET_LIKE = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|ACCESS_?KEY|DATABASE_URL|DSN)/i;

/** True when an environment variable's name says it carries a credential (`JWT_SECRET_KEY`, `DATABASE_URL` …). */
export function isSecretLike(name: string): boolean {
  return SECRET_LIKE.test(name);
}

/** The Secret a workload's credentials are read from: `<name>-secrets`. */
export function secretNameFor(workload: string): string {
  return `${workload}-secrets`;
}

/**
 * One container `env` entry: a plain value, or — for a credential — a `secretKeyRef` to the workload's Secret, so a
 * secret value never lands in a generated manifest.
 * @see https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
 */
export function envEntry(workload: string, name: string, value: string): Record<string, unknown> {
  return isSecretLike(name)
    ? { name, valueFrom: { secretKeyRef: { name: secretNameFor(workload), key: name } } }
    : { name, value };
}
