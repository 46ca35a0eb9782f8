import { createSanitizer, type Sanitizer, type SanitizerOptions } from '@seclog/core';
import winston from 'winston';
import { SECURITY_RECORD } from './record-marker';

type Info = Record<string | symbol, unknown>;

const LEVEL = Symbol.for('level');
const SPLAT = Symbol.for('splat');
const MESSAGE = Symbol.for('message');

function isSanitizer(value: unknown): value is Sanitizer {
  return typeof (value as Sanitizer | undefined)?.sanitize === 'function';
}

/**
 * A logform format that runs core's sanitizer over ordinary winston records: the message, every
 * meta field and the splat arguments. Put it before `json()`/`printf()` in the format chain.
 * Security records written by `winstonSink` through the same logger pass untouched: core has
 * sanitised them already, and a second pass would rewrite fields core keeps (a session id).
 */
export function sanitizeFormat(options?: SanitizerOptions | Sanitizer): winston.Logform.Format {
  const clean = isSanitizer(options) ? options : createSanitizer(options);
  return winston.format((info) =>
    (info as Info)[SECURITY_RECORD] ? info : (sanitizeInfo(info as Info, clean) as winston.Logform.TransformableInfo),
  )();
}

function sanitizeInfo(info: Info, clean: Sanitizer): Info {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(info)) if (key !== 'level') fields[key] = info[key];
  const sanitized = clean.sanitize(fields);
  const out: Info = sanitized !== null && typeof sanitized === 'object' ? { ...(sanitized as Info) } : {};
  out.level = info.level;
  if (typeof info.message === 'string') out.message = clean.sanitizeString(info.message);
  out[LEVEL] = info[LEVEL];
  if (info[SPLAT] !== undefined) out[SPLAT] = clean.sanitize(info[SPLAT]);
  if (typeof info[MESSAGE] === 'string') out[MESSAGE] = clean.sanitizeString(info[MESSAGE]);
  return out;
}
