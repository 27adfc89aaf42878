// What the wizard saves for resuming (localStorage) never holds the trunk's password: the measured
// request loses its credentials. After a restart the registration counts as not asked (its row is
// out of date once credentials are typed again), and the report keeps what it showed.
import type { DiagnoseRequest } from '../../../../shared/ipc-contract';
import type { DiagnoseReport } from '../../../../shared/report';

export function withoutCredentials<M extends { readonly request: DiagnoseRequest; readonly report: DiagnoseReport }>(measured: M | null): M | null {
  if (measured === null || measured.request.register === undefined) return measured;
  const { register: _register, ...request } = measured.request;
  return { ...measured, request };
}
