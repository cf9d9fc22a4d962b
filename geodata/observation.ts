import type { Observation } from '../src/domain/indicators.ts';

/** An observation as an input file gives it: its provenance line as written, and where it was read (for error messages). */
export interface RawObservation extends Omit<Observation, 'source'> {
  source: string;
  file: string;
  line: number;
}
