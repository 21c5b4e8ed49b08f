import { z } from 'zod';

export const ERROR_CODES = [
  'not-found',
  'invalid-request',
  'conflict',
  'io',
  'locked',
  'corrupt',
  'read-only',
  'unsupported',
  'forbidden',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.output<typeof ErrorCodeSchema>;

/** Errors travel as data: Electron passes only a thrown error's message across IPC. */
export const ErrorBodySchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type ErrorBody = z.output<typeof ErrorBodySchema>;

export type Envelope<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ErrorBody };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** Validate an envelope whose data is checked by `data`. */
export function envelopeSchema<S extends z.ZodType>(data: S) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBodySchema }),
  ]);
}
