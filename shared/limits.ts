/** The largest import, as a file (a dropped or chosen file, `margin import`) or as text. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
