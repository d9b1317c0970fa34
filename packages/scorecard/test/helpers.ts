// Shared helpers of the browser tests: real evaluations from core, mounting, text of a shadow root.
import { type Evaluation, evaluate, evaluateMany } from '@nongthonmoi/core';
import communeText from '../../../examples/sample-commune/commune.json?raw';

export interface CommuneData {
  id: string;
  name: string;
  province: string | null;
  district: string | null;
  region?: string;
  categories?: string[];
  values: Record<string, unknown>;
}

export const OPTIONS = { level: 'nang-cao', asOf: '2023-11-15' } as const;

/** A fresh copy of examples/sample-commune/commune.json. */
export function sampleCommune(): CommuneData {
  return JSON.parse(communeText) as CommuneData;
}

/** The sample commune with some values replaced, evaluated by core (NTM nâng cao on 2023-11-15 by default). */
export function evaluateSample(
  values: Record<string, unknown> = {},
  options: { level?: string; asOf?: string } = {},
  commune: Partial<CommuneData> = {},
): Evaluation {
  const data = sampleCommune();
  Object.assign(data, commune);
  data.values = { ...data.values, ...values };
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete data.values[key];
  return evaluate(data, { ...OPTIONS, ...options });
}

/** Evaluations as they arrive over HTTP: plain JSON, no class, no lazy getter. */
export function toJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `count` communes derived from the sample, with varied values (deterministic). */
export function districtCommunes(count: number): CommuneData[] {
  const base = sampleCommune();
  const communes: CommuneData[] = [];
  for (let i = 0; i < count; i++) {
    const values = { ...base.values };
    const k = (i * 7919) % 101;
    values.health_insurance_pct = 88 + (k % 12);
    values.income_per_capita_mvnd = 45 + (k % 20);
    values.multidimensional_poverty_pct = 2 + (k % 8);
    values.stunting_under5_pct = 12 + (k % 10);
    values.households_sorting_waste_pct = 30 + (k % 50);
    if (i % 3 === 0) values.nc_quy_hoach_dat = false;
    if (i % 4 === 1) delete values.trained_workers_pct;
    if (i % 5 === 2) values.road_maintenance_pct = 95;
    communes.push({ ...base, id: `x${String(i + 1).padStart(4, '0')}`, name: `Xã Thử ${i + 1}`, values });
  }
  return communes;
}

export function evaluateDistrict(
  count: number,
  options: { level?: string; asOf?: string } = {},
): Evaluation[] {
  const { results, errors } = evaluateMany(districtCommunes(count), { ...OPTIONS, ...options });
  if (errors.length > 0) throw new Error(errors[0]?.message);
  return results;
}

/** Creates `tag`, sets properties and attributes, adds it to the page and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  attributes: Record<string, string> = {},
  parent: HTMLElement = document.body,
): Promise<HTMLElementTagNameMap[K]> {
  const element = document.createElement(tag);
  Object.assign(element, properties);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  parent.append(element);
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

/** Text of a node with whitespace collapsed. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function shadow(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (!root) throw new Error(`${element.localName} has no shadow root`);
  return root;
}

/** Waits until `condition` holds (polling each frame), or fails after `timeout` ms. */
export async function until(condition: () => boolean, timeout = 5000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Number formatting of the elements, for expected texts. */
export function vi(value: number): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

const PLACE_NAMES = [
  'Nam Mỹ',
  'Đồng Tâm',
  'Ân Thi',
  'Yên Bình',
  'Hải Đường',
  'Trực Ninh',
  'Nghĩa Hưng',
  'Ứng Hòa',
];

/**
 * `count` evaluations as JSON, for boards at province and country scale: 40 communes evaluated by core, repeated
 * with their own ids and names ("Xã Nam Mỹ 17"). Evaluating thousands of communes in every test would only
 * slow the tests down; the board reads each evaluation the same way.
 */
export function manyEvaluations(count: number): Evaluation[] {
  const base = evaluateDistrict(Math.min(count, 40)).map(toJson);
  return Array.from({ length: count }, (_, i) => {
    const evaluation = base[i % base.length] as Evaluation;
    const name = `Xã ${PLACE_NAMES[i % PLACE_NAMES.length]} ${Math.floor(i / PLACE_NAMES.length) + 1}`;
    return { ...evaluation, commune: { ...evaluation.commune, id: `c${i}`, name } } as Evaluation;
  });
}

/** Resolves after the next frame (rendering, scroll events and their updates included). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
