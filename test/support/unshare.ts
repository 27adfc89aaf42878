// Root on the test machines can write anywhere, so chmod proves nothing about a read-only or full
// disk: those tests run the CLI in a private mount namespace (unshare -m) over a tiny tmpfs.
import { execFileSync } from 'node:child_process';

export const canUnshareMounts = ((): boolean => {
  try {
    execFileSync('unshare', ['-m', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
