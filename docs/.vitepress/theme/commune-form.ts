// The logic of the "evaluate a commune" demo (CommuneFormDemo.vue): the reader's inputs become a commune
// JSON document for <ntm-scorecard src>, exactly the shape a portal would serve.
import type { CommuneFormData, FormField } from './demo-data.js';
import { DEMO_TEXT, type DemoLang } from './demo-text.js';

export interface FormState {
  name: string;
  level: string;
  asOf: string;
  /** A province id, or '' to give none. */
  province: string;
  /** A region id for a commune without province, or ''. */
  region: string;
  lang: 'vi' | 'en';
  /**
   * Each field's input: a number, 'true' / 'false' for yes/no, '' for "no data". Text for number inputs too
   * (Vue's v-model gives a number input's value as a number when it parses, its text otherwise).
   */
  inputs: Record<string, string | number>;
}

/** The tiers the form offers (their names are in demo-text.ts). */
export const LEVELS = ['ntm', 'nang-cao', 'kieu-mau'] as const;

/**
 * A field's label in the page's language, with its unit when the label does not already give it: the rules'
 * labels often end with the unit ("Tỷ lệ tham gia BHYT (%)"), which must not be repeated ("(%) (%)").
 */
export function fieldLabel(field: FormField, lang: DemoLang): string {
  const label = field.label[lang];
  const unit = field.unit?.[lang] ?? '';
  if (!unit || label.includes(`(${unit})`)) return label;
  return `${label} (${unit})`;
}

export function initialState(data: CommuneFormData, lang: DemoLang = 'vi'): FormState {
  const inputs: Record<string, string | number> = {};
  for (const field of data.fields) inputs[field.key] = field.value === null ? '' : String(field.value);
  return {
    name: data.template.name,
    level: data.defaults.level,
    asOf: data.defaults.asOf,
    province: data.defaults.province,
    region: '',
    lang,
    inputs,
  };
}

/** A field's value from its input text: undefined when the text is not a number (reported to the reader). */
export function parseInput(field: FormField, input: string | number): number | boolean | null | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  const raw = input.trim();
  if (raw === '') return null;
  if (field.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  const value = Number(raw.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

export interface BuiltCommune {
  commune: { id: string; name: string; district?: string; values: Record<string, unknown> };
  /** Inputs that could not be read as numbers (left out of the commune). */
  problems: string[];
}

/**
 * The commune document: the template's values with the reader's inputs on top. Range and type checks are
 * left to core on purpose: a percent of 130 is refused by the engine and the element shows why.
 */
export function buildCommune(data: CommuneFormData, state: FormState, lang: DemoLang = 'vi'): BuiltCommune {
  const values: Record<string, unknown> = { ...data.template.values };
  const problems: string[] = [];
  for (const field of data.fields) {
    const value = parseInput(field, state.inputs[field.key] ?? '');
    if (value === undefined) {
      problems.push(DEMO_TEXT[lang].notANumber(fieldLabel(field, lang), String(state.inputs[field.key])));
    } else values[field.key] = value;
  }
  const commune: BuiltCommune['commune'] = {
    id: data.template.id,
    name: state.name.trim() || data.template.name,
    values,
  };
  if (data.template.district) commune.district = data.template.district;
  return { commune, problems };
}

/** Provinces that exist on the assessment date (the 63 until 30 June 2025, the 34 from 1 July 2025). */
export function provincesOn(data: CommuneFormData, asOf: string): CommuneFormData['provinces'] {
  return data.provinces
    .filter((p) => (p.from === null || p.from <= asOf) && (p.to === null || asOf <= p.to))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The HTML a portal would write for the same element. */
export function elementSnippet(state: FormState, src = 'commune.json'): string {
  const attributes = [
    `src="${escapeAttribute(src)}"`,
    `level="${escapeAttribute(state.level)}"`,
    `as-of="${escapeAttribute(state.asOf)}"`,
    ...(state.province ? [`province="${escapeAttribute(state.province)}"`] : []),
    ...(state.region ? [`region="${escapeAttribute(state.region)}"`] : []),
    `lang="${state.lang}"`,
  ];
  return `<ntm-scorecard ${attributes.join(' ')}></ntm-scorecard>`;
}
