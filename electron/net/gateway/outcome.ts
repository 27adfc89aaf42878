// What one of the router's services (UPnP IGD, NAT-PMP, PCP) answered, for ask.ts to combine.
import type { GatewayMessage } from '../../../shared/text/messages/gateway';
import type { MappingService } from '../../../shared/path';

export interface ServiceOutcome {
  readonly service: MappingService;
  readonly externalIp: string | null; // the WAN address it reported, if any
  readonly evidence: readonly GatewayMessage[];
}
