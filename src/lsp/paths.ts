import { fileURLToPath } from 'node:url';

/** A document URI as a file system path (other schemes keep their path part: `untitled:x.rules` -> `x.rules`). */
export function pathOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // not a local file URI: fall through
    }
  }
  return uri.replace(/^[a-z][a-z0-9+.-]*:/i, '');
}
