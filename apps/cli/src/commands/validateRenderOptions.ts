import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { InputError } from '@opspilot/core';
import { createHelmChartRenderer, createKustomizeRenderer, locateHelm, locateKubectl } from '@opspilot/helm';
import { type CrdSchemaFile, type InputFile, KUSTOMIZATION_FILE, type ValidateOptions } from '@opspilot/manifests';
import type { Command } from 'commander';
import { z } from 'zod';
import { readChartFolder } from './validateInputs.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The options of `opspilot validate` that shape rendering: Helm values and capabilities, CRD schemas. */
const RenderCliOptions = z.object({
  values: z.array(z.string().min(1)).default([]),
  set: z.array(z.string().regex(/^[^=]+=/, 'expected key=value')).default([]),
  namespace: z.string().min(1).optional(),
  kubeVersion: z
    .string()
    .regex(/^v?\d+\.\d+(\.\d+)?$/, 'expected a Kubernetes version such as 1.31 or v1.31.2')
    .optional(),
  apiVersions: z.array(z.string().min(1)).default([]),
  crdDir: z.array(z.string().min(1)).default([]),
});

/** Adds the rendering options to `opspilot validate` (the global `--namespace` is the release namespace). */
export function addRenderOptions(command: Command): Command {
  return command
    .option('-f, --values <file>', 'Helm values file for every chart (repeatable, applied in order)', collect)
    .option('--set <key=value>', 'Helm value override (repeatable)', collect)
    .option(
      '--kube-version <version>',
      'Kubernetes version to validate for: API versions it does not serve are errors; charts render for it',
    )
    .option('--api-versions <group/version>', 'API version charts may rely on (repeatable)', collect)
    .option(
      '--crd-dir <dir>',
      'folder of custom resource schemas, <group>/<kind>_<version>.json (repeatable)',
      collect,
    );
}

/** The JSON schemas of a CRD-catalog folder (kubeconform's layout: `<group>/<kind>_<version>.json`). */
export function readCrdDir(dir: string): CrdSchemaFile[] {
  const out: CrdSchemaFile[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 6) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      const m = /^([a-z0-9-]+)_(v\d+(?:(?:alpha|beta)\d+)?)\.json$/.exec(e.name);
      if (!e.isFile() || !m?.[1] || !m[2]) continue;
      const group = relative(dir, d).split(sep).join('/');
      if (!group) continue;
      let schema: unknown;
      try {
        schema = JSON.parse(readFileSync(full, 'utf8'));
      } catch (error) {
        throw new InputError(`${full} is not valid JSON: ${(error as Error).message}`, {
          hint: 'the CRD folder holds JSON schemas such as monitoring.coreos.com/servicemonitor_v1.json',
        });
      }
      out.push({ group, kind: m[1], version: m[2], schema });
    }
  };
  walk(dir, 0);
  return out;
}

/**
 * The renderers and schemas `validateFiles` gets from the command line: the Helm renderer with the values files,
 * overrides, namespace and capabilities; a kustomize builder (kubectl) only when a kustomization is in the input;
 * the schemas of `--crd-dir` folders.
 */
export function renderOptionsOf(
  command: Command,
  env: Record<string, string | undefined>,
  cwd: string,
  files: InputFile[],
): Pick<ValidateOptions, 'chartRenderer' | 'kustomizeRenderer' | 'crdSchemas' | 'kubeVersion' | 'readChartFolder'> {
  const parsed = RenderCliOptions.safeParse(command.optsWithGlobals());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`invalid option --${issue?.path.join('.')}: ${issue?.message}`, {
      hint: 'Run `opspilot validate --help` for the accepted values.',
    });
  }
  const o = parsed.data;
  const valuesFiles = o.values.map((f) => {
    const full = resolve(cwd, f);
    if (!existsSync(full) || !statSync(full).isFile()) {
      throw new InputError(`values file ${f} does not exist`, { hint: 'give the path of a YAML values file' });
    }
    return full;
  });
  const crdSchemas = o.crdDir.flatMap((d) => {
    const full = resolve(cwd, d);
    if (!existsSync(full) || !statSync(full).isDirectory()) {
      throw new InputError(`--crd-dir ${d} is not a folder`, {
        hint: 'give a folder of <group>/<kind>_<version>.json',
      });
    }
    return readCrdDir(full);
  });
  const helm = locateHelm(env);
  const kubectl = files.some((f) => KUSTOMIZATION_FILE.test(f.path)) ? locateKubectl(env) : undefined;
  return {
    chartRenderer: helm
      ? createHelmChartRenderer({
          binary: helm,
          valuesFiles,
          set: o.set,
          namespace: o.namespace,
          kubeVersion: o.kubeVersion,
          apiVersions: o.apiVersions,
        })
      : undefined,
    kustomizeRenderer: kubectl ? createKustomizeRenderer({ cwd, binary: kubectl }) : undefined,
    crdSchemas: crdSchemas.length > 0 ? crdSchemas : undefined,
    kubeVersion: o.kubeVersion,
    readChartFolder: (dir) => readChartFolder(cwd, dir),
  };
}
