/** A text in both languages; a side the source does not have is ''. */
export interface StrategyText {
  lv: string;
  en: string;
}

/**
 * One statement of the strategy with the page it came from. `text` is the strategy's own words:
 * published in Latvian only, a quotation keeps `en` '' and is shown in Latvian, marked as such,
 * never translated on the fly; a statement this project words itself (an event) has both. `note`
 * is this project's remark on it ("older LLPA page wording"), in both languages.
 */
export interface StrategyStatement {
  text: StrategyText;
  note?: StrategyText;
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
