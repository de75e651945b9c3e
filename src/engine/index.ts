/** Loyalty Lab's engine: pure TypeScript, no DOM, no workers; runs the same in a worker, in Node and in tests. */
export { DEFAULT_SEGMENTS, defaultDimensions, defaultLevers, defaultScenario, everyone } from './defaults.ts';
export {
  HEALTH,
  HEALTH_BANDS,
  type HealthBand,
  healthBand,
  healthScore,
  historyMonths,
  recentRate,
  usualVisitRate,
} from './health.ts';
export { METRIC_INDEX, METRICS, type MetricName, series } from './metrics.ts';
export { PURPOSES, Stream, streamKeys } from './rng.ts';
export * from './scenario.ts';
export { type RunResult, type SegmentResult, Simulation, simulate, topShare } from './simulate.ts';
export { Flag, SOURCE_NAMES, Source, STAGE_NAMES, Stage, UNSCORED } from './state.ts';
export {
  customerStory,
  healthStory,
  MAX_TRACED,
  type PopulationTrace,
  type StoryEvent,
  tracePopulation,
} from './trace.ts';
export {
  assertRunnable,
  DEFAULT_MEMORY_LIMIT_BYTES,
  estimateMemoryBytes,
  MAX_HORIZON_MONTHS,
  MAX_MARKET_SIZE,
  RANGES,
  ScenarioError,
  type ScenarioIssue,
  SEGMENT_RANGES,
  validateScenario,
} from './validate.ts';
