// A span of UDP ports, both ends included; one port is a range with from = to. The profiles' RTP
// ranges, the requests, the report, the checklist and every export speak of ports through it.
export interface PortRange {
  readonly from: number;
  readonly to: number;
}
