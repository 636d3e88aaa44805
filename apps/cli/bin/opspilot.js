#!/usr/bin/env node
// The `opspilot` command: runs src/main.ts in this process through tsx (resolved from the repository's
// node_modules), so there is no build step. main.ts owns argv, stdio and the exit code.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/main.ts', import.meta.url).href);
