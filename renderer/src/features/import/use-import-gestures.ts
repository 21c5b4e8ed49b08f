import { useEffect, useState } from 'react';
import { decodeBytes } from '../../../../shared/text/decode.js';
import type { ImportSeed } from './import-slice.js';
import type { MarginStore } from '../../store/use-margin.js';
import { isTyping } from '../commands/use-global-keys.js';
import { MAX_IMPORT_BYTES } from '../../../../shared/limits.js';

/**
 * Paste a digest anywhere outside a text field, or drop a file: both open the import dialog with it. A
 * dropped PDF is kept with the open paper instead.
 */
export function useImportGestures(store: MarginStore): { dragging: boolean } {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target) || store.getState().dialog !== null) return;
      const seed = pastedImport(event);
      if (!seed) return;
      event.preventDefault();
      store.getState().openImport(seed);
    };
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = async (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      if (isPdf(file)) return store.getState().attachPdf(file);
      try {
        store.getState().openImport(await importSeedFromFile(file));
      } catch (error) {
        store.getState().showToast(error instanceof Error ? error.message : String(error));
      }
    };
    const drop = (event: DragEvent) => void onDrop(event);
    window.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return { dragging };
}

/** What a paste carries: its text and, from a browser, the same content as HTML (whose links give ids). */
export function pastedImport(event: ClipboardEvent | React.ClipboardEvent): ImportSeed | null {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  const html = event.clipboardData?.getData('text/html') ?? '';
  if (text.trim() === '' && html.trim() === '') return null;
  return { text, fileName: null, html: html.trim() === '' ? null : html };
}

/**
 * What a dropped or chosen file gives the import: a saved web page is read for its text and its links,
 * anything else as text. Files too large to be a paper list are refused before they are read.
 */
export async function importSeedFromFile(file: File): Promise<ImportSeed> {
  if (file.size > MAX_IMPORT_BYTES)
    throw new Error(`${file.name} is too large to import (${Math.round(file.size / 1048576)} MB).`);
  const isHtml = file.type === 'text/html' || /\.x?html?$/i.test(file.name);
  return importSeedFromBytes(new Uint8Array(await file.arrayBuffer()), file.name, isHtml);
}

/** A file's bytes as the import reads them (a dropped file, or one the OS handed the desktop app). */
export function importSeedFromBytes(bytes: Uint8Array, fileName: string, isHtml = false): ImportSeed {
  // Read in the file's own encoding (a JabRef export in Windows-1252, a UTF-16 file), not always as UTF-8.
  const { text, encoding } = decodeBytes(bytes);
  const seed = isHtml ? { text: '', fileName, html: text } : { text, fileName };
  return encoding === 'utf-8' ? seed : { ...seed, encoding };
}

/** A PDF by its type or, when the system gives none, its name. */
export function isPdf(file: File): boolean {
  return file.type === 'application/pdf' || (file.type === '' && /\.pdf$/i.test(file.name));
}
