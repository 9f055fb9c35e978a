/**
 * The JSON shape `lexicite import` writes: a source pack (data/schema/pack.schema.json)
 * holding one instrument (the `instrument` definition of data/schema/instrument.schema.json).
 * Only the fields the importer fills are typed here; every one of them is allowed by the schema.
 */

export type ImportedInstrumentType = 'treaty' | 'convention' | 'resolution' | 'articles';

export interface PackRenderingSource {
  /** http(s) address of the official copy; null when the user gave none (detail names the file). */
  url: string | null;
  retrievedVia: string | null;
  detail: string | null;
}

export interface PackRendering {
  body: string;
  lang: string;
  label: string;
  translation: string | null;
  publication: 'official' | 'secondary';
  source: PackRenderingSource;
  partial: boolean;
  truncated: boolean;
  note: string | null;
}

export interface PackContext {
  part?: string;
  chapter?: string;
  section?: string;
  title?: string;
}

export interface PackProvisionEntry {
  id: string;
  number: string;
  kind: 'article' | 'operative-paragraph' | 'preambular-paragraph' | 'other';
  title: string | null;
  titleSource: string | null;
  context: PackContext | null;
  text: PackRendering | null;
  variants: PackRendering[];
  summary: null;
  note: string | null;
}

export interface PackStructure {
  unit: 'article' | 'paragraph';
  count: number | null;
  preambularCount: number | null;
  subparagraphs: Record<string, string[]>;
  paragraphs: Record<string, number>;
  countSource: string | null;
}

export interface PackInstrument {
  id: string;
  type: ImportedInstrumentType;
  title: string;
  subject: string | null;
  shortTitle: string;
  aliases: string[];
  symbol: string | null;
  date: string;
  dateKind: 'adopted' | 'signed' | 'opened-for-signature';
  place: string | null;
  meeting: string | null;
  vote: string | null;
  entryIntoForce: string | null;
  termination: null;
  status: 'adopted' | 'in-force' | 'terminated' | 'superseded' | 'unknown';
  parties: string[] | null;
  authenticLanguages: string[] | null;
  url: string | null;
  structure: PackStructure;
  source: { where: string | null; retrievedVia: string | null; crossChecks: Array<{ where: string; what: string }> };
  complete: boolean;
  notes: string;
  provisions: PackProvisionEntry[];
}

/** A provision given to a built-in instrument (a pack cannot redefine the instrument itself). */
export interface PackProvisionOf extends PackProvisionEntry {
  instrument: string;
}

/**
 * A source pack as written by `lexicite import`: one instrument of its own, or, for the text of
 * a built-in instrument, no instrument and that instrument's provisions.
 */
export interface SourcePack {
  instruments: PackInstrument[];
  provisions?: PackProvisionOf[];
}
