/** Public types of the coder: the article that goes in and the coded article that comes out. */

export interface Article {
  id: string;
  text: string;
  /** Publication date, YYYY-MM-DD. Relative time words are resolved against it. */
  published: string;
  title?: string;
  url?: string;
}

export type Span = [start: number, end: number];

export type Sector =
  | 'GOV'
  | 'MIL'
  | 'COP'
  | 'JUD'
  | 'LEG'
  | 'OPP'
  | 'REB'
  | 'BUS'
  | 'MED'
  | 'CVL'
  | 'NGO'
  | 'IGO'
  | 'ELI'
  | 'SPY';

export interface CodedActor {
  /** The words in the article. */
  text: string;
  /** Canonical name: the person, organisation or state. */
  name: string;
  /** What event data is compared on: ISO alpha-3 for states, bloc or organisation key otherwise. */
  key: string;
  country: string | null;
  org: string | null;
  sector: Sector | null;
  /** CAMEO-style code, e.g. RUSGOV, IGOEU. */
  code: string;
  span: Span;
  /** Canonical person name when the actor is a person. */
  person?: string;
}

export interface CodedAction {
  text: string;
  lemma: string;
  span: Span;
}

export type Modality = 'asserted' | 'intended' | 'reported';
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface CodedPlace {
  name: string;
  country: string | null;
  /** Null when the source names the place without a point: a region taken from the regions
   * package, or a country without coordinates. Never a guessed centre. */
  lat: number | null;
  lon: number | null;
  span?: Span;
}

export interface PloverType {
  type: string;
  mode: string | null;
}

export interface CodedEvent {
  id: string;
  source: CodedActor;
  target: CodedActor | null;
  action: CodedAction;
  cameo: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: PloverType | null;
  negated: boolean;
  modality: Modality;
  date: string;
  datePrecision: DatePrecision;
  /** True when the sentence gave no time words and the date is the publication date. */
  dateFromPublished: boolean;
  place: CodedPlace | null;
  sentence: number;
  sentenceSpan: Span;
  tone: number;
  confidence: number;
  rule: string;
  /** Id of the statement this event was said in, when it was. */
  statement?: string;
}

export interface StatementActorRef {
  key: string;
  name: string;
}

export interface CodedStatement {
  id: string;
  speaker: CodedActor | null;
  cue: { text: string; span: Span };
  content: { text: string; span: Span };
  kind: 'direct' | 'reported';
  about: StatementActorRef[];
  tone: number;
  sentence: number;
  /** Ids of events that this statement itself constitutes (an accusation, a threat…). */
  events: string[];
  // -- added by the statements stage (issue 3) --
  /** The words naming the speaker as written ("a UN spokesman", "he", "the survey"), resolved or not. */
  speakerPhrase?: { text: string; span: Span };
  /** The pieces of a split or continued quote ("…," he said. "…"); `content.span` is their hull. */
  contentParts?: Span[];
}

export interface CodedArticle {
  id: string;
  published: string;
  title?: string;
  url?: string;
  /** Place and news agency from a dateline such as "MOSCOW (Reuters) -". */
  dateline: { place: CodedPlace | null; source: string | null } | null;
  tone: number;
  sentences: number;
  events: CodedEvent[];
  statements: CodedStatement[];
  actors: ActorSummary[];
  /** Why parts of the article were not coded (non-English, empty…). */
  warnings: string[];
  coderVersion: string;
}

export interface ActorSummary {
  key: string;
  name: string;
  code: string;
  mentions: number;
}
