import { LitElement, type PropertyDeclarations } from 'lit';
import { type Lang, MESSAGES, type Messages, resolveLang } from './i18n.js';

const connected = new Set<NtmElement>();
let observer: MutationObserver | null = null;

/** One observer for the whole document: a `lang` attribute changed somewhere above an element. */
function watchLang(element: NtmElement): void {
  connected.add(element);
  if (!observer && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const item of connected) item.refreshLang();
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
}

function unwatchLang(element: NtmElement): void {
  connected.delete(element);
  if (connected.size === 0 && observer) {
    observer.disconnect();
    observer = null;
  }
}

/** Base of the elements: follows the `lang` of the element or its nearest ancestor (vi by default). */
export class NtmElement extends LitElement {
  static override properties: PropertyDeclarations = { lang_: { state: true, attribute: false } };

  /** @internal */
  protected lang_: Lang = 'vi';

  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: lit computes the attributes of the subclass through `this`.
    return [...super.observedAttributes, 'lang'];
  }

  /** @internal The strings of the current language. */
  protected get messages(): Messages {
    return MESSAGES[this.lang_];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLang(this);
    this.refreshLang();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchLang(this);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.refreshLang();
  }

  /** @internal Re-reads the language (called when a `lang` attribute changes). */
  refreshLang(): void {
    const lang = resolveLang(this);
    if (lang !== this.lang_) this.lang_ = lang;
  }
}
