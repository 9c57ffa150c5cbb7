/**
 * The config's building blocks: IDs, texts, dates, bounded numbers, thresholds. Imports nothing
 * but zod, so that the rule kinds (src/rules) and the config schema that lists them both stand
 * on it without importing each other in a circle.
 */
import { z } from 'zod';

export const LOCALES = ['zh-CN', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * IDs end up in URLs, file names and CSV cells, so they are plain ASCII codes:
 * no slashes, no dots that could climb a directory, no spaces.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Names Windows reserves for devices: no file or folder can bear them there (nor on IIS). */
export const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
export const Id = z
  .string()
  .regex(ID_PATTERN, { message: 'an ID of letters, digits, "-" or "_" (at most 64, no "/", "\\" or ".")', abort: true })
  .refine((id) => !WINDOWS_DEVICE_NAME.test(id), 'an ID that is not a Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9)');

/**
 * A label with something to read: not empty, and not only blanks (U+00A0, U+3000, zero-width …).
 * Bounded, as a title is repeated on every page: a 2 MB one made a 400 MB site.
 */
export const LABEL_LIMIT = 500;
export const Label = z
  .string()
  .min(1)
  .max(LABEL_LIMIT, `a text of at most ${LABEL_LIMIT} characters`)
  .refine((text) => text.replace(/[\s\u200b]/g, '') !== '', 'a text that is not only blanks');
export const Text = z.union([Label, z.partialRecord(Locale, Label)]);
export type Text = z.infer<typeof Text>;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date written YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a real calendar date');

/**
 * Config numbers go into DECIMAL(18, 6) columns and are multiplied by points and multipliers,
 * so they are bounded where a product still fits (±10^12): within ±1,000,000 with at most 6
 * decimals, and multipliers up to 100. A value DuckDB would round or overflow is refused here,
 * at its YAML line, instead of failing or changing in the middle of scoring.
 */
export const CONFIG_NUMBER_LIMIT = 1_000_000;
export const MULTIPLIER_LIMIT = 100;
const decimalsOf = (x: number): number => {
  const [digits = '', exponent = '0'] = String(Math.abs(x)).split('e');
  return Math.max(0, (digits.split('.')[1] ?? '').length - Number(exponent));
};
const bounded = (n: z.ZodNumber, limit: number, decimals: number) =>
  n
    .min(-limit, `a number from -${limit} to ${limit}`)
    .max(limit, `a number from -${limit} to ${limit}`)
    .refine((x) => decimalsOf(x) <= decimals, `a number with at most ${decimals} decimals`);
export const Num = () => bounded(z.number(), CONFIG_NUMBER_LIMIT, 6);
export const Int = () => bounded(z.int(), CONFIG_NUMBER_LIMIT, 0);
/** Money (元) is kept in cents. */
export const Money = () => bounded(z.number(), CONFIG_NUMBER_LIMIT, 2);
export const Multiplier = bounded(z.number(), MULTIPLIER_LIMIT, 6).positive();

export const ThresholdOp = z.enum(['>=', '>', '<', '<=']);
export type ThresholdOp = z.infer<typeof ThresholdOp>;
/** Every threshold states its inclusivity: "90分以上" is `>= 90`, "低于85分" is `< 85`. */
export const Threshold = z.strictObject({ op: ThresholdOp, value: Num() });
export type Threshold = z.infer<typeof Threshold>;


/** Period kinds (`month`, `quarter`, `phase`, `half`, `year`, `custom`) or period IDs. */
export const PeriodSelector = z.array(Id).min(1);

/** Who a score or ranking applies to: a level of the org tree, or `staff`. */
export const Subject = Id;
