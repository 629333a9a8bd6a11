/** Synthetic corpora (pure, deterministic). See national.ts. */
export {
  generateNational, planNational, SYNTHETIC_MARKER, SYNTHETIC_PREFIX,
  type NationalOptions, type NationalPlan, type SyntheticDocument, type SyntheticLevel, type SyntheticKind, type DocKey,
} from './national.js';
export { createRng, type Rng } from './prng.js';
