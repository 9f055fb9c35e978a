/**
 * Standalone ajv validators compiled from data/schema/*.json by scripts/validators.mjs
 * (run by every build; the .js file is generated and not committed).
 */
export interface ValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

export const validateInstrument: Validator;
export const validateOfficials: Validator;
export const validatePack: Validator;
export const validateResolutionIndex: Validator;
