// The PBX profiles say, with a source, what each PBX needs of inbound media (issue 13, item 2), and
// a broken entry is named and skipped while the others load.
import { describe, expect, it } from 'vitest';
import data from '../../../shared/catalog/pbx-profiles.json';
import { customProfile, findProfile, loadProfiles, PBX_PROFILES } from '../../../shared/catalog/profiles';
import { word } from '../../../shared/text';

describe('the PBX profiles', () => {
  it('load without problems, each with its inbound-media need and where that fact comes from', () => {
    expect(loadProfiles(data).problems).toEqual([]);
    expect(PBX_PROFILES.map((profile) => [profile.id, profile.media.inbound])).toEqual([
      ['swyxware', 'return-path'],
      ['3cx', 'any-source'],
      ['asterisk', 'return-path'],
    ]);
    expect(findProfile('swyxware')?.media.source).toContain('help.swyx.com');
    expect(findProfile('3cx')?.media.source).toContain('3cx.com/docs/firewall-checker');
    expect(findProfile('asterisk')?.media.source).toContain('rtp_symmetric');
  });

  it('skips an entry whose media need is missing or unknown, by name', () => {
    const swyx = (data.profiles as Record<string, unknown>[])[0] as Record<string, unknown>;
    const loaded = loadProfiles({ profiles: [{ ...swyx, id: 'no-need', media: undefined }, { ...swyx, id: 'odd-need', media: { inbound: 'sometimes', source: 'x' } }, { ...swyx, id: 'no-source', media: { inbound: 'any-source', source: '' } }, swyx] });
    expect(loaded.profiles.map((profile) => profile.id)).toEqual(['swyxware']);
    expect(loaded.problems.map((problem) => [problem.entry, problem.error])).toEqual([
      ['no-need', { code: 'catalog/profile-skipped', profile: 'no-need', problem: 'media', key: null }],
      ['odd-need', { code: 'catalog/profile-skipped', profile: 'odd-need', problem: 'media', key: null }],
      ['no-source', { code: 'catalog/profile-skipped', profile: 'no-source', problem: 'media', key: null }],
    ]);
    expect(word('de', loaded.problems[0]!.error)).toContain('media.inbound');
  });

  it('name the codecs each PBX offers that the E-model can grade, with a source', () => {
    expect(PBX_PROFILES.map((profile) => [profile.id, profile.codecs.offered])).toEqual([
      ['swyxware', ['g711', 'g722', 'g729']],
      ['3cx', ['g711', 'g722', 'g729']],
      ['asterisk', ['g711', 'g722']],
    ]);
    expect(findProfile('swyxware')?.codecs.source).toContain('Codecs/Channels');
    expect(findProfile('3cx')?.codecs.source).toContain('3cx.com/docs/sip-trunk-codecs-sdp');
    expect(findProfile('asterisk')?.codecs.source).toContain('docs.asterisk.org');
    expect(customProfile({ sipPort: 5080, rtp: { from: 20000, to: 20999 }, inboundMedia: 'return-path' }).codecs.offered).toEqual(['g711', 'g722']);
  });

  it('skips an entry whose codecs are missing, unknown, repeated or without a source, by name', () => {
    const swyx = (data.profiles as Record<string, unknown>[])[0] as Record<string, unknown>;
    const broken = [
      { ...swyx, id: 'no-codecs', codecs: undefined },
      { ...swyx, id: 'opus', codecs: { offered: ['g711', 'opus'], source: 'x' } },
      { ...swyx, id: 'twice', codecs: { offered: ['g711', 'g711'], source: 'x' } },
      { ...swyx, id: 'none', codecs: { offered: [], source: 'x' } },
      { ...swyx, id: 'unsourced', codecs: { offered: ['g711'], source: '' } },
    ];
    const loaded = loadProfiles({ profiles: [...broken, swyx] });
    expect(loaded.profiles.map((profile) => profile.id)).toEqual(['swyxware']);
    expect(loaded.problems.map((problem) => [problem.entry, (problem.error as { problem?: string }).problem])).toEqual(broken.map((entry) => [entry.id, 'codecs']));
    expect(word('de', loaded.problems[0]!.error)).toContain('codecs.offered');
  });

  it('makes a custom profile from the facts a person names', () => {
    const custom = customProfile({ sipPort: 5080, rtp: { from: 20000, to: 20999 }, inboundMedia: 'any-source' });
    expect(custom).toMatchObject({ id: 'custom', sipPort: 5080, rtp: { from: 20000, to: 20999 }, media: { inbound: 'any-source' }, supportedNat: ['full-cone', 'open-internet'] });
    expect(customProfile({ sipPort: 5080, rtp: { from: 20000, to: 20999 }, inboundMedia: 'return-path' }).supportedNat).not.toContain('symmetric');
  });
});
