import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '@opspilot/core';
import { verifyImageSignatures } from '@opspilot/security';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { EXIT_CODES } from '../exitCodes.js';
import { renderColumns } from '../renderOutput.js';

interface VerifyFlags {
  key?: string;
  trustRoot?: string[];
  identity?: string;
  plainHttp?: boolean;
  registryToken?: string;
}

/**
 * Registers `opspilot security verify IMAGE --key cosign.pub | --trust-root fulcio.pem [--identity ID]`: the image's
 * signatures fetched from its registry (cosign `.sig` tag, referrers) and verified offline — key pairs with the public
 * key, keyless Sigstore bundles against the given trust roots. The transparency log is not checked. Exit 1 unless a
 * signature verifies.
 */
export function securityVerifyCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('verify')
    .description("verify an image's signatures from its registry (cosign key or keyless trust root; Rekor not checked)")
    .argument('<image>', 'e.g. ghcr.io/acme/api:1.4.0 or …@sha256:…')
    .option('--key <file>', 'PEM public key (cosign.pub)')
    .option(
      '--trust-root <file>',
      'PEM root certificate(s) for keyless signatures (repeatable)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--identity <id>', 'keyless: the e-mail or URI the signing certificate must name')
    .option('--plain-http', 'the registry speaks HTTP (a local registry)')
    .option('--registry-token <token>', 'bearer token for the registry (default OPSPILOT_REGISTRY_TOKEN)')
    .action(async (image: string, o: VerifyFlags, command: Command) => {
      if (!o.key && !o.trustRoot?.length)
        throw new InputError('give --key or --trust-root', { hint: 'e.g. --key cosign.pub' });
      const read = (f: string) => readFileSync(resolve(ctx.io.cwd, f), 'utf8');
      const token = o.registryToken ?? ctx.io.env.OPSPILOT_REGISTRY_TOKEN;
      const report = await verifyImageSignatures(
        image,
        {
          ...(o.key ? { key: read(o.key) } : {}),
          ...(o.trustRoot?.length ? { trustRoots: o.trustRoot.map(read) } : {}),
          ...(o.identity ? { identity: o.identity } : {}),
        },
        { fetch, plainHttp: o.plainHttp === true, ...(token ? { token } : {}) },
      );
      if (!report.verified) ctx.run.exitCode = EXIT_CODES.findings;
      ctx.print(command, report, (r) =>
        r.signatures.length === 0
          ? `${r.image} (${r.digest}): UNSIGNED — no signature in the registry\n`
          : `${r.image} (${r.digest}): ${r.verified ? 'VERIFIED' : 'NOT VERIFIED'}\n${renderColumns([
              ['SOURCE', 'FORMAT', 'METHOD', 'VERIFIED', 'IDENTITY', 'PROBLEMS'],
              ...r.signatures.map((s) => [
                s.source,
                s.format,
                s.method,
                s.verified ? 'yes' : 'no',
                s.identities?.join(' ') ?? '-',
                s.problems.join('; ') || '-',
              ]),
            ])}\ntransparency log (Rekor): not verified\n`,
      );
    });
}
