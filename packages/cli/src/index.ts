/**
 * @nongthonmoi/cli: the `ntm` command line, and the same building blocks for scripts: read commune data from
 * CSV, Excel or JSON (with the Vietnamese number rules), evaluate it, and write the district review report.
 *
 * @packageDocumentation
 */

export { formatReviewSummary, formatTable, type TableOptions } from './format-table.js';
export type { Lang } from './i18n.js';
export { formatGap, formatTarget, formatValue, tierName, tierStatus } from './i18n.js';
export type { CellResult, MeasureSpec, RawCell } from './io/cells.js';
export { checkNumber, checkValue, parseBoolean, parseCell, parseEnum, parseNumber } from './io/cells.js';
export type { Column, ColumnTarget, Dictionary } from './io/columns.js';
export { dictionaryFor, mapHeaders, parseProvince, parseRegion, resolveHeader } from './io/columns.js';
export { LIMITS } from './io/limits.js';
export {
  installSignalCleanup,
  type Output,
  OutputError,
  type OutputOptions,
  openOutput,
  writeOutput,
} from './io/output.js';
export { type GuardRequest, guardPaths, PathClashError, type PathRole } from './io/path-guard.js';
export { openCommunes, type ReadOptions, readCommunes } from './io/read.js';
export { decodeText, detectDelimiter, readCsvText } from './io/read-csv.js';
export {
  DOSSIER_HEADERS,
  type DossierField,
  type DossierRead,
  readDossier,
  readDossierCsv,
  readDossierJson,
  readDossierXlsx,
} from './io/read-dossier.js';
export { readJsonText } from './io/read-json.js';
export { readXlsx } from './io/read-xlsx.js';
export { type BundleLookup, findScorecardBundle, type ScorecardBundle } from './io/scorecard-bundle.js';
export { type DateSource, dateInData, dateInFileName, parseDayText } from './io/snapshot-date.js';
export type { CommuneSource, ReadBatch } from './io/source.js';
export type { InputFormat, ReadCommune, ReadResult, RowProblem } from './io/types.js';
export { InputError } from './io/types.js';
export {
  evaluationsToCsv,
  problemsToCsv,
  type ResultsCsvLayout,
  resultsCsvHeader,
  resultsCsvLayout,
  resultsCsvRows,
  toCsv,
} from './io/write-csv.js';
export { type HtmlOptions, renderReviewHtml } from './io/write-html.js';
export { type Explain, evaluationJson, toJsonReport } from './io/write-json.js';
export {
  buildReviewWorkbook,
  buildTemplateWorkbook,
  type TemplateInput,
  type TemplateMeasure,
  workbookBuffer,
} from './io/write-xlsx.js';
export { type OwnerRule, type Owners, ownerOf, parseOwners, readOwners } from './owners.js';
export {
  type EvaluatedBatch,
  type EvaluateFileOptions,
  type EvaluationStream,
  type EvaluationStreamOptions,
  evaluateFile,
  evaluateRead,
  type FileEvaluation,
  openEvaluation,
  PARALLEL_FROM_BYTES,
  today,
} from './pipeline.js';
export { buildProgram, main } from './program.js';
export {
  buildReview,
  type CommuneStanding,
  type CriterionHistory,
  compareGaps,
  type GapRow,
  gapsByOwner,
  ILLUSTRATIVE_BANNER,
  type ReviewData,
  type ReviewInput,
  type SnapshotInfo,
  type SnapshotInput,
} from './review.js';
export {
  REVIEW_SCHEMA_ID,
  type ReviewDocument,
  ReviewDocumentSchema,
  reviewDocument,
  reviewDocumentJson,
  reviewJsonSchema,
} from './review-document.js';
export { escapeControls } from './safe-text.js';
