import type { AnomalyType } from '@opspilot/core';
import { type DetectorOptions, type DetectorOptionsInput, detectorOptions } from '../detectorOptions.js';
import { Cusum } from './cusum.js';
import { HoltWinters } from './holtWinters.js';
import { logistic } from './logistic.js';
import { RobustBaseline } from './robustBaseline.js';
import { SeasonalProfile } from './seasonalProfile.js';

/** How much each detector contributed to the combined score of a point, each from 0 to 1. */
export interface ScoreComponents {
  /** Holt-Winters one-step forecast residual. */
  forecast: number;
  /** CUSUM change point. */
  changePoint: number;
  /** Distance from the slow robust baseline (seasonality removed). */
  baseline: number;
  /** A configured threshold was crossed (0 or 1). */
  threshold: number;
}

/** The start of an anomalous episode of one series, with what is needed to explain it. */
export interface DetectedEpisode {
  /** Index of the point (0-based over the points given) and its unix time in seconds. */
  index: number;
  time: number;
  type: AnomalyType;
  /** +1 above normal, -1 below. */
  direction: 1 | -1;
  /** Combined score at the start, the confidence (0 to 1). */
  score: number;
  actual: number;
  /** What the detectors expected at that moment (forecast including seasonality). */
  expected: number;
  /** The robust normal level (slow baseline plus the seasonal part) and its scale. */
  normal: number;
  normalScale: number;
  /** Signed robust deviations of `actual` from `normal`. */
  deviations: number;
  seasonal: boolean;
  components: ScoreComponents;
}

/**
 * A streaming anomaly detector for one series: O(1) time and fixed memory per point (the seasonal profile is a
 * typed array). Each point is scored by three detectors combined as a noisy-OR — the Holt-Winters forecast
 * residual (sudden spikes and drops), a CUSUM change point on those residuals (level shifts and drifts too small
 * for one point) and the distance from a slow robust baseline (how far from normal, seasonality removed) — plus
 * configured thresholds. Scores open and close episodes with hysteresis (`enterScore`, `exitScore`, `clearPoints`,
 * `cooldownPoints`), so a flapping series yields one episode, not one per flap.
 * @example
 * const d = new SeriesDetector({ stepSeconds: 60 });
 * for (const [t, v] of points) if (d.update(t, v) && d.opened) report(d.episode!);
 */
export class SeriesDetector {
  readonly options: DetectorOptions;
  private readonly season: SeasonalProfile;
  private readonly baseline: RobustBaseline;
  private readonly hw: HoltWinters;
  private readonly cusum: Cusum;
  private readonly drift: Cusum;
  private n = 0;
  private index = -1;
  private calm = 0;
  private activeFor = 0;
  /** The last point's values, kept in fields so that scoring a point allocates nothing. */
  private readonly point = { t: 0, x: 0, s: 0, forecast: 0, z: 0, zb: 0, sF: 0, sC: 0, sB: 0, breach: 0 };
  private cooldown = 0;
  /** Whether an episode is open. */
  active = false;
  /** Whether the last point opened an episode (then {@link episode} describes it). */
  opened = false;
  /** The episode opened most recently. */
  episode: DetectedEpisode | undefined;
  /** The combined score of the last point. */
  score = 0;

  constructor(options: DetectorOptionsInput | DetectorOptions = {}) {
    const o = detectorOptions(options);
    this.options = o;
    this.season = new SeasonalProfile(o.seasonSeconds, o.stepSeconds, o.maxSeasonSlots, o.gamma);
    this.baseline = new RobustBaseline(o.baselineAlpha, o.huber);
    this.hw = new HoltWinters(o.alpha, o.beta, o.scaleAlpha, o.huber);
    this.cusum = new Cusum(o.cusumK);
    this.drift = new Cusum(o.driftK);
  }

  /** Scores the value `x` at unix time `t` (seconds) and learns it; returns the combined score (0 when not finite). */
  update(t: number, x: number): number {
    this.opened = false;
    this.index++;
    if (!Number.isFinite(x)) return 0;
    const o = this.options;
    const slot = this.season.slotOf(t);
    if (!this.season.formed && this.season.complete(t)) this.formSeason();
    const s = this.season.at(slot);
    const d = x - s;
    const warming = this.n < o.warmupPoints;
    const floor = Math.max(o.minAbsoluteScale, o.minRelativeScale * Math.abs(this.baseline.level));
    const forecast = this.hw.started ? this.hw.forecast() : d;
    const r = d - forecast;
    const z = r / Math.max(this.hw.scale, floor);
    const zb = this.baseline.deviation(d, floor);
    // Change points: CUSUM of the forecast residuals (shifts the forecast has not absorbed yet) and of the distance
    // from the slow baseline (drifts the forecast follows), the latter on its own decision interval.
    // Until a whole season has been seen, the baseline still carries the daily cycle: only the forecast judges.
    const mature = this.season.slots === 0 || this.season.formed;
    const gDrift = warming || !mature ? 0 : (this.drift.update(zb) * o.cusumH) / o.driftH;
    const g = warming ? 0 : Math.max(this.cusum.update(z), gDrift);
    const breach = o.thresholds
      ? (o.thresholds.above !== undefined && x > o.thresholds.above) ||
        (o.thresholds.below !== undefined && x < o.thresholds.below)
      : false;
    let score = 0;
    let sF = 0;
    let sC = 0;
    let sB = 0;
    if (!warming) {
      const az = Math.abs(z);
      const azb = Math.abs(zb);
      if (az > 1.5) sF = logistic(az, o.spikeZ, 0.6);
      if (g > o.cusumH * 0.4) sC = logistic(g, o.cusumH, o.cusumH * 0.12);
      if (azb > 2 && mature) sB = logistic(azb, o.baselineZ, 0.8);
      score = 1 - (1 - sF) * (1 - sC) * (1 - sB);
    }
    if (breach) score = Math.max(score, 0.99);
    this.score = score;
    const p = this.point;
    p.t = t;
    p.x = x;
    p.s = s;
    p.forecast = forecast;
    p.z = z;
    p.zb = zb;
    p.sF = sF;
    p.sC = sC;
    p.sB = sB;
    p.breach = breach ? 1 : 0;
    this.track(score);

    this.n++;
    this.hw.learn(d, r, floor, warming);
    this.baseline.learn(d, floor, warming);
    const limit = o.huber * Math.max(this.hw.scale, floor);
    const seasonal = x - this.baseline.level - s;
    this.season.learn(slot, x, s + (warming ? seasonal : Math.max(-limit, Math.min(limit, seasonal))));
    return score;
  }

  /** The first season is complete: the baseline restarts from the season's mean, the forecast without the cycle. */
  private formSeason(): void {
    const mean = this.season.form();
    this.baseline.rebase(mean, this.hw.scale);
    this.hw.rebase(mean);
    this.drift.reset();
  }

  private track(score: number): void {
    const o = this.options;
    const { t, x, s, forecast, z, zb } = this.point;
    if (this.active) {
      this.activeFor++;
      // A shift the forecast has absorbed and that lasted `acceptAfterPoints` is the new normal.
      if (this.activeFor >= o.acceptAfterPoints && this.point.sF < 0.1) {
        this.baseline.rebase(this.hw.level, this.baseline.scale);
        this.cusum.reset();
        this.drift.reset();
      }
      this.calm = score < o.exitScore ? this.calm + 1 : 0;
      if (this.calm >= o.clearPoints) {
        this.active = false;
        this.cooldown = o.cooldownPoints;
        this.cusum.reset();
        this.drift.reset();
      }
      return;
    }
    if (this.cooldown > 0) {
      this.cooldown--;
      return;
    }
    if (score < o.enterScore) return;
    this.active = true;
    this.opened = true;
    this.calm = 0;
    this.activeFor = 0;
    const p = this.point;
    const components: ScoreComponents = { forecast: p.sF, changePoint: p.sC, baseline: p.sB, threshold: p.breach };
    const normal = this.baseline.level + s;
    const direction: 1 | -1 = (components.forecast >= components.changePoint ? z : zb) >= 0 ? 1 : -1;
    this.episode = {
      index: this.index,
      time: t,
      type: this.classify(x, s, z, zb, components, direction),
      direction,
      score,
      actual: x,
      expected: forecast + s,
      normal,
      normalScale: Math.max(this.baseline.scale, o.minAbsoluteScale),
      deviations: zb,
      seasonal: this.season.formed,
      components,
    };
  }

  private classify(x: number, s: number, z: number, zb: number, c: ScoreComponents, direction: 1 | -1): AnomalyType {
    if (c.threshold > 0 && c.forecast < 0.5 && c.changePoint < 0.5 && c.baseline < 0.5) return 'THRESHOLD_BREACH';
    if (c.forecast >= 0.5 && Math.abs(z) >= this.options.spikeZ) {
      // Within the usual range of the whole day, but not of this hour: the daily pattern broke.
      const plain = Math.abs(x - this.baseline.level) / Math.max(this.baseline.scale, 1e-12);
      if (this.season.formed && Math.abs(s) > 0 && plain < 3 && Math.abs(zb) >= 3) return 'PATTERN_BREAK';
      return direction > 0 ? 'SPIKE' : 'DROP';
    }
    if (c.threshold > 0) return 'THRESHOLD_BREACH';
    return 'TREND_CHANGE';
  }
}
