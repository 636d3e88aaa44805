import { createRequire } from 'node:module';
import { type DockerProblem, dockerRule } from '../dockerRule.js';

// Required when a Dockerfile is checked, not imported, so validating YAML does not load it (see dockerDoc.ts).
const require = createRequire(import.meta.url);

/** LSP DiagnosticSeverity.Error. */
const ERROR = 1;

/**
 * The Dockerfile must parse: known instructions, required arguments, FROM first, valid flags — checked with
 * dockerfile-utils. Problems that other rules report with more detail are left to them.
 * @see https://docs.docker.com/reference/dockerfile/
 */
export const dockerSyntax = dockerRule({
  id: 'docker-syntax',
  category: 'reliability',
  severity: 'ERROR',
  description: 'The Dockerfile must be syntactically valid',
  fix: 'correct the instruction as the message says',
  check: (doc) => {
    const { validate } = require('dockerfile-utils') as typeof import('dockerfile-utils');
    const problems: DockerProblem[] = validate(doc.text)
      .filter((d) => d.severity === ERROR)
      .map((d) => ({
        message: typeof d.message === 'string' ? d.message : d.message.value,
        at: {
          keyword: '',
          text: '',
          args: [],
          flags: new Map(),
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          json: false,
          stage: -1,
        },
      }));
    if (doc.stages.length === 0 && problems.length === 0)
      problems.push({ message: 'the Dockerfile has no FROM instruction' });
    return problems;
  },
});
