/**
 * The resource limits of the CLI's readers, in one place. docs/security.md lists each with its value and what
 * the user sees when it is hit (a test keeps the two in step). The values leave a wide margin over real data
 * (Vietnam has about 10,000 communes; a province file has a few hundred rows and about 100 columns) while
 * keeping the worst file within about 1.5 GB of memory and a few seconds of reading.
 */

const MiB = 1024 * 1024;

export const LIMITS = {
  /**
   * Bytes read from one input file (data, --previous, --owners, --ruleset, --communes). A text file's content
   * becomes one JavaScript string, and CSV records take several times the text in memory; V8 cannot hold a
   * string of 512 MiB at all.
   */
  inputBytes: 256 * MiB,
  /**
   * Data rows in one file (CSV, Excel or JSON items), not counting blank rows and `#` comments: 20 times the
   * number of communes in the country.
   */
  dataRows: 200_000,
  /** Records (lines, blank ones included) a CSV file may have: Excel's own row limit. */
  csvRecords: 1_048_576,
  /** Columns in a header row: Excel's own column limit. */
  columns: 16_384,
  /** Characters in one header cell: longer text cannot name a column, and is not compared with every name. */
  headerLength: 1_000,
  /** Levels of nesting in one JSON item (a commune needs 3: item, values, a list value). */
  jsonDepth: 32,
  /** Entries in an .xlsx archive (a workbook has a few dozen). */
  zipEntries: 10_000,
  /** Uncompressed bytes of one entry of an .xlsx archive (a sheet's XML), declared and actual. */
  zipEntryBytes: 256 * MiB,
  /** Uncompressed bytes of all the entries of an .xlsx archive together. */
  zipTotalBytes: 512 * MiB,
  /**
   * Compression ratio (uncompressed ÷ compressed) of one archive entry larger than {@link zipRatioFloorBytes}.
   * Worksheets compress 5–35:1; a zip bomb reaches about 1,000:1.
   */
  zipRatio: 100,
  zipRatioFloorBytes: 1 * MiB,
  /**
   * Cells with content in one worksheet, merged ranges counted by their area: the Excel library takes about
   * 650 bytes of memory per cell (2 million cells ≈ 1.3 GB).
   */
  xlsxCells: 2_000_000,
  /** Excel's limit on the characters of one cell: longer text is cut when a workbook is written. */
  excelCellLength: 32_767,
} as const;
