/**
 * The samples of a range answer kept as the reader found them: timestamps in a Float64Array and, for each value, its
 * start and end in the answer's text, shared by every series of the answer. A series built with {@link packedSeries}
 * has the plain `{ metric, values }` shape of seed 003 (`values` an own, enumerable property: JSON, spreading, zod and
 * equality all see it), but its `[unix_seconds, "value"]` pairs are made only when `values` is first read, then kept.
 * A federated range over 5 clusters × 1,000 series × 241 points is 1.2 million pairs: made at once, they were most of
 * a query's time and of the collector's work, while a chart, `ask` or a top list often reads a few.
 */
export interface SampleStore {
  /** The answer's text; values are slices of it. */
  readonly text: string;
  /** Timestamps, one per sample. */
  times: Float64Array;
  /** Start and end (exclusive) of each sample's value in `text`: `bounds[2k]`, `bounds[2k + 1]`. */
  bounds: Uint32Array;
  /** Samples stored so far. */
  length: number;
}

/** A store for the samples of `text`, sized from its length (it grows when needed). */
export function createSampleStore(text: string): SampleStore {
  // A sample takes at least 16 characters as Prometheus writes it (`[1767268800,"0"],`).
  const capacity = Math.max(16, Math.ceil(text.length / 16));
  return { text, times: new Float64Array(capacity), bounds: new Uint32Array(capacity * 2), length: 0 };
}

/** Appends one sample: its timestamp and where its value is in the text. */
export function pushSample(store: SampleStore, time: number, start: number, end: number): void {
  const k = store.length;
  if (k === store.times.length) {
    const times = new Float64Array(k * 2);
    times.set(store.times);
    const bounds = new Uint32Array(k * 4);
    bounds.set(store.bounds);
    store.times = times;
    store.bounds = bounds;
  }
  store.times[k] = time;
  store.bounds[2 * k] = start;
  store.bounds[2 * k + 1] = end;
  store.length = k + 1;
}

/** Where a series' samples are in a store. */
interface Span {
  store: SampleStore;
  from: number;
  count: number;
}

type Samples = [number, string][];
type Series = { metric: Record<string, string>; values: Samples };

const spans = new WeakMap<object, Span>();

/**
 * What the pairs of a store's series share: the timestamps of the grid every series of a range answer is on (as
 * boxed numbers held in a generic array, so each pair points at one rather than boxing its own) and short values
 * ("0", "1", "0.5"), made once each, as the engine's JSON parser shares short strings.
 */
interface Shared {
  grid: unknown[];
  short: Map<string, string>;
}
const shared = new WeakMap<SampleStore, Shared>();

/** The pairs of a span, made now. */
function unpack({ store, from, count }: Span): Samples {
  const { text, times, bounds } = store;
  let common = shared.get(store);
  if (!common) {
    // A string first keeps the array generic: numbers stay the boxes they were stored as.
    common = { grid: [''], short: new Map() };
    shared.set(store, common);
  }
  const { grid, short } = common;
  const values: Samples = new Array(count);
  for (let k = 0; k < count; k++) {
    const j = from + k;
    const t = times[j]!;
    let time = grid[k + 1];
    if (time !== t) {
      if (time === undefined) grid.push(t);
      time = t;
    }
    const start = bounds[2 * j]!;
    const end = bounds[2 * j + 1]!;
    let value = text.slice(start, end);
    if (end - start <= 10) {
      const known = short.get(value);
      if (known === undefined) short.set(value, value);
      else value = known;
    }
    values[k] = [time as number, value];
  }
  return values;
}

/** Pairs made for a series that could not take them as a plain property (a frozen or sealed series). */
const made = new WeakMap<object, Samples>();

function setValues(series: object, values: Samples): void {
  if (Object.isExtensible(series)) {
    Object.defineProperty(series, 'values', { value: values, writable: true, enumerable: true, configurable: true });
    spans.delete(series);
  } else made.set(series, values);
}

/** One accessor pair for every packed series (so they share one hidden class). */
const VALUES: PropertyDescriptor = {
  get(this: object): Samples {
    const known = made.get(this);
    if (known) return known;
    const span = spans.get(this);
    const values = span ? unpack(span) : [];
    setValues(this, values);
    return values;
  },
  set(this: object, values: Samples) {
    setValues(this, values);
  },
  enumerable: true,
  configurable: true,
};

function withSpan(metric: Record<string, string>, span: Span): Series {
  const series = { metric } as Series;
  Object.defineProperty(series, 'values', VALUES);
  spans.set(series, span);
  return series;
}

/** A series whose `count` samples are in `store` from index `from`, made into pairs when first read. */
export function packedSeries(metric: Record<string, string>, store: SampleStore, from: number, count: number): Series {
  return withSpan(metric, { store, from, count });
}

/**
 * `series` with other labels and the same samples: still packed when its pairs have not been made, so relabelling
 * (tagging a cluster, merging answers) does not make them.
 */
export function relabelled<S extends Series>(series: S, metric: Record<string, string>): Series {
  const span = spans.get(series);
  return span ? withSpan(metric, span) : { metric, values: series.values };
}

/** How many samples a series has, without making its pairs. */
export function sampleCount(series: Series): number {
  return spans.get(series)?.count ?? series.values.length;
}

/**
 * Where a series' samples still are when its pairs have not been made (for writers that copy them straight from the
 * answer's text, see stringifyAnswer); undefined once they have been made or for a plain series.
 */
export function packedSpan(series: object): { store: SampleStore; from: number; count: number } | undefined {
  return made.has(series) ? undefined : spans.get(series);
}
