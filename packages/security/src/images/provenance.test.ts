import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProvenance } from './provenance.js';

const text = readFileSync(join(import.meta.dirname, '__fixtures__/provenance.dsse.json'), 'utf8');
const IMAGE = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';

describe('checkProvenance', () => {
  it('reads a DSSE envelope: SLSA v1 builder, subject matching the image, signature present', () => {
    expect(checkProvenance(text, 'p.json', [IMAGE])).toEqual({
      predicateType: 'https://slsa.dev/provenance/v1',
      builder: 'https://example.invalid/test-fixture/builder',
      buildType: 'https://example.invalid/test-fixture/build@v1',
      subjects: [IMAGE],
      matchesImage: true,
      signed: true,
      problems: [],
    });
  });

  it('reports a subject of another image, an unsigned bare statement, and malformed input by field', () => {
    expect(checkProvenance(text, 'p.json', ['sha256:ffff']).problems[0]).toMatch(/no subject of p.json is the image/);
    const envelope = JSON.parse(text);
    const bare = Buffer.from(envelope.payload, 'base64').toString('utf8');
    expect(checkProvenance(bare, 'bare.json', [IMAGE]).problems).toEqual(['the attestation is not signed']);
    expect(checkProvenance(JSON.stringify({ dsseEnvelope: envelope }), 'bundle.json', [IMAGE]).signed).toBe(true);
    expect(() => checkProvenance(JSON.stringify({ ...envelope, payload: 42 }), 'bad.json', [])).toThrow(
      /bad\.json: field payload/,
    );
    expect(() => checkProvenance('{"_type":"x"}', 'st.json', [])).toThrow(/st\.json: field _type/);
  });
});
