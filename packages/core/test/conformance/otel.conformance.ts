import * as stable from '@opentelemetry/semantic-conventions';
import * as incubating from '@opentelemetry/semantic-conventions/incubating';
import { describe, expect, it } from 'vitest';
import { formatEvent } from '../../src/formats';
import { everyTaxonomyEvent } from './event-variants';

/** Attribute names the semantic conventions define (stable and incubating `ATTR_*` constants). */
const SEMCONV_NAMES = new Set(
  [...Object.entries(stable), ...Object.entries(incubating)]
    .filter(([key, value]) => key.startsWith('ATTR_') && typeof value === 'string')
    .map(([, value]) => value as string),
);

const RECORD_FIELDS = new Set([
  'Timestamp',
  'ObservedTimestamp',
  'SeverityNumber',
  'SeverityText',
  'Body',
  'EventName',
  'TraceId',
  'SpanId',
  'Resource',
  'InstrumentationScope',
  'Attributes',
]);

function problems(record: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(record)) if (!RECORD_FIELDS.has(key)) out.push(`${key}: not a field of the log data model`);
  for (const key of Object.keys(record.Attributes as object)) {
    if (!key.startsWith('seclog.') && !SEMCONV_NAMES.has(key)) out.push(`Attributes.${key}: not a semantic-convention name`);
  }
  for (const key of Object.keys(record.Resource as object)) {
    if (!SEMCONV_NAMES.has(key)) out.push(`Resource.${key}: not a semantic-convention name`);
  }
  if (!/^\d{19}$/.test(String(record.Timestamp))) out.push('Timestamp: not nanoseconds since the epoch');
  const severity = record.SeverityNumber as number;
  if (!Number.isInteger(severity) || severity < 1 || severity > 24) out.push('SeverityNumber: outside 1..24');
  if (record.TraceId !== undefined && !/^[0-9a-f]{32}$/.test(String(record.TraceId))) out.push('TraceId: not 16 bytes hex');
  if (record.SpanId !== undefined && !/^[0-9a-f]{16}$/.test(String(record.SpanId))) out.push('SpanId: not 8 bytes hex');
  return out;
}

describe('OpenTelemetry output uses the log data model and semantic-convention names', () => {
  it('knows the names it checks against', () => {
    expect(SEMCONV_NAMES.has(stable.ATTR_CLIENT_ADDRESS)).toBe(true);
    expect(SEMCONV_NAMES.has(incubating.ATTR_USER_ID)).toBe(true);
  });

  it.each(everyTaxonomyEvent())('$name', ({ events }) => {
    for (const event of events) {
      const record = formatEvent(event, 'otel') as unknown as Record<string, unknown>;
      expect(problems(record), JSON.stringify(record)).toEqual([]);
    }
  });

  it('flags a made-up attribute name', () => {
    const record = formatEvent(everyTaxonomyEvent()[0]!.events[0]!, 'otel');
    const broken = { ...record, Attributes: { ...record.Attributes, 'user.nickname': 'x' } };
    expect(problems(broken)).toEqual(['Attributes.user.nickname: not a semantic-convention name']);
  });
});
