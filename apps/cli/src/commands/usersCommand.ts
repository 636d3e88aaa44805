import { randomBytes } from 'node:crypto';
import { InputError, NotFoundError } from '@opspilot/core';
import { hashPassword, MIN_PASSWORD_LENGTH, type Store } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { readStdin } from './validateInputs.js';

/** The user of a login name (names are compared as sign-in does: trimmed, lower case). */
async function userNamed(store: Store, name: string) {
  const username = name.trim().toLowerCase();
  const user = await store.users.findCredentials(username);
  if (!user) {
    throw new NotFoundError(`no user named ${username}`, {
      hint: 'check the name; users are listed by an administrator with GET /api/v1/users',
    });
  }
  return user;
}

/** The first line of standard input as a password, at least {@link MIN_PASSWORD_LENGTH} characters. */
async function passwordFromStdin(ctx: CliContext): Promise<string> {
  const text = Buffer.from(await readStdin(ctx.io.stdin ?? process.stdin)).toString('utf8');
  const password = text.split(/\r?\n/)[0] ?? '';
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new InputError(`the password on standard input is shorter than ${MIN_PASSWORD_LENGTH} characters`, {
      hint: `pipe a password of at least ${MIN_PASSWORD_LENGTH} characters, or leave out --password-stdin to generate one`,
    });
  }
  return password;
}

/**
 * Registers `opspilot users reset-password <user>` and `opspilot users unlock <user>`: account recovery for whoever
 * can open the server's store (its data directory or `database.url`) — which is why they are CLI commands and need
 * no sign-in. A reset ends the user's sessions and lifts their sign-in lock; both are audited.
 */
export function usersCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('users')
    .description("recover accounts through the server's store: reset a password, lift a sign-in lock");
  group
    .command('reset-password')
    .description('set a new password (generated and printed once, or read from standard input); ends their sessions')
    .argument('<user>', 'login name')
    .option('--password-stdin', 'read the new password from the first line of standard input')
    .action(async (name: string, options: { passwordStdin?: boolean }, command: Command) => {
      const chosen = options.passwordStdin ? await passwordFromStdin(ctx) : undefined;
      const password = chosen ?? randomBytes(18).toString('base64url');
      const result = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        const user = await userNamed(store, name);
        await store.users.update(user.id, { password_hash: await hashPassword(password) });
        const sessionsEnded = await store.sessions.deleteForUser(user.id);
        await store.loginAttempts.resetCount({ username: user.username });
        await store.audit.append({
          user_id: 'system',
          action: 'user.reset_password',
          target: `user:${user.id}`,
          details: { username: user.username, via: 'cli', sessions_ended: sessionsEnded },
        });
        return {
          username: user.username,
          sessions_ended: sessionsEnded,
          ...(chosen === undefined ? { password } : {}),
        };
      });
      ctx.print(command, result, (r) =>
        [
          `password of ${r.username} reset; ${r.sessions_ended} session(s) ended, sign-in lock lifted`,
          ...(r.password === undefined ? [] : [`new password (shown once): ${r.password}`]),
          '',
        ].join('\n'),
      );
    });
  group
    .command('unlock')
    .description('lift the sign-in lock of a user after too many failed sign-ins (and of an address with --address)')
    .argument('<user>', 'login name')
    .option('--address <ip>', "also clear the failed sign-ins counted for this address (as the lock's hint names it)")
    .action(async (name: string, options: { address?: string }, command: Command) => {
      const result = await withStore(await ctx.loadConfig(command), ctx.io.cwd, async (store) => {
        const user = await userNamed(store, name);
        await store.loginAttempts.resetCount({ username: user.username });
        if (options.address) await store.loginAttempts.resetCount({ ip: options.address });
        await store.audit.append({
          user_id: 'system',
          action: 'user.unlock',
          target: `user:${user.id}`,
          details: { username: user.username, via: 'cli', ...(options.address ? { address: options.address } : {}) },
        });
        return { username: user.username, unlocked: true, ...(options.address ? { address: options.address } : {}) };
      });
      ctx.print(
        command,
        result,
        (r) => `${r.username} may sign in again${r.address ? ` (also from ${r.address})` : ''}\n`,
      );
    });
  return group;
}
