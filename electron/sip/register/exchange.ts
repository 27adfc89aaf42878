// One REGISTER as the registrar sees it, with its digest round: send, answer a 401/407 once
// (RFC 3261 §22.2: Authorization to a 401, §22.3: Proxy-Authorization to a 407), and read the
// end. A second challenge means the credentials are wrong (§22.4 says a client must not retry
// them), unless it says stale=true: the nonce was old, the password right (RFC 7616 §3.3), which
// may be answered once more. 403 is wrong credentials too (§21.4.4).
import type { TransportAddress } from '../../../shared/address';
import { randomBytes, toHex } from '../../../shared/bytes';
import type { DigestAlgorithm } from '../../../shared/register';
import { buildAuthorization, chooseDigestChallenge, type DigestChallenge } from '../../../shared/sip/digest';
import { readResponseDatagram, type OptionsResponse } from '../../../shared/sip/options-response';
import { buildRegisterRequest, newBranch, type RegisterDialog, type RegisterMessage } from '../../../shared/sip/register-request';
import type { Clock } from '../../net/clock';
import type { UdpEndpoint } from '../../net/udp-endpoint';
import { runNonInviteTransaction } from '../non-invite-transaction';
import type { RegisterCounters } from './transaction';

// Everything a registration's requests share; the password is read only by the digest.
export interface RegistrationParty {
  readonly endpoint: UdpEndpoint;
  readonly target: TransportAddress;
  readonly requestUri: { readonly host: string; readonly port?: number };
  readonly user: string;
  readonly password: string;
  readonly domain: string;
  readonly localSentBy: { readonly ip: string; readonly port: number };
  readonly dialog: RegisterDialog;
  readonly version: string;
  readonly clock: Clock;
  readonly counters: RegisterCounters;
  nextCSeq(): number;       // §10.2.4: one Call-ID, the CSeq rising by one per request
}

export type ExchangeResult =
  | {
      readonly kind: 'final' | 'wrong-credentials' | 'unsupported';
      readonly response: OptionsResponse;
      readonly challenged: boolean;
      readonly algorithm: DigestAlgorithm | null;
      readonly firstSentAt: number;
      readonly answeredAt: number;
      readonly sent: RegisterMessage;
    }
  | { readonly kind: 'timeout'; readonly aborted: boolean; readonly challenged: boolean; readonly requestsSent: number; readonly sent: RegisterMessage }
  | { readonly kind: 'invalid'; readonly code: string };

export interface ExchangeOptions {
  readonly expiresSec: number;
  readonly timeoutMs: number;   // Timer F for each request
  readonly signal?: AbortSignal;
  readonly t1Ms?: number;
}

const isChallenge = (status: number): status is 401 | 407 => status === 401 || status === 407;

export async function exchangeRegister(party: RegistrationParty, options: ExchangeOptions): Promise<ExchangeResult> {
  let authorization: { header: 'Authorization' | 'Proxy-Authorization'; value: string } | undefined;
  let answered: DigestChallenge | undefined;
  let staleAnswered = false;
  let firstSentAt: number | undefined;
  for (;;) {
    const built = buildRegisterRequest({
      requestUri: party.requestUri,
      user: party.user,
      domain: party.domain,
      localSentBy: party.localSentBy,
      dialog: party.dialog,
      cseq: party.nextCSeq(),
      branch: newBranch(), // §8.1.1.7: a new transaction, a new branch
      expiresSec: options.expiresSec,
      version: party.version,
      ...(authorization ? { authorization } : {}),
    });
    if (!built.ok) return { kind: 'invalid', code: built.error.code };
    const sent = built.value;
    const result = await runNonInviteTransaction(
      party.endpoint,
      party.target,
      sent.bytes,
      (data) => readResponseDatagram(data, sent, 'REGISTER'),
      { clock: party.clock, timeoutMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}), ...(options.t1Ms ? { t1Ms: options.t1Ms } : {}) },
      party.counters,
    );
    firstSentAt ??= result.firstSentAt;
    const challenged = answered !== undefined;
    if (result.kind === 'timeout') return { kind: 'timeout', aborted: result.aborted, challenged, requestsSent: result.requestsSent, sent };
    const { response } = result;
    const end = (kind: 'final' | 'wrong-credentials' | 'unsupported'): ExchangeResult => ({
      kind, response, challenged, algorithm: answered?.algorithm ?? null, firstSentAt: firstSentAt as number, answeredAt: result.answeredAt, sent,
    });
    if (response.status === 403) return end('wrong-credentials');
    if (!isChallenge(response.status)) return end('final');
    const headerName = response.status === 401 ? 'www-authenticate' : 'proxy-authenticate';
    const chosen = chooseDigestChallenge(response.headers.filter((header) => header.name.toLowerCase() === headerName).map((header) => header.value));
    if (answered !== undefined) {
      // Answered before: only a stale nonce earns one more try.
      if (!chosen.ok || !chosen.challenge.stale || staleAnswered) return end('wrong-credentials');
      staleAnswered = true;
    } else if (!chosen.ok) {
      return end('unsupported');
    }
    answered = chosen.challenge;
    const value = buildAuthorization(answered, { username: party.user, password: party.password }, {
      method: 'REGISTER',
      uri: sent.requestUri, // §22.4: the digest-uri is the Request-URI
      cnonce: toHex(randomBytes(12)),
      nc: 1,                // a fresh nonce each time we answer
    });
    authorization = { header: response.status === 401 ? 'Authorization' : 'Proxy-Authorization', value };
  }
}
