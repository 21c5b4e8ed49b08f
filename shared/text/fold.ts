/** Letters with no decomposition that people type without their stroke (Łukasz as Lukasz). */
const PLAIN: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ı: 'i', ħ: 'h' };

/**
 * Text as search compares it: lower case, accents off (`Łukasz` → `lukasz`, `naïve` → `naive`). Plain ASCII,
 * most of a library, skips the Unicode work.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (!/[^\u0000-\u007f]/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđıħ]/g, (c) => PLAIN[c] ?? c);
}
