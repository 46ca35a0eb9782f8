import { SecurityLogConfigError } from '../errors';

/** A daily window of hours that counts as outside working time. */
export interface OffHoursWindow {
  /** Hour (0–23) at which off-hours begin, inclusive. */
  start: number;
  /** Hour (0–23) at which they end, exclusive; smaller than `start` when the window spans midnight. */
  end: number;
  /** IANA time zone the hours are read in, e.g. `Europe/Paris`. Default UTC. */
  timeZone?: string;
  /** A fixed offset from UTC in minutes (120 for UTC+2), instead of `timeZone`. */
  utcOffsetMinutes?: number;
  /** Count Saturday and Sunday as off-hours all day. Default false. */
  weekends?: boolean;
}

/** Local hour (0–23) and weekday (0 = Sunday) of an instant. */
type LocalClock = (ms: number) => { hour: number; day: number };

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function zoneClock(timeZone: string, path: string): LocalClock {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', weekday: 'short' });
  } catch {
    throw new SecurityLogConfigError('OPTION_INVALID', `${path}.timeZone`, 'must be an IANA time zone name such as "Europe/Paris"');
  }
  // Today's zone offsets, and the instants they change at, are whole quarter hours, so one reading
  // serves a whole quarter hour; events mostly arrive in time order, so remembering the last
  // quarter saves the slow formatToParts on nearly every call.
  let lastQuarter = Number.NaN;
  let last = { hour: 0, day: 0 };
  return (ms) => {
    const quarter = Math.floor(ms / 900_000);
    if (quarter === lastQuarter) return last;
    let hour = 0;
    let day = 0;
    for (const part of format.formatToParts(ms)) {
      if (part.type === 'hour') hour = Number(part.value);
      else if (part.type === 'weekday') day = WEEKDAYS[part.value] ?? 0;
    }
    lastQuarter = quarter;
    last = { hour, day };
    return last;
  };
}

function offsetClock(offsetMinutes: number): LocalClock {
  return (ms) => {
    const local = new Date(ms + offsetMinutes * 60_000);
    return { hour: local.getUTCHours(), day: local.getUTCDay() };
  };
}

function isHour(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 23;
}

/**
 * Checks the window once and returns the test the scorer runs per event, so that the time-zone
 * formatter is built once per options object, not per event.
 */
export function compileOffHours(window: OffHoursWindow, path = 'risk.offHours'): (ms: number) => boolean {
  const { start, end, timeZone, utcOffsetMinutes, weekends = false } = window;
  if (!isHour(start)) throw new SecurityLogConfigError('OPTION_INVALID', `${path}.start`, 'must be an integer hour from 0 to 23');
  if (!isHour(end)) throw new SecurityLogConfigError('OPTION_INVALID', `${path}.end`, 'must be an integer hour from 0 to 23');
  if (start === end) throw new SecurityLogConfigError('OPTION_INVALID', path, 'start and end must differ');
  if (timeZone !== undefined && utcOffsetMinutes !== undefined) {
    throw new SecurityLogConfigError('OPTION_INVALID', path, 'give timeZone or utcOffsetMinutes, not both');
  }
  if (utcOffsetMinutes !== undefined && !(Number.isInteger(utcOffsetMinutes) && Math.abs(utcOffsetMinutes) <= 14 * 60)) {
    throw new SecurityLogConfigError('OPTION_INVALID', `${path}.utcOffsetMinutes`, 'must be an integer from -840 to 840');
  }
  if (timeZone !== undefined && typeof timeZone !== 'string') {
    throw new SecurityLogConfigError('OPTION_INVALID', `${path}.timeZone`, 'must be an IANA time zone name such as "Europe/Paris"');
  }
  const clock = timeZone === undefined ? offsetClock(utcOffsetMinutes ?? 0) : zoneClock(timeZone, path);
  const wraps = start > end;
  return (ms) => {
    const { hour, day } = clock(ms);
    if (weekends && (day === 0 || day === 6)) return true;
    return wraps ? hour >= start || hour < end : hour >= start && hour < end;
  };
}
