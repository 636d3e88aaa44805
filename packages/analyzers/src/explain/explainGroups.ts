import type { ClusterSnapshot, LanguageModel } from '@opspilot/core';
import { z } from 'zod';
import type { FindingGroup } from '../grouping/groupFindings.js';
import { explainOffline } from './explainOffline.js';
import { explainRequest } from './explainPrompt.js';
import { maskFindings } from './maskFindings.js';

/** The explanation of one group: from the model, or built offline from the evidence. */
export interface Explanation {
  groupId: string;
  source: 'offline' | 'model';
  text: string;
  /** Why the model's explanation could not be used (the offline one is given instead). */
  error?: string;
}

/** Options of {@link explainGroups}. */
export interface ExplainOptions {
  /** When given, each group is explained by it (masked); otherwise offline. */
  model?: LanguageModel;
  signal?: AbortSignal;
}

const ModelAnswer = z.object({ text: z.string().trim().min(1, 'the model returned no text').max(8000) });

/**
 * Explains each group. Offline (the default) builds the text from the evidence. With a model, each group's
 * findings are masked (`maskFindings`: names, namespaces, labels, IPs and every Secret-derived value), sent as
 * untrusted data in the prompt, and the answer is unmasked; a model failure or an empty answer falls back to the
 * offline explanation with the error noted.
 * @example
 * const explanations = await explainGroups(groups, snapshot, { model });
 */
export async function explainGroups(
  groups: FindingGroup[],
  snapshot: ClusterSnapshot,
  options: ExplainOptions = {},
): Promise<Explanation[]> {
  const out: Explanation[] = [];
  for (const group of groups) {
    const offline = explainOffline(group);
    if (!options.model) {
      out.push({ groupId: group.id, source: 'offline', text: offline });
      continue;
    }
    const { findings, masker } = maskFindings([group.rootCause, ...group.symptoms], snapshot);
    const [root, ...symptoms] = findings;
    try {
      const result = await options.model.generate(explainRequest({ rootCause: root, symptoms }, options.signal));
      const answer = ModelAnswer.safeParse(result);
      if (!answer.success) throw new Error(answer.error.issues[0]?.message ?? 'unusable answer');
      out.push({ groupId: group.id, source: 'model', text: masker.unmask(answer.data.text) });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      out.push({
        groupId: group.id,
        source: 'offline',
        text: offline,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return out;
}
