/**
 * Registers a custom element unless the name is taken. A page that loads the elements twice (two bundles, two
 * script tags, a micro-frontend each) keeps the first definition instead of throwing
 * `NotSupportedError: the name "ntm-scorecard" has already been used`.
 *
 * @returns true when this call registered `ctor`.
 */
export function defineElement(name: string, ctor: CustomElementConstructor): boolean {
  if (typeof customElements === 'undefined') return false;
  if (customElements.get(name)) return false;
  customElements.define(name, ctor);
  return true;
}
