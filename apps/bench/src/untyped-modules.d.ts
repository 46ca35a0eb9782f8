// fast-redact ships no types; the bench uses only its default JSON-serialising form.
declare module 'fast-redact' {
  export default function fastRedact(options: { paths: string[]; censor?: string }): (value: object) => string;
}
