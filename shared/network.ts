// What the Network step shows: the machine's interfaces, as plain data.
import type { IpFamily } from './address';

export interface NetworkInterfaceInfo {
  readonly name: string;
  readonly address: string;
  readonly family: IpFamily;
  readonly netmask: string;
  readonly cidr: string | null;
  readonly mac: string;
  readonly internal: boolean;
  readonly private: boolean;   // RFC 1918/6598 address: the PBX sits behind NAT
  readonly suggested: boolean; // the address TrunkCheck would pick for the PBX
}
