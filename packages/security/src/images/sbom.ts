import { InputError } from '@opspilot/core';
import { z } from 'zod';

/** A package of an image as an SBOM lists it. */
export interface SbomComponent {
  name: string;
  version: string;
  /** OSV ecosystem (`npm`, `PyPI`, `Go`, `Debian`, `Alpine`…) from the purl, when it has one. */
  ecosystem?: string;
  purl?: string;
}

const PURL_ECOSYSTEM: Record<string, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  maven: 'Maven',
  gem: 'RubyGems',
  cargo: 'crates.io',
  nuget: 'NuGet',
  deb: 'Debian',
  apk: 'Alpine',
  composer: 'Packagist',
  hex: 'Hex',
  pub: 'Pub',
};

/** Ecosystem, name and version from a package URL (`pkg:npm/%40scope/name@1.2.3?x=y`). */
export function parsePurl(purl: string): { ecosystem?: string; name: string; version?: string } | undefined {
  const m = /^pkg:([a-z0-9.+-]+)\/(.+?)(?:@([^?#]+))?(?:[?#].*)?$/i.exec(purl);
  if (!m) return undefined;
  const type = m[1]!.toLowerCase();
  let name = decodeURIComponent(m[2]!);
  if (type === 'deb' || type === 'apk') name = name.split('/').pop() ?? name;
  if (type === 'maven') name = name.replace('/', ':');
  return { ecosystem: PURL_ECOSYSTEM[type], name, ...(m[3] ? { version: decodeURIComponent(m[3]) } : {}) };
}

const CycloneDx = z.object({
  bomFormat: z.literal('CycloneDX'),
  specVersion: z.string(),
  components: z
    .array(z.object({ name: z.string().min(1), version: z.string().optional(), purl: z.string().optional() }).loose())
    .default([]),
});

const Spdx = z.object({
  spdxVersion: z.string().startsWith('SPDX-'),
  packages: z
    .array(
      z
        .object({
          name: z.string().min(1),
          versionInfo: z.string().optional(),
          externalRefs: z
            .array(z.object({ referenceType: z.string(), referenceLocator: z.string() }).loose())
            .optional(),
        })
        .loose(),
    )
    .default([]),
});

function fieldError(file: string, error: z.ZodError): InputError {
  const issue = error.issues[0];
  return new InputError(`${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
    hint: 'give a CycloneDX or SPDX JSON SBOM (e.g. `syft IMAGE -o cyclonedx-json`)',
  });
}

function component(name: string, version: string | undefined, purl: string | undefined): SbomComponent | undefined {
  const parsed = purl ? parsePurl(purl) : undefined;
  const v = version ?? parsed?.version;
  if (!v) return undefined;
  return {
    name: parsed?.name ?? name,
    version: v,
    ...(parsed?.ecosystem ? { ecosystem: parsed.ecosystem } : {}),
    ...(purl ? { purl } : {}),
  };
}

/**
 * The packages of a CycloneDX or SPDX JSON SBOM. A file that is not JSON, or not either format, is an InputError
 * naming the file and the field.
 */
export function parseSbom(text: string, file: string): { format: 'cyclonedx' | 'spdx'; components: SbomComponent[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`, {
      hint: 'SBOMs are read as CycloneDX or SPDX JSON',
    });
  }
  if (typeof json === 'object' && json !== null && 'bomFormat' in json) {
    const bom = CycloneDx.safeParse(json);
    if (!bom.success) throw fieldError(file, bom.error);
    return {
      format: 'cyclonedx',
      components: bom.data.components.flatMap((c) => component(c.name, c.version, c.purl) ?? []),
    };
  }
  const spdx = Spdx.safeParse(json);
  if (!spdx.success) {
    if (typeof json === 'object' && json !== null && !('spdxVersion' in json))
      throw new InputError(`${file}: field bomFormat/spdxVersion: neither a CycloneDX nor an SPDX document`, {
        hint: 'give a CycloneDX or SPDX JSON SBOM',
      });
    throw fieldError(file, spdx.error);
  }
  return {
    format: 'spdx',
    components: spdx.data.packages.flatMap((p) => {
      const purl = p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
      return component(p.name, p.versionInfo, purl) ?? [];
    }),
  };
}
