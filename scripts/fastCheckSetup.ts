// Vitest setup file of every project (see vitest.config.ts): every fast-check property of the run uses the seed the
// config chose and printed, unless a test passes its own.
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED);
if (Number.isSafeInteger(seed)) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
