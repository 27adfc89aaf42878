// The keep-alive monitor's events and summary: plain data for the CLI, IPC and the wizard.
import type { TransportAddress } from './address';
import type { ErrorData } from './result';

export interface EventBase {
  readonly at: string;        // wall-clock time, ISO 8601
  readonly elapsedMs: number; // since the monitor started
}

export type MonitorEvent =
  | (EventBase & { readonly kind: 'started'; readonly mapped: TransportAddress; readonly rttMs: number })
  | (EventBase & { readonly kind: 'ok'; readonly mapped: TransportAddress; readonly rttMs: number })
  | (EventBase & { readonly kind: 'miss'; readonly consecutive: number; readonly reason: ErrorData })
  | (EventBase & { readonly kind: 'binding-lost'; readonly misses: number; readonly lastOkAt: string | null; readonly message: string })
  | (EventBase & { readonly kind: 'recovered'; readonly mapped: TransportAddress; readonly rttMs: number; readonly downMs: number; readonly message: string })
  | (EventBase & {
      readonly kind: 'address-changed';
      readonly from: TransportAddress;
      readonly to: TransportAddress;
      readonly ipChanged: boolean;
      readonly portChanged: boolean;
      readonly message: string;
    });

export type MonitorEventKind = MonitorEvent['kind'];

export interface MonitorSummary {
  readonly sent: number;            // keep-alive transactions started
  readonly answered: number;
  readonly missed: number;
  readonly addressChanges: number;
  readonly bindingLost: number;
  readonly mapped: TransportAddress | null;
}
