// What the PBX a report was made for needs, and its profile: the report's own record (a custom
// profile is in no catalog), else the catalog's entry, else the default profile.
import { customProfile, CUSTOM_PROFILE_ID, defaultProfile, findProfile, type PbxProfile } from '../catalog/profiles';
import type { DiagnoseReport, PbxNeeds } from '../report';

type ReportFacts = Pick<DiagnoseReport, 'profile' | 'pbx' | 'local'>;

export function profileOfReport(report: ReportFacts): PbxProfile {
  if (report.profile === CUSTOM_PROFILE_ID && report.pbx !== null) {
    return customProfile({ sipPort: report.local.sipPort, rtp: report.pbx.rtp, inboundMedia: report.pbx.inboundMedia });
  }
  return findProfile(report.profile) ?? defaultProfile();
}

export function needsOf(report: ReportFacts): PbxNeeds {
  if (report.pbx !== null) return report.pbx;
  const profile = profileOfReport(report);
  return { inboundMedia: profile.media.inbound, rtp: profile.rtp };
}
