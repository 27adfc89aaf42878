import { describe, expect, it } from 'vitest';
import { parseLinuxRouteTable, parseWindowsRoutePrint } from '../../../electron/net/gateway';

describe('default gateway from the routing table', () => {
  it('reads the Linux /proc/net/route default route (little-endian hex)', () => {
    const table = [
      'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT',
      'eth0\t0064A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
      'eth0\t00000000\t0164A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0',
    ].join('\n');
    expect(parseLinuxRouteTable(table)).toBe('192.168.100.1');
    expect(parseLinuxRouteTable(table.split('\n').slice(0, 2).join('\n'))).toBeNull();
  });

  it('reads the lowest-metric default route from Windows route print', () => {
    const text = `IPv4 Route Table\n===\nActive Routes:\nNetwork Destination        Netmask          Gateway       Interface  Metric\n          0.0.0.0          0.0.0.0    192.168.100.1    192.168.100.5     25\n          0.0.0.0          0.0.0.0       10.0.0.1        10.0.0.7     50\n===`;
    expect(parseWindowsRoutePrint(text)).toBe('192.168.100.1');
    expect(parseWindowsRoutePrint('nothing')).toBeNull();
  });
});
