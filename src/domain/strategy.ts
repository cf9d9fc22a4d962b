/** One statement of the strategy, in its own (Latvian) words, with the page it came from. */
export interface StrategyStatement {
  text: string;
  source: string;
}

/**
 * What "Latvijas valstspilsētu darbības stratēģija 2027" itself says, as published: quoted with
 * its source, never presented as a figure computed from data.
 */
export interface StrategyFacts {
  dimensions: StrategyStatement[];
  fields: StrategyStatement[];
  challenges: StrategyStatement[];
  claims: StrategyStatement[];
  events: StrategyStatement[];
}
