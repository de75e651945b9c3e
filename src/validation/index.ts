/** The validation suite: published effect sizes (docs/evidence.md §2) measured in the shipped worlds. */
export { KNOWN_DEPARTURES } from './departures.ts';
export { formatFigure, markdownTable, rows, STATUS_TEXT, textTable } from './format.ts';
export { Lab, scaleWorld, type Watch, type WorldLoader } from './lab.ts';
export { CHECKS, checkById } from './registry.ts';
export { collect, conclude, measure, plan, replicate, status, type Task, validate } from './run.ts';
export type * from './types.ts';
