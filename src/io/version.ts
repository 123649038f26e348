// The version users see in --version, SARIF and the cache key: the package's own.
import { readFileSync } from 'node:fs';
import { packagePath } from './package-files.ts';

export const VERSION: string = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
