// Hairpinning (RFC 5780 §4.5): can a host behind the NAT reach another one through its public
// address? A second socket sends a Binding request to the SIP socket's public mapping; the SIP
// socket watches for that very request to arrive.
import type { TransportAddress } from '../../shared/address';
import { bytesEqual } from '../../shared/bytes';
import { buildBindingRequest, decodeMessage, isStunError } from '../../shared/stun';
import { noAnswerSchedule } from '../net/retransmit';
import { afterWaitingInput, systemClock, type Clock } from '../net/clock';
import type { UdpEndpoint } from '../net/udp-endpoint';

export async function probeHairpin(target: UdpEndpoint, sender: UdpEndpoint, targetMapped: TransportAddress, rttMs: number, clock: Clock = systemClock): Promise<boolean> {
  const { bytes, transactionId } = buildBindingRequest();
  const { sends, endMs } = noAnswerSchedule(rttMs);
  return new Promise<boolean>((resolve) => {
    const timers: unknown[] = [];
    const finish = (arrived: boolean): void => {
      unsubscribe();
      for (const timer of timers) clock.clearTimeout(timer);
      resolve(arrived);
    };
    const unsubscribe = target.onStun((data) => {
      try {
        const message = decodeMessage(data);
        if (message.cls === 'request' && bytesEqual(message.transactionId, transactionId)) finish(true);
      } catch (error) {
        if (!isStunError(error)) throw error;
      }
    });
    for (const at of sends) timers.push(clock.setTimeout(() => sender.send(bytes, targetMapped), at));
    timers.push(clock.setTimeout(() => timers.push(afterWaitingInput(clock, () => finish(false))), endMs));
  });
}
