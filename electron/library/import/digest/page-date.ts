export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** `Apr 28`, `April 28, 2024`, `Mon, Apr 28`, `28 April 2024`. */
const MONTH_DAY = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`,
  'i',
);
const DAY_MONTH = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(\\d{1,2})\\s+${MONTH}\\.?(?:,?\\s+(\\d{4}))?$`,
  'i',
);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A line that is only a date, as ISO yyyy-mm-dd (a year-less date gets the latest year not after today); null otherwise. */
export function parsePageDate(text: string, today: Date): string | null {
  if (text.length > 40) return null;
  if (ISO_DATE.test(text)) return text;
  const md = MONTH_DAY.exec(text);
  const dm = md ? null : DAY_MONTH.exec(text);
  const monthName = md?.[1] ?? dm?.[2];
  const day = Number(md?.[2] ?? dm?.[1]);
  const yearText = md?.[3] ?? dm?.[3];
  if (monthName === undefined || !(day >= 1 && day <= 31)) return null;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  let year = yearText ? Number(yearText) : today.getUTCFullYear();
  if (!yearText && Date.UTC(year, month, day) > today.getTime()) year -= 1;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
