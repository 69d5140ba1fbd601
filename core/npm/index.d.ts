// article-explorer-core: the factory, analyze(), and the `article-explorer/1` JSON it returns.
// One property a line: tests/package checks these declarations against the core's real output.

/** Options of the factory; none is needed where the .wasm sits beside the module (the default). */
export interface FactoryOptions {
  /** Where the .wasm is fetched from in a page or worker: (file name, module's folder) -> URL. */
  locateFile?: (path: string, scriptDirectory: string) => string;
  /** The .wasm's bytes, when the caller has them already (no fetch, no file read). */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/** Options of analyze(): an object, or the same as a JSON string. */
export interface AnalyzeOptions {
  /** Span units: bytes of the UTF-8 input (default), or UTF-16 code units (JavaScript string indices). */
  offsets?: 'bytes' | 'utf16';
  /** YYYY-MM-DD: anchors relative dates ("on Friday") instead of the article's own date line. */
  reference_date?: string;
  /** Benchmarks: stop after tokens and sentences. */
  tokens_only?: boolean;
  /** Benchmarks: stop after POS tags, values and named entities (no grouping, quotes, parse, events). */
  tags_only?: boolean;
}

/** The loaded module. */
export interface ArticleExplorer {
  /**
   * Analyses one article. Returns the JSON text of an `Analysis`, or of an `AnalysisError` when
   * the options are bad: `JSON.parse(m.analyze(text)) as Analysis`. Never throws on any text.
   */
  analyze(text: string, options?: AnalyzeOptions | string): string;
}

/** Loads the WebAssembly core (once; then analyze() is synchronous). */
export default function createArticleExplorer(options?: FactoryOptions): Promise<ArticleExplorer>;

// ---- the `article-explorer/1` JSON ------------------------------------------------------------
// Spans are [start, end) in the unit of `offsets`, into the exact input text. Ids: entities e1…,
// quotes q1…, events v1…, each in text order. Fields may be added in a later version, never renamed.

/** The analysis of one article. */
export interface Analysis {
  schema: 'article-explorer/1';
  /** The core's version. */
  version: string;
  offsets: 'bytes' | 'utf16';
  /** YYYY-MM-DD: from the article's date line, or from the reference_date option. */
  reference_date: string | null;
  reference_date_source: 'text' | 'option' | null;
  /** Where the date line was found ("date 2024-04-06", "Published: April 6, 2024"). */
  date_line: Span | null;
  /** Which date of the page the date line gives: its label, null for a bare date. */
  date_line_label: 'published' | 'updated' | null;
  /** The headline (still analysed as a sentence). */
  title: Span | null;
  /** The first byline ("By Jane Doe, Associated Press"); not analysed. */
  byline: Span | null;
  /** The dateline opening the story ("WASHINGTON (AP) —"); not analysed. */
  dateline: Span | null;
  paragraphs: Paragraph[];
  /** Story sentences (not the date line, not boilerplate). */
  sentences: Sentence[];
  entities: Entity[];
  /** Dates, times, durations, money, percentages, quantities. */
  values: Value[];
  quotes: Quote[];
  events: ArticleEvent[];
  /** What the core repaired in the input or could not do. */
  diagnostics: Diagnostic[];
}

/** What analyze() returns for bad options (a bad reference_date is a diagnostic instead). */
export interface AnalysisError {
  error: string;
}

/** A stretch of the input and its text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Paragraph {
  start: number;
  end: number;
  /** Photo captions, promotions, "read more" lines, page furniture: not story text. */
  boilerplate: boolean;
  /** The paragraph's part in the article's head; null for the story. */
  role: 'title' | 'standfirst' | 'byline' | 'date_line' | null;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index into `paragraphs`. */
  paragraph: number;
}

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'LOCATION' | 'MISC';
export type MentionKind = 'name' | 'alias' | 'pronoun' | 'nominal';

/** A person, organisation, place or other name, with every mention of it. */
export interface Entity {
  /** e1, e2, … in order of first mention. */
  id: string;
  type: EntityType;
  /** The longest proper name among the mentions. */
  canonical: string;
  /** A title or role from the text ("chief executive"), or null. */
  role: string | null;
  /** 0 to 1: how central the entity is to the article (1 = the most). */
  salience: number;
  mentions: Mention[];
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  /** name: the full name; alias: a shorter name; pronoun: he, she…; nominal: "Mexican" for Mexico. */
  kind: MentionKind;
}

export type ValueType = 'DATE' | 'TIME' | 'DURATION' | 'SET' | 'MONEY' | 'PERCENT' | 'QUANTITY';

export interface Value {
  type: ValueType;
  start: number;
  end: number;
  text: string;
  /** Normalised: TIMEX3-style ISO 8601 for times ("2024-04-05", "XXXX-WXX-5", "P3M", "PAST_REF"), "USD 1130000000", "76%". */
  value: string;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect' | 'mixed' | 'scare';

/** Something someone said, in quotation marks or reported. */
export interface Quote {
  /** q1, q2, … in text order. */
  id: string;
  kind: QuoteKind;
  start: number;
  end: number;
  text: string;
  /** The speaker's entity id, or null. */
  speaker: string | null;
  /** The speaker's name: the entity's canonical name when linked, else the words naming them ("the company"); or null. */
  speaker_text: string | null;
  /** Where the words naming the speaker for this quote are (a name, a pronoun), or null. */
  speaker_mention: Span | null;
  /** The speech verb or phrase ("said", "according to"), or null. */
  cue: Span | null;
}

export type EventClass = 'Business' | 'Conflict' | 'Contact' | 'Diplomacy' | 'Justice' | 'Life' | 'Movement' | 'Other' | 'Personnel' | 'Statement' | 'Transaction';
/** Class.Subtype, e.g. "Justice.Arrest-Jail", "Diplomacy.Sever-Relations"; "Other.Action" for predicates outside the taxonomy. */
export type EventType = `${EventClass}.${string}`;
export type ArgumentRole = 'agent' | 'patient' | 'recipient' | 'instrument' | 'place' | 'time';
export type Polarity = 'positive' | 'negative';
export type Modality = 'asserted' | 'reported' | 'future' | 'possible';

/** Who did what to whom, when and where (named ArticleEvent so as not to hide the DOM's Event). */
export interface ArticleEvent {
  /** v1, v2, … in text order. */
  id: string;
  type: EventType;
  /** The verb or event noun. */
  trigger: Span;
  /** Index into `sentences`. */
  sentence: number;
  arguments: EventArgument[];
  /** The date or time the event is anchored to, or null. */
  time: EventTime | null;
  polarity: Polarity;
  modality: Modality;
  /** The id of the quote the event is reported in, or null. */
  quote: string | null;
  /** Rank of the event on the article's timeline (by resolved time, then text order); -1 = none. */
  timeline: number;
}

export interface EventArgument {
  role: ArgumentRole;
  start: number;
  end: number;
  text: string;
  /** The entity id the argument refers to, or null (kept as text: "police"). */
  entity: string | null;
}

export interface EventTime {
  /** The words of the time expression. */
  text: string;
  /** Its normalised value, as in Value.value. */
  value: string;
}

/** invalid_utf8, control_characters: bytes replaced; bad_reference_date: the option was ignored; too_large: over 64 MB, not analysed; model-missing: a model was not built in. */
export type DiagnosticCode = 'invalid_utf8' | 'control_characters' | 'bad_reference_date' | 'too_large' | 'model-missing';

export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
}
