import { describe, expect, it } from 'vitest';
import { render } from '../../../shared/firewall/lancom';
import { checklistFrom, count, fixtureFacts } from './checklists';

const facts = fixtureFacts('masquerade');

describe('the LANCOM (LANconfig) export', () => {
  const text = render(checklistFrom('masquerade'));

  it('lists the four firewall rules with the real addresses and ports', () => {
    expect(count(text, /^\d+\. Rule \d "TRUNKCHECK-/m)).toBe(4);
    expect(text).toContain(`Rule 1 "TRUNKCHECK-1-OUTBOUND-SIGNALLING": from ${facts.pbxIp} (source ports ${facts.rtp}, ${facts.sipPort}) to ${facts.stunIp}, ${facts.providerIp} (destination ports ${facts.stunPort}, ${facts.providerPort})`);
    expect(text).toContain(`Rule 4 "TRUNKCHECK-4-INBOUND-MEDIA": from any (source ports any) to ${facts.pbxIp} (destination ports ${facts.rtp})`);
  });

  it('forwards the inbound ports to the PBX in the port forwarding table', () => {
    expect(count(text, /Port forwarding table > Add/g)).toBe(2);
    expect(text).toContain(`start port and end port ${facts.sipPort}, intranet address ${facts.pbxIp}`);
    expect(text).toContain(`start port and end port ${facts.rtp}, intranet address ${facts.pbxIp}`);
  });

  it('adds QoS for the two voice rules only when DSCP marking is on', () => {
    expect(count(text, /Voice QoS: in rule/g)).toBe(2);
    expect(text).toContain('"@dEF"');
    expect(render(checklistFrom('masquerade', { qos: false }))).not.toContain('Voice QoS');
  });

  it('numbers its steps without gaps', () => {
    const numbers = text.split('\n').map((line) => /^(\d+)\. /.exec(line)?.[1]).filter((value) => value !== undefined).map(Number);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  it('is German for a German checklist', () => {
    const german = render(checklistFrom('masquerade', { language: 'de' }));
    expect(german).toContain('Firewall/QoS > IPv4-Regeln > Regeln > Hinzufügen');
    expect(german).toContain('IP-Router > Maskierung > Port-Forwarding-Tabelle');
    expect(german).not.toContain('Port forwarding table');
  });
});
