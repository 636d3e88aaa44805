import type { DetectorOptionsInput } from './detectorOptions.js';
import { type DetectedEpisode, SeriesDetector } from './detectors/seriesDetector.js';

/** The scores of a whole series and the episodes found in it. */
export interface SeriesScores {
  /** The combined score of each point (0 to 1). */
  scores: Float32Array;
  episodes: DetectedEpisode[];
}

/**
 * Runs a {@link SeriesDetector} over a whole series (tests, benchmarks, back-testing): `values[i]` at
 * `startSeconds + i * stepSeconds`. Same code path as the streaming scorer.
 */
export function scoreSeries(
  values: ArrayLike<number>,
  options: DetectorOptionsInput & { startSeconds?: number } = {},
): SeriesScores {
  const { startSeconds = 0, ...detectorOptions } = options;
  const detector = new SeriesDetector(detectorOptions);
  const step = detector.options.stepSeconds;
  const scores = new Float32Array(values.length);
  const episodes: DetectedEpisode[] = [];
  for (let i = 0; i < values.length; i++) {
    scores[i] = detector.update(startSeconds + i * step, values[i]!);
    if (detector.opened && detector.episode) episodes.push(detector.episode);
  }
  return { scores, episodes };
}
