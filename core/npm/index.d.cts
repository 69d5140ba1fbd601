// The require() view of index.d.ts (TypeScript >= 5.3): module.exports is the factory itself,
// and the types are its namespace's. Every type index.d.ts exports is named here (tests/package checks).
import type * as Types from './index.js' with { 'resolution-mode': 'import' };

declare function createArticleExplorer(options?: Types.FactoryOptions): Promise<Types.ArticleExplorer>;
declare namespace createArticleExplorer {
  export type FactoryOptions = Types.FactoryOptions;
  export type AnalyzeOptions = Types.AnalyzeOptions;
  export type ArticleExplorer = Types.ArticleExplorer;
  export type Analysis = Types.Analysis;
  export type AnalysisError = Types.AnalysisError;
  export type Span = Types.Span;
  export type Paragraph = Types.Paragraph;
  export type Sentence = Types.Sentence;
  export type EntityType = Types.EntityType;
  export type MentionKind = Types.MentionKind;
  export type Entity = Types.Entity;
  export type Mention = Types.Mention;
  export type ValueType = Types.ValueType;
  export type Value = Types.Value;
  export type QuoteKind = Types.QuoteKind;
  export type Quote = Types.Quote;
  export type EventClass = Types.EventClass;
  export type EventType = Types.EventType;
  export type ArgumentRole = Types.ArgumentRole;
  export type Polarity = Types.Polarity;
  export type Modality = Types.Modality;
  export type ArticleEvent = Types.ArticleEvent;
  export type EventArgument = Types.EventArgument;
  export type EventTime = Types.EventTime;
  export type DiagnosticCode = Types.DiagnosticCode;
  export type Diagnostic = Types.Diagnostic;
}
export = createArticleExplorer;
