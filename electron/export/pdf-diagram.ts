// The network as the measurement saw it, drawn with vector graphics: PBX in the LAN → NAT router
// (LAN side = gateway, WAN side = public address, NAT type underneath) → Internet → STUN server
// and SIP provider.
import type { DocumentView } from '../../shared/export/document';
import { COLOUR, CONTENT_WIDTH, type Cursor, type Doc, FONT, fitLine, PAGE, TONE } from './pdf-kit';

const ZONE_HEIGHT = 132;
export const DIAGRAM_HEIGHT = ZONE_HEIGHT + 10;

function box(doc: Doc, x: number, y: number, w: number, h: number, border: string = COLOUR.navy, dashed = false): void {
  doc.save().roundedRect(x, y, w, h, 5).fill(COLOUR.box).restore();
  doc.save().roundedRect(x, y, w, h, 5).lineWidth(1.1).strokeColor(border);
  if (dashed) doc.dash(3, { space: 2 });
  doc.stroke().restore();
}

function arrowHead(doc: Doc, x: number, y: number, angle: number, colour: string): void {
  const size = 5.5;
  const spread = Math.PI / 7;
  doc
    .save()
    .moveTo(x, y)
    .lineTo(x - size * Math.cos(angle - spread), y - size * Math.sin(angle - spread))
    .lineTo(x - size * Math.cos(angle + spread), y - size * Math.sin(angle + spread))
    .closePath()
    .fill(colour)
    .restore();
}

// Traffic goes both ways on every link, so both ends get a head.
function link(doc: Doc, x1: number, y1: number, x2: number, y2: number, colour: string = COLOUR.navy): void {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(1.2).strokeColor(colour).stroke().restore();
  arrowHead(doc, x2, y2, angle, colour);
  arrowHead(doc, x1, y1, angle + Math.PI, colour);
}

// A cloud: overlapping circles, first a slightly larger outline colour, then the fill over it.
function cloud(doc: Doc, cx: number, cy: number, w: number, h: number): void {
  const circles: [number, number, number][] = [
    [-0.28, 0.12, 0.3],
    [0.28, 0.12, 0.3],
    [-0.08, -0.16, 0.34],
    [0.2, -0.08, 0.28],
    [0, 0.2, 0.3],
  ];
  const scaleX = w / 1.3;
  const scaleY = h / 1.0;
  for (const [fill, grow] of [[COLOUR.accent, 1.2], ['#e4edf8', 0]] as const) {
    for (const [dx, dy, r] of circles) {
      doc.save().ellipse(cx + dx * scaleX, cy + dy * scaleY, r * scaleX + grow, r * scaleY + grow).fill(fill).restore();
    }
  }
}

export function drawNetworkDiagram(cursor: Cursor, view: DocumentView): void {
  const { doc } = cursor;
  const { text, network, nat } = view;
  const top = cursor.y;
  const x0 = PAGE.left;
  const mid = top + 72;

  // Zones: the LAN up to the router's middle, the Internet after it.
  const router = { x: x0 + 140, w: 130, h: 74 };
  const split = router.x + router.w / 2;
  doc.save().roundedRect(x0, top, split - x0, ZONE_HEIGHT, 6).fill(COLOUR.lan).restore();
  doc.save().roundedRect(split, top, x0 + CONTENT_WIDTH - split, ZONE_HEIGHT, 6).fill(COLOUR.wan).restore();
  doc.save().moveTo(split, top + 4).lineTo(split, top + ZONE_HEIGHT - 4).lineWidth(0.8).dash(3, { space: 3 }).strokeColor(COLOUR.muted).stroke().restore();
  fitLine(doc, `${text.lanSide}`, x0 + 8, top + 7, 100, { font: FONT.bold, size: 7.5, colour: COLOUR.muted });
  fitLine(doc, `${text.wanSide} / ${text.internet}`, split + 8, top + 7, 150, { font: FONT.bold, size: 7.5, colour: COLOUR.muted });

  // PBX.
  const pbx = { x: x0 + 12, y: mid - 37, w: 104, h: 74 };
  box(doc, pbx.x, pbx.y, pbx.w, pbx.h);
  doc.save().rect(pbx.x + 0.6, pbx.y + 0.6, pbx.w - 1.2, 17).fill(COLOUR.navy).restore();
  doc.save().roundedRect(pbx.x, pbx.y, pbx.w, 18, 5).fill(COLOUR.navy).restore();
  fitLine(doc, text.pbx, pbx.x + 6, pbx.y + 5, pbx.w - 12, { font: FONT.bold, size: 7.5, colour: COLOUR.bandText }, 'center');
  fitLine(doc, view.profileName, pbx.x + 5, pbx.y + 22, pbx.w - 10, { size: 7, colour: COLOUR.muted }, 'center');
  fitLine(doc, network.pbxIp, pbx.x + 6, pbx.y + 33, pbx.w - 12, { font: FONT.bold, size: 9.5 }, 'center');
  fitLine(doc, `${text.sipPortLabel} ${network.sipPort} · ${text.rtpPortsLabel} ${network.rtp}`, pbx.x + 5, pbx.y + 50, pbx.w - 10, { size: 7, colour: COLOUR.text }, 'center');

  // NAT router, straddling the border: LAN side (gateway) and WAN side (public address).
  const ry = mid - router.h / 2;
  const natTone = TONE[nat.tone];
  box(doc, router.x, ry, router.w, router.h, natTone.strong);
  doc.save().roundedRect(router.x, ry, router.w, 18, 5).fill(natTone.strong).restore();
  doc.save().rect(router.x + 0.6, ry + 10, router.w - 1.2, 8).fill(natTone.strong).restore();
  fitLine(doc, text.router, router.x + 5, ry + 5, router.w - 10, { font: FONT.bold, size: 7.5, colour: COLOUR.bandText }, 'center');
  doc.save().moveTo(split, ry + 22).lineTo(split, ry + router.h - 5).lineWidth(0.6).strokeColor(COLOUR.line).stroke().restore();
  const half = router.w / 2 - 8;
  fitLine(doc, text.lanSide, router.x + 4, ry + 24, half, { font: FONT.bold, size: 7, colour: COLOUR.muted }, 'center');
  fitLine(doc, network.gateway ?? text.notMeasured, router.x + 4, ry + 36, half, { size: 7.5 }, 'center');
  fitLine(doc, text.gateway, router.x + 4, ry + 49, half, { size: 6.5, colour: COLOUR.muted }, 'center');
  fitLine(doc, text.wanSide, split + 4, ry + 24, half, { font: FONT.bold, size: 7, colour: COLOUR.muted }, 'center');
  const { publicIp, publicPort } = network;
  fitLine(doc, publicIp ?? text.notMeasured, split + 4, ry + 36, half, { size: 7.5 }, 'center');
  if (publicPort !== null) fitLine(doc, `${network.sipPort} → ${publicPort}`, split + 4, ry + 49, half, { size: 6.5, colour: COLOUR.muted }, 'center');
  // The NAT type on the router, coloured by the verdict.
  doc.font(FONT.bold).fontSize(7.5);
  const pillWidth = Math.min(router.w + 40, doc.widthOfString(nat.name) + 14);
  doc.save().roundedRect(split - pillWidth / 2, ry + router.h - 11, pillWidth, 15, 7.5).fill(natTone.soft).restore();
  doc.save().roundedRect(split - pillWidth / 2, ry + router.h - 11, pillWidth, 15, 7.5).lineWidth(0.8).strokeColor(natTone.strong).stroke().restore();
  fitLine(doc, nat.name, split - pillWidth / 2 + 4, ry + router.h - 7.3, pillWidth - 8, { font: FONT.bold, size: 7.5, colour: natTone.strong }, 'center');

  // Internet cloud.
  const cloudBox = { cx: router.x + router.w + 63, w: 66, h: 48 };
  cloud(doc, cloudBox.cx, mid, cloudBox.w, cloudBox.h);
  fitLine(doc, text.internet, cloudBox.cx - 30, mid - 3, 60, { font: FONT.bold, size: 8, colour: COLOUR.navy }, 'center');

  // STUN server(s) above, SIP provider below.
  const server = { x: x0 + CONTENT_WIDTH - 105, w: 100, h: 40 };
  const stunY = top + 22;
  const sipY = top + ZONE_HEIGHT - 12 - server.h;
  box(doc, server.x, stunY, server.w, server.h, COLOUR.accent);
  fitLine(doc, text.stunServer, server.x + 5, stunY + 6, server.w - 10, { font: FONT.bold, size: 8, colour: COLOUR.accent }, 'center');
  const [first, ...others] = network.stun;
  // One server: its address and name. More: the first two addresses, or the first and a count.
  const stunLines: [string, string][] =
    first === undefined ? [[text.notMeasured, COLOUR.muted]]
    : others.length === 0 ? [[first.address, COLOUR.text], ...(first.host === null ? [] : [[first.host, COLOUR.muted] as [string, string]])]
    : others.length === 1 ? [[first.address, COLOUR.text], [others[0]?.address ?? '', COLOUR.text]]
    : [[first.address, COLOUR.text], [`+${others.length}`, COLOUR.muted]];
  stunLines.forEach(([line, colour], index) => fitLine(doc, line, server.x + 5, stunY + 19 + index * 10, server.w - 10, { size: colour === COLOUR.muted ? 6.5 : 7.5, colour }, 'center'));
  box(doc, server.x, sipY, server.w, server.h, network.sip === null ? COLOUR.muted : COLOUR.accent, network.sip === null);
  fitLine(doc, text.sipProvider, server.x + 5, sipY + 6, server.w - 10, { font: FONT.bold, size: 8, colour: network.sip === null ? COLOUR.muted : COLOUR.accent }, 'center');
  fitLine(doc, network.sip?.address ?? text.noSipProvider, server.x + 5, sipY + 19, server.w - 10, { size: 7.5, colour: network.sip === null ? COLOUR.muted : COLOUR.text }, 'center');
  if (network.sip?.host) fitLine(doc, network.sip.host, server.x + 5, sipY + 29, server.w - 10, { size: 6.5, colour: COLOUR.muted }, 'center');

  // The links.
  link(doc, pbx.x + pbx.w + 3, mid, router.x - 3, mid);
  fitLine(doc, 'UDP', pbx.x + pbx.w, mid - 12, router.x - pbx.x - pbx.w, { size: 6.5, colour: COLOUR.muted }, 'center');
  link(doc, router.x + router.w + 3, mid, cloudBox.cx - cloudBox.w / 2 - 2, mid);
  link(doc, cloudBox.cx + cloudBox.w / 2 - 5, mid - 12, server.x - 3, stunY + server.h / 2);
  link(doc, cloudBox.cx + cloudBox.w / 2 - 5, mid + 12, server.x - 3, sipY + server.h / 2, network.sip === null ? COLOUR.muted : COLOUR.navy);

  cursor.y = top + DIAGRAM_HEIGHT;
}
