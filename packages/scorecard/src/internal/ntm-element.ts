import { LitElement, type PropertyDeclarations } from 'lit';
import { type Lang, loadEnglish, MESSAGES, type Messages, resolveLang } from './i18n.js';

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

/**
 * Base of the elements: follows the `lang` of the element or its nearest ancestor (vi by default). English
 * strings are loaded on demand: until they are, the element stays in the language it had. `updateComplete`
 * waits for every module the element is loading (`load`).
 */
export class NtmElement extends LitElement {
  static override properties: PropertyDeclarations = { lang_: { state: true, attribute: false } };

  /** @internal */
  protected lang_: Lang = 'vi';
  /** @internal The English strings being loaded. */
  private english_: Promise<void> | null = null;
  /** @internal Modules being loaded, which `updateComplete` waits for. */
  private loads_ = new Set<Promise<unknown>>();

  static override get observedAttributes(): string[] {
    // biome-ignore lint/complexity/noThisInStatic: lit computes the attributes of the subclass through `this`.
    return [...super.observedAttributes, 'lang'];
  }

  /** @internal The strings of the current language. */
  protected get messages(): Messages {
    return MESSAGES[this.lang_] ?? MESSAGES.vi;
  }

  /** @internal Whether the English strings this element shows are loaded. */
  protected hasEnglish(): boolean {
    return !!MESSAGES.en;
  }

  /** @internal Loads the English strings this element shows. */
  protected loadEnglish(): Promise<unknown> {
    return loadEnglish();
  }

  /** @internal Keeps `updateComplete` waiting until `loading` settles (a failure is the caller's to handle). */
  protected load<T>(loading: Promise<T>): Promise<T> {
    const settled: Promise<unknown> = loading.then(
      () => this.loads_.delete(settled),
      () => this.loads_.delete(settled),
    );
    this.loads_.add(settled);
    return loading;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    // An update may start a load (a forecast's view), and a load ends with an update.
    let complete = await super.getUpdateComplete();
    while (this.loads_.size > 0) {
      await Promise.all(this.loads_);
      complete = await super.getUpdateComplete();
    }
    return complete;
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
    if (lang === 'en' && !this.hasEnglish()) {
      // Shown in English once loaded; if they cannot be loaded, the element stays in Vietnamese.
      this.english_ ??= this.load(
        this.loadEnglish().then(
          () => {
            this.english_ = null;
            this.refreshLang();
          },
          () => {
            this.english_ = null;
          },
        ),
      );
      return;
    }
    if (lang !== this.lang_) this.lang_ = lang;
  }
}
