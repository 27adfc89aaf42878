// Every message the domain speaks, by area. A new area (errors, NAT evidence, progress, history)
// adds its union here, and its wording in en/index.ts and de/index.ts.
import type { ErrorData } from './errors';

export type Message = ErrorData;
