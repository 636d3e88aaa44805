import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import gitlabSchema from './schemas/gitlab-ci.schema.json' with { type: 'json' };

/** The CI systems opspilot generates pipelines for. */
export type CiSystem = 'github' | 'gitlab';

/** One problem a CI system's schema found in a pipeline. */
export interface PipelineProblem {
  path: string;
  message: string;
}

let gitlabValidator: ReturnType<Ajv['compile']> | undefined;

function validateGitlab(content: string): PipelineProblem[] {
  let doc: unknown;
  try {
    doc = parse(content);
  } catch (error) {
    return [{ path: '', message: `not YAML: ${(error as Error).message}` }];
  }
  gitlabValidator ??= new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(gitlabSchema);
  if (gitlabValidator(doc)) return [];
  return (gitlabValidator.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'invalid' }));
}

async function validateGithub(content: string, name: string): Promise<PipelineProblem[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const problems = parsed.context.errors.getErrors().map((e) => ({ path: name, message: e.message }));
  if (parsed.value && problems.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    problems.push(...(template.errors ?? []).map((e) => ({ path: name, message: e.Message })));
  }
  return problems;
}

/**
 * Validates a pipeline against its CI system's published schema: GitHub Actions workflows with GitHub's own
 * workflow parser and schema (`@actions/workflow-parser`), GitLab CI with GitLab's published `ci.json` schema
 * (vendored; see `schemas/NOTICE.md`). An empty list means valid.
 * @see https://docs.github.com/actions/reference/workflow-syntax-for-github-actions
 * @see https://docs.gitlab.com/ci/yaml/
 */
export async function validatePipeline(
  ci: CiSystem,
  content: string,
  name = 'pipeline.yml',
): Promise<PipelineProblem[]> {
  return ci === 'gitlab' ? validateGitlab(content) : validateGithub(content, name);
}
