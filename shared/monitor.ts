// The keep-alive monitor's events and summary: plain data for the CLI, IPC and the wizard. Each
// event carries its message (a code with values, shared/text/messages/monitor.ts) for the log.
import type { TransportAddress } from './address';
import type { MonitorMessageOf } from './text/messages/monitor';
import type { StunFailure } from './text/messages/rules';

export interface EventBase {
  readonly at: string;        // wall-clock time, ISO 8601
  readonly elapsedMs: number; // since the monitor started
}

export type MonitorEvent =
  | (EventBase & { readonly kind: 'started'; readonly mapped: TransportAddress; readonly rttMs: number; readonly message: MonitorMessageOf<'monitor/started'> })
  | (EventBase & { readonly kind: 'ok'; readonly mapped: TransportAddress; readonly rttMs: number; readonly message: MonitorMessageOf<'monitor/ok'> })
  | (EventBase & { readonly kind: 'miss'; readonly consecutive: number; readonly reason: StunFailure; readonly message: MonitorMessageOf<'monitor/miss'> })
  | (EventBase & { readonly kind: 'binding-lost'; readonly misses: number; readonly lastOkAt: string | null; readonly message: MonitorMessageOf<'monitor/binding-lost'> })
  | (EventBase & {
      readonly kind: 'recovered';
      readonly mapped: TransportAddress;
      readonly rttMs: number;
      readonly downMs: number;
      readonly message: MonitorMessageOf<'monitor/recovered'>;
    })
  | (EventBase & {
      readonly kind: 'address-changed';
      readonly from: TransportAddress;
      readonly to: TransportAddress;
      readonly ipChanged: boolean;
      readonly portChanged: boolean;
      readonly message: MonitorMessageOf<'monitor/address-changed'>;
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
