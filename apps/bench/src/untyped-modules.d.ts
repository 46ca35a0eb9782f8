// These two ship no types; the bench declares only what it calls.
declare module 'fast-redact' {
  export default function fastRedact(options: { paths: string[]; censor?: string }): (value: object) => string;
}

declare module 'autocannon' {
  interface Result {
    requests: { average: number; total: number };
    errors: number;
    '2xx': number;
    '4xx': number;
  }
  export default function autocannon(options: { url: string; connections?: number; duration?: number; sampleInt?: number }): Promise<Result>;
}
