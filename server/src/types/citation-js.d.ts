// Minimal declarations for the parts of citation-js that Lexicite uses (the packages ship no types).
declare module '@citation-js/core' {
  export interface CslDate {
    'date-parts'?: Array<Array<number | string>>;
    raw?: string;
  }
  /** A CSL-JSON item, as citation-js reads and writes it. */
  export interface CslItem {
    id?: string;
    'citation-key'?: string;
    type?: string;
    title?: string;
    number?: string;
    URL?: string;
    authority?: string;
    issued?: CslDate;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data?: unknown, options?: { forceType?: string });
    data: CslItem[];
    format(format: string, options?: Record<string, unknown>): string;
    get(options: { format: 'real'; type: 'json'; style: 'csl' }): CslItem[];
  }
  export const logger: { _log: unknown[]; level: string };
}
declare module '@citation-js/plugin-bibtex';
