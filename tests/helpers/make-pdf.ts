import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real PDF with one page per entry, each page holding its lines of text (Helvetica, top to bottom). */
export async function makePdf(pages: ReadonlyArray<readonly string[]>, title = 'A test paper'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 18, size: 12, font }));
  }
  return doc.save();
}
