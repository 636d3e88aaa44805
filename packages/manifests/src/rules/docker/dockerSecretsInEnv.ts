import { dockerRule } from '../dockerRule.js';

const SECRET = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|ACCESS_?KEY)/i;

function names(text: string): { name: string; value?: string }[] {
  return text
    .split(/\s+(?=[A-Za-z_][A-Za-z0-9_]*(=|\s|$))/)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { name: part.split(/\s+/)[0] ?? '' } : { name: part.slice(0, eq), value: part.slice(eq + 1) };
    })
    .filter((p) => p.name !== '');
}

/**
 * ENV and ARG values are stored in the image (ENV) or its build history (ARG) for anyone who pulls it.
 * Use build secrets (`RUN --mount=type=secret`) or runtime configuration.
 * @see https://docs.docker.com/build/building/secrets/
 */
export const dockerSecretsInEnv = dockerRule({
  id: 'docker-secrets-in-env',
  category: 'security',
  severity: 'ERROR',
  description: 'ENV and ARG must not carry secrets',
  fix: 'pass secrets with RUN --mount=type=secret at build time or as runtime environment from a secret store',
  check: (doc) =>
    doc.instructions
      .filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG')
      .flatMap((i) => {
        const legacy = i.keyword === 'ENV' && !i.text.includes('=');
        const entries = legacy ? [{ name: i.args[0] ?? '', value: i.args.slice(1).join(' ') }] : names(i.text);
        return entries
          .filter((e) => SECRET.test(e.name) && (i.keyword === 'ARG' || (e.value !== undefined && e.value !== '')))
          .map((e) => ({ message: `${i.keyword} ${e.name} puts a secret into the image`, at: i }));
      }),
});
