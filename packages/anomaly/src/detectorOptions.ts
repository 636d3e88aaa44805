import { z } from 'zod';

/** Fixed limits a value must stay within (a THRESHOLD_BREACH when it does not), e.g. an error ratio above 0.05. */
export const Thresholds = z
  .object({
    above: z.number().optional(),
    below: z.number().optional(),
  })
  .refine((t) => t.above === undefined || t.below === undefined || t.below < t.above, {
    message: 'below must be less than above',
    path: ['below'],
  });
export type Thresholds = z.infer<typeof Thresholds>;

/**
 * Tuning of a {@link SeriesDetector} (see docs/anomalies.md). Defaults suit 15 s to 5 min samples of operational
 * series; rates are per point, so they are independent of the step except for the season.
 */
export const DetectorOptions = z.object({
  /** Seconds between points (the query step); with `seasonSeconds` it sizes the seasonal profile. */
  stepSeconds: z.number().positive().default(60),
  /** Length of the season (a day by default); 0 turns seasonality off. */
  seasonSeconds: z.number().min(0).default(86_400),
  /** Most slots of a seasonal profile; a finer season is coarsened to fit (memory stays bounded per series). */
  maxSeasonSlots: z.int().min(2).max(100_000).default(1_440),
  /** Holt-Winters smoothing of the level, the trend and the seasonal profile (per point, per slot visit). */
  alpha: z.number().gt(0).lt(1).default(0.2),
  beta: z.number().gt(0).lt(1).default(0.02),
  gamma: z.number().gt(0).lt(1).default(0.25),
  /** Smoothing of the slow robust baseline ("normal") and of the residual scale. */
  baselineAlpha: z.number().gt(0).lt(1).default(0.01),
  scaleAlpha: z.number().gt(0).lt(1).default(0.05),
  /** Residuals beyond this many deviations are clipped before they update any state (Huber), so outliers do not become normal. */
  huber: z.number().positive().default(3),
  /** Points learned before any score is given. */
  warmupPoints: z.int().min(2).default(30),
  /** The smallest deviation scale, as a share of the level and as an absolute value (flat series). */
  minRelativeScale: z.number().min(0).default(0.02),
  minAbsoluteScale: z.number().min(0).default(1e-9),
  /** Deviations at which the spike and baseline scores reach one half. */
  spikeZ: z.number().positive().default(5),
  baselineZ: z.number().positive().default(7),
  /** CUSUM allowance and decision interval, in deviations. */
  cusumK: z.number().min(0).default(0.75),
  cusumH: z.number().positive().default(12),
  /** CUSUM of the distance from the baseline (drifts): allowance and decision interval, in deviations. */
  driftK: z.number().min(0).default(2),
  driftH: z.number().positive().default(30),
  /** An episode opens at this combined score and closes after `clearPoints` points below `exitScore` (hysteresis). */
  enterScore: z.number().gt(0).lt(1).default(0.8),
  exitScore: z.number().gt(0).lt(1).default(0.4),
  clearPoints: z.int().min(1).default(5),
  /** An episode still open after this many points, with the forecast caught up, is taken as the new normal. */
  acceptAfterPoints: z.int().min(1).default(60),
  /** Points after an episode closes before another may open on the same series. */
  cooldownPoints: z.int().min(0).default(15),
  thresholds: Thresholds.optional(),
});
export type DetectorOptions = z.infer<typeof DetectorOptions>;
export type DetectorOptionsInput = z.input<typeof DetectorOptions>;

const parsed = new WeakSet<object>();

/**
 * Parses detector options once, for many detectors: a detector given the returned object skips validation (the
 * scanner and the benchmarks create thousands of detectors with the same options).
 */
export function detectorOptions(input: DetectorOptionsInput | DetectorOptions = {}): DetectorOptions {
  if (parsed.has(input)) return input as DetectorOptions;
  const options = Object.freeze(DetectorOptions.parse(input));
  parsed.add(options);
  return options;
}
