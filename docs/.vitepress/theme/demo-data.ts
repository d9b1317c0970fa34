// What docs/.vitepress/prepare.ts writes into docs/public/demo/ and the demo components read. Types only
// from core, so that this module stays out of the client bundle's dependencies.
import type { Evaluation, LocalizedText, MeasureValue } from '@nongthonmoi/core';

/** The files of the scorecard's standalone build, copied as is (the first loads the second on demand). */
export const SCORECARD_FILES = ['ntm-scorecard.js', 'ntm-scorecard-evaluate.js'] as const;
export const NAM_TRUC_FILE = 'nam-truc-2023.json';
export const COMMUNE_FORM_FILE = 'commune-form.json';

export interface Snapshot {
  /** The CSV file of examples/nam-truc-2023 it was read from. */
  file: string;
  /** The assessment date it was evaluated on. */
  asOf: string;
  evaluations: Evaluation[];
}

export interface NamTrucData {
  note: string;
  level: string;
  asOf: string;
  province: string;
  current: Snapshot;
  previous: Snapshot;
}

export type MeasureType = 'percent' | 'number' | 'money' | 'count' | 'boolean' | 'enum';

export interface FormField {
  key: string;
  label: LocalizedText;
  type: MeasureType;
  unit: LocalizedText | null;
  min: number | null;
  max: number | null;
  /** The template commune's value. */
  value: number | boolean | null;
}

export interface ProvinceOption {
  id: string;
  name: string;
  /** First day the province exists (the 34 provinces of 1 July 2025), or null. */
  from: string | null;
  /** Last day (the 63 provinces until 30 June 2025), or null. */
  to: string | null;
}

export interface CommuneFormData {
  /** A complete commune (no province: the form gives it as the element's `province` attribute). */
  template: {
    id: string;
    name: string;
    district: string | null;
    values: Record<string, MeasureValue>;
  };
  fields: FormField[];
  provinces: ProvinceOption[];
  regions: Array<{ id: string; name: LocalizedText }>;
  defaults: { level: string; asOf: string; province: string };
}
