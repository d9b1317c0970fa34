/**
 * Plain types shared by the rule layer (which produces them) and the result contract (which reports them),
 * so that neither imports the other.
 */
import type {
  Citation,
  CommuneGroup,
  Confidence,
  LegalDocument,
  LocalizedText,
  Rationale,
  Region,
} from './common.js';
import type { Comparator } from './edition.js';

/** One target as it applies to a commune, with where it comes from and how sure we are of it. */
export interface ResolvedTarget {
  value: number | boolean | null;
  confidence: Confidence;
  /** The real target is unknown but at least this strict (an assumed lower bound). */
  bound: boolean;
  source: string | null;
  quote: string | null;
  rationale: Rationale | null;
  citation: Citation;
  /** `national` or `province`: who set the value that applies. */
  origin: 'national' | 'province';
  /** Id of the ruleset file that set it. */
  ruleset: string;
  /** Why the value is null, when it is. */
  reason: LocalizedText | null;
  /** The comparator that applies with this value (a province may make ≥ into >). */
  comparator: Comparator | null;
  /** True when the ruleset sets no value here (a province table that skips a region or group). */
  absent?: boolean;
}

/** What a result says about the rules it was evaluated with. */
export interface RulesetInfo {
  id: string;
  family: string;
  level: string;
  edition: string;
  name: LocalizedText;
  effective: { from: string; to: string | null };
  jurisdiction: 'national' | { province: string };
  basis: LegalDocument[];
  /** SHA-256 of the edition and its overlays as applied: two results with the same hash used the same rules. */
  hash: string;
  overlays: Array<{ id: string; province: string; edition: string; basis: LegalDocument[]; hash: string }>;
  coverage: { complete: boolean; note: LocalizedText } | null;
}

/** Why the commune used another region's targets (e.g. 318 Art. 1, 211/QĐ-TTg). */
export interface RegionBasis {
  /** The commune's own region. */
  declared: Region;
  /** The region whose targets applied. */
  applied: Region;
  /** The commune category that triggered the rule. */
  category: string;
  reason: LocalizedText;
  citation: Citation;
}

/** The commune group a result was evaluated for. */
export type { CommuneGroup };
