import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The official definitions are read where they lie (never copied into the repo): from
 * SECLOG_SCHEMAS_DIR, else `../shared/data` beside the repository. Missing definitions stop the
 * suite with an error instead of letting it pass on nothing.
 */
export function schemasDir(): string {
  const dir = process.env.SECLOG_SCHEMAS_DIR ?? resolve(repoRoot, '..', 'shared', 'data');
  const wanted = ['ecs-9.4.0/ecs_flat.yml', 'ocsf-schema-1.8.0/dictionary.json', 'ocsf-schema-1.8.0/events'];
  const missing = wanted.filter((file) => !existsSync(resolve(dir, file)));
  if (missing.length > 0) {
    throw new Error(
      `schema conformance needs the official ECS 9.4.0 and OCSF 1.8.0 definitions; missing under ${dir}: ${missing.join(', ')}. ` +
        'Set SECLOG_SCHEMAS_DIR to the directory that holds ecs-9.4.0/ and ocsf-schema-1.8.0/.',
    );
  }
  return dir;
}
