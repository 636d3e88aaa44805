import { InputError, NotFoundError } from '@opspilot/core';
import {
  admissionPolicyFor,
  mapPolicySentence,
  POLICY_TEMPLATES,
  policyFromRow,
  policyRow,
  preparePolicy,
  type SecurityPolicy,
} from '@opspilot/security';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';

/** Every stored template policy of the local store. */
export async function storedPolicies(store: Store): Promise<SecurityPolicy[]> {
  const rows = await store.securityPolicies.list({}, { page_size: 100 });
  return rows.items.filter((r) => r.rules.length === 1).map(policyFromRow);
}

/** `key=value` flags into parameters: JSON values when they parse (`[..]`, numbers, booleans), text otherwise. */
function parameters(pairs: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0)
      throw new InputError(`--param ${pair} is not key=value`, { hint: 'e.g. --param \'repos=["ghcr.io/acme"]\'' });
    const value = pair.slice(eq + 1);
    try {
      out[pair.slice(0, eq)] = JSON.parse(value);
    } catch {
      out[pair.slice(0, eq)] = value;
    }
  }
  return out;
}

function closestHint(sentence: string): string {
  const mapped = mapPolicySentence(sentence);
  return mapped.ok
    ? ''
    : `closest templates: ${mapped.closest.map((c) => `${c.template} (${c.title})`).join(', ') || 'none'}`;
}

/** Registers `opspilot security policies [list]|templates|map|add|delete|admission|enforce`. */
export function securityPoliciesCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('policies').description('the policy library and the stored policies');
  group
    .command('list', { isDefault: true })
    .description('the stored policies')
    .action(async (_o: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const items = await withStore(config, ctx.io.cwd, storedPolicies);
      ctx.print(command, { apiVersion: 'v1', kind: 'SecurityPolicyList', items }, (l) =>
        l.items.length === 0
          ? 'No policies. Add one with `opspilot security policies add NAME --sentence "..."`.\n'
          : `${renderColumns([
              ['NAME', 'TEMPLATE', 'ENFORCEMENT', 'PARAMETERS', 'SENTENCE'],
              ...l.items.map((p) => [
                p.name,
                p.template,
                p.enforcement,
                JSON.stringify(p.parameters),
                p.sentence ?? '-',
              ]),
            ])}\n`,
      );
    });
  group
    .command('templates')
    .description('the policy templates of the library')
    .action((_o: unknown, command: Command) => {
      const items = POLICY_TEMPLATES.map((t) => ({ id: t.id, title: t.title, description: t.description }));
      ctx.print(
        command,
        items,
        (l) =>
          `${renderColumns([['TEMPLATE', 'TITLE', 'DESCRIPTION'], ...l.map((t) => [t.id, t.title, t.description])])}\n`,
      );
    });
  group
    .command('map')
    .description('show which template and parameters a plain-English policy maps to')
    .argument('<sentence...>', 'e.g. all deployments must have an owner label')
    .action((words: string[], _o: unknown, command: Command) => {
      const mapped = mapPolicySentence(words.join(' '));
      ctx.print(command, mapped, (m) =>
        m.ok
          ? `Template: ${m.explanation}\n`
          : `Not mapped: ${m.reason}.\nClosest templates:\n${m.closest.map((c) => `  ${c.template}  ${c.title} — ${c.description}\n`).join('') || '  (none)\n'}`,
      );
      if (!mapped.ok) ctx.run.exitCode = 1;
    });
  group
    .command('add')
    .description('store a policy from a template with parameters, or from a plain-English sentence')
    .argument('<name>', 'policy name')
    .option('--template <id>', 'library template (see `security policies templates`)')
    .option('--param <key=value>', 'template parameter (repeatable; JSON values)', (v: string, p: string[] = []) => [
      ...p,
      v,
    ])
    .option('--sentence <text>', 'a plain-English policy, mapped onto a template')
    .option('--enforcement <mode>', 'audit, warn or deny', 'audit')
    .action(
      async (
        name: string,
        o: { template?: string; param?: string[]; sentence?: string; enforcement: string },
        command: Command,
      ) => {
        let policy: Omit<SecurityPolicy, 'id'>;
        const enforcement = ['audit', 'warn', 'deny'].includes(o.enforcement)
          ? (o.enforcement as SecurityPolicy['enforcement'])
          : undefined;
        if (!enforcement)
          throw new InputError(`invalid --enforcement ${o.enforcement}`, { hint: 'audit, warn or deny' });
        if (o.template) {
          policy = {
            name,
            template: o.template,
            parameters: parameters(o.param ?? []),
            match: {},
            enforcement,
            enabled: true,
          };
        } else if (o.sentence) {
          const mapped = mapPolicySentence(o.sentence);
          if (!mapped.ok) throw new InputError(mapped.reason, { hint: closestHint(o.sentence) });
          policy = {
            name,
            template: mapped.template,
            parameters: mapped.parameters,
            match: mapped.match,
            enforcement,
            enabled: true,
            sentence: o.sentence,
          };
        } else {
          throw new InputError('give --template or --sentence', {
            hint: 'e.g. --sentence "images must come from ghcr.io/acme"',
          });
        }
        preparePolicy({ ...policy, id: 'new' });
        const config = await ctx.loadConfig(command);
        const stored = await withStore(config, ctx.io.cwd, async (store) =>
          policyFromRow(await store.securityPolicies.create(policyRow(policy))),
        );
        ctx.print(command, stored, (p) => `policy ${p.name} added: ${p.template} ${JSON.stringify(p.parameters)}\n`);
      },
    );
  group
    .command('delete')
    .description('delete a stored policy')
    .argument('<name>', 'policy name')
    .action(async (name: string, _o: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      await withStore(config, ctx.io.cwd, async (store) => {
        const found = (await storedPolicies(store)).find((p) => p.name === name);
        if (!found) throw new NotFoundError(`no policy named ${name}`, { hint: 'run `opspilot security policies`' });
        await store.securityPolicies.delete(found.id);
      });
      ctx.io.stdout.write(`policy ${name} deleted\n`);
    });
  group
    .command('admission')
    .description('the ValidatingAdmissionPolicy (CEL) and binding of a stored policy, as YAML to review and apply')
    .argument('<name>', 'policy name')
    .action(async (name: string, _o: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const found = await withStore(config, ctx.io.cwd, async (store) =>
        (await storedPolicies(store)).find((p) => p.name === name),
      );
      if (!found) throw new NotFoundError(`no policy named ${name}`, { hint: 'run `opspilot security policies`' });
      const { policy, binding } = admissionPolicyFor(found);
      ctx.print(
        command,
        { apiVersion: 'v1', kind: 'List', items: [policy, binding] },
        () => `${stringify(policy)}---\n${stringify(binding)}`,
      );
    });
  return group;
}
