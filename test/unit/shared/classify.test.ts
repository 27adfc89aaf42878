import { describe, expect, it } from 'vitest';
import { classifyNat, isSupported } from '../../../shared/nat/classify';
import { defaultProfile } from '../../../shared/catalog/profiles';

const nat = (mapping: string, filtering: string) => classifyNat({ answered: true, behindNat: true, mapping: mapping as never, filtering: filtering as never });

describe('NAT classification (DESIGN.md table)', () => {
  it.each([
    ['endpoint-independent', 'endpoint-independent', 'full-cone'],
    ['endpoint-independent', 'address-dependent', 'restricted-cone'],
    ['endpoint-independent', 'address-and-port-dependent', 'port-restricted-cone'],
    ['address-dependent', 'endpoint-independent', 'symmetric'],
    ['address-and-port-dependent', 'address-and-port-dependent', 'symmetric'],
    ['address-and-port-dependent', 'unknown', 'symmetric'],
    ['endpoint-independent', 'unknown', 'unknown'],
    ['unknown', 'address-dependent', 'unknown'],
  ])('mapping %s with filtering %s is %s', (mapping, filtering, classic) => {
    expect(nat(mapping, filtering).classic).toBe(classic);
  });

  it('tells open internet from a stateful firewall when there is no NAT', () => {
    expect(classifyNat({ answered: true, behindNat: false, mapping: 'unknown', filtering: 'endpoint-independent' })).toEqual({ classic: 'open-internet', mapping: 'none', filtering: 'none' });
    expect(classifyNat({ answered: true, behindNat: false, mapping: 'unknown', filtering: 'address-and-port-dependent' })).toEqual({
      classic: 'symmetric-udp-firewall', mapping: 'none', filtering: 'address-and-port-dependent',
    });
  });

  it('calls no answer at all blocked', () => {
    expect(classifyNat({ answered: false, behindNat: null, mapping: 'unknown', filtering: 'unknown' }).classic).toBe('blocked');
  });

  it('gives SwyxWare its verdict: the three cone types and no NAT work, symmetric and blocked do not', () => {
    const { supportedNat } = defaultProfile();
    expect(['full-cone', 'restricted-cone', 'port-restricted-cone', 'open-internet'].map((c) => isSupported(c as never, supportedNat))).toEqual([true, true, true, true]);
    expect(isSupported('symmetric', supportedNat)).toBe(false);
    expect(isSupported('blocked', supportedNat)).toBe(false);
    expect(isSupported('unknown', supportedNat)).toBeNull();
  });
});
