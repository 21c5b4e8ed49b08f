import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFRef } from 'pdf-lib';

/**
 * A real PDF with one page per entry, each page holding its lines of text (Helvetica, top to bottom), and
 * optionally a table of contents (bookmarks) pointing at pages.
 */
export async function makePdf(
  pages: ReadonlyArray<readonly string[]>,
  title = 'A test paper',
  outline: ReadonlyArray<{ readonly title: string; readonly page: number }> = [],
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const made = pages.map((lines) => {
    const page = doc.addPage([612, 792]);
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 18, size: 12, font }));
    return page;
  });
  if (outline.length > 0) {
    const { context } = doc;
    const root = context.nextRef();
    const refs: PDFRef[] = outline.map(() => context.nextRef());
    outline.forEach((entry, i) => {
      const target = made[entry.page - 1];
      if (!target) throw new Error(`no page ${entry.page}`);
      const item = context.obj({
        Title: PDFString.of(entry.title),
        Parent: root,
        Dest: [target.ref, PDFName.of('XYZ'), null, null, null],
        ...(i > 0 ? { Prev: refs[i - 1] } : {}),
        ...(i < refs.length - 1 ? { Next: refs[i + 1] } : {}),
      });
      context.assign(refs[i] as PDFRef, item);
    });
    context.assign(root, context.obj({ Type: 'Outlines', First: refs[0], Last: refs.at(-1), Count: refs.length }));
    doc.catalog.set(PDFName.of('Outlines'), root);
  }
  return doc.save();
}
