// The two custom elements as Vue sees them in the demo components' templates, so that vue-tsc (strictTemplates)
// checks every attribute and event handler against the elements' own public properties and event details.
import type {
  NtmCommuneSelectDetail,
  NtmDistrictBoard,
  NtmErrorDetail,
  NtmLoadDetail,
  NtmScorecard,
} from '@nongthonmoi/scorecard';
import type { DefineComponent } from 'vue';

/** The chosen public properties of an element, each optional (Vue sets them as properties). */
type Properties<Element, Key extends keyof Element> = { [Name in Key]?: Element[Name] };

type ScorecardProps = Properties<
  NtmScorecard,
  | 'result'
  | 'previous'
  | 'src'
  | 'level'
  | 'asOf'
  | 'region'
  | 'province'
  | 'requireVerified'
  | 'expanded'
  | 'headingLevel'
  | 'theme'
> & {
  onNtmLoad?: (event: CustomEvent<NtmLoadDetail>) => void;
  onNtmError?: (event: CustomEvent<NtmErrorDetail>) => void;
};

type BoardProps = Properties<
  NtmDistrictBoard,
  'evaluations' | 'previous' | 'sort' | 'sortDirection' | 'noDetail' | 'headingLevel' | 'chunkSize' | 'theme'
> & {
  onNtmCommuneSelect?: (event: CustomEvent<NtmCommuneSelectDetail>) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'ntm-scorecard': DefineComponent<ScorecardProps>;
    'ntm-district-board': DefineComponent<BoardProps>;
  }
}
