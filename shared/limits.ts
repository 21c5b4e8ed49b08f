/** The largest import, as a file (a dropped or chosen file, `margin import`) or as text. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The largest PDF Margin keeps: far above any paper (long theses run to tens of MB). */
export const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** The largest PDF the app sends to main as bytes (a drop); larger ones are attached from their file. */
export const MAX_UPLOAD_BYTES = 48 * 1024 * 1024;

/** More pages than this is not a paper (a scanned archive, or a file built to exhaust the reader). */
export const MAX_PDF_PAGES = 5000;
