import { randomUUID } from 'node:crypto';
import { type AuditTrailEntry, GENESIS_HASH } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { auditEntryHash } from './auditHash.js';
import { findChainBreak } from './findChainBreak.js';

type Content = Omit<AuditTrailEntry, 'hash'>;

const seal = (content: Content): AuditTrailEntry => ({ ...content, hash: auditEntryHash(content) });

function content(sequence: number, prev_hash: string, user_id = 'alice'): Content {
  return {
    interaction_id: randomUUID(),
    sequence,
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, sequence)).toISOString(),
    ai_tool: 'opspilot-planner',
    input_prompt: `scale app-${sequence}`,
    output_generated: 'plan',
    user_id,
    status: 'SUCCESS',
    action: 'plan.applied',
    details: { step: sequence },
    prev_hash,
  };
}

/** A correctly chained log of `n` entries. */
function chain(n: number): AuditTrailEntry[] {
  const entries: AuditTrailEntry[] = [];
  for (let s = 1; s <= n; s++) entries.push(seal(content(s, entries.at(-1)?.hash ?? GENESIS_HASH)));
  return entries;
}

const renumber = (entries: AuditTrailEntry[]) => entries.map((e, i) => ({ ...e, sequence: i + 1 }));
const firstBad = (entries: AuditTrailEntry[]) => findChainBreak(entries).firstBad;

describe('findChainBreak', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(findChainBreak(chain(5))).toEqual({ ok: true, checked: 5 });
    expect(findChainBreak([])).toEqual({ ok: true, checked: 0 });
  });

  it('reports an edited field, a rewritten entry with a recomputed hash, and an edited prev_hash as EDITED', () => {
    const edited = chain(5);
    edited[2] = { ...edited[2]!, user_id: 'mallory' };
    expect(firstBad(edited)).toMatchObject({ sequence: 3, problem: 'EDITED' });

    const rewritten = chain(5);
    const { hash: _hash, ...third } = rewritten[2]!;
    rewritten[2] = seal({ ...third, output_generated: 'nothing happened' });
    expect(findChainBreak(rewritten)).toMatchObject({
      ok: false,
      checked: 4,
      firstBad: { sequence: 3, problem: 'EDITED' },
    });

    const relinked = chain(5);
    relinked[2] = { ...relinked[2]!, prev_hash: 'f'.repeat(64) };
    expect(firstBad(relinked)).toMatchObject({
      sequence: 3,
      problem: 'EDITED',
      message: expect.stringContaining('prev_hash'),
    });
  });

  it('reports a deleted entry as DELETED, whether or not the rest was renumbered', () => {
    const gap = chain(5).filter((e) => e.sequence !== 3);
    expect(findChainBreak(gap)).toMatchObject({ ok: false, checked: 3, firstBad: { sequence: 3, problem: 'DELETED' } });
    expect(firstBad(renumber(gap))).toMatchObject({ sequence: 3, problem: 'DELETED' });
    expect(firstBad(chain(5).slice(1))).toMatchObject({ sequence: 1, problem: 'DELETED' });
  });

  it('reports a forged entry with a correct hash of its own as INSERTED at its position', () => {
    const entries = chain(5);
    const forged = seal(content(3, entries[1]!.hash, 'mallory'));
    const renumbered = renumber([...entries.slice(0, 2), forged, ...entries.slice(2)]);
    expect(firstBad(renumbered)).toMatchObject({ sequence: 3, problem: 'INSERTED' });
    // Without renumbering (a duplicate sequence), in either order of the two #3 rows.
    expect(firstBad([...entries.slice(0, 2), forged, ...entries.slice(2)])).toMatchObject({
      sequence: 3,
      problem: 'INSERTED',
    });
    const genuineFirst = [...entries.slice(0, 3), forged, ...entries.slice(3)];
    expect(firstBad(genuineFirst)).toMatchObject({ sequence: 3, problem: 'INSERTED' });
  });

  it('names the forged entry, not the genuine one, when it is chained further back', () => {
    const entries = chain(5);
    const forged = seal(content(3, entries[0]!.hash, 'mallory'));
    const renumbered = renumber([...entries.slice(0, 2), forged, ...entries.slice(2)]);
    expect(firstBad(renumbered)).toMatchObject({ sequence: 3, problem: 'INSERTED' });
    const secondGenesis = [...entries, seal(content(6, GENESIS_HASH, 'mallory'))];
    expect(firstBad(secondGenesis)).toMatchObject({ sequence: 6, problem: 'INSERTED' });
  });

  it('reports two swapped entries as REORDERED', () => {
    const entries = chain(5);
    const swapped = [
      entries[0]!,
      entries[1]!,
      { ...entries[3]!, sequence: 3 },
      { ...entries[2]!, sequence: 4 },
      entries[4]!,
    ];
    expect(firstBad(swapped)).toMatchObject({ sequence: 3, problem: 'REORDERED' });
  });
});
