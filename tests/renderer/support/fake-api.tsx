import type { ReactNode } from 'react';
import type { ApiInput, ApiName } from '../../../shared/api/contract';
import type { ApiErrorCode } from '../../../shared/api/error-codes';
import { CommonError } from '../../../shared/api/errors';
import type { ApiClient } from '../../../renderer/src/api/client';
import { ApiContext } from '../../../renderer/src/api/ApiContext';
import { DataEvents, DataEventsContext } from '../../../renderer/src/api/data-events';
import { ApiCallError } from '../../../renderer/src/api/errors';

export interface PendingCall {
  name: ApiName;
  input: unknown;
  /** Settles the call; the returned promise lets the caller's reactions run (await it in act). */
  answer(value: unknown): Promise<void>;
  fail(message: string, code?: ApiErrorCode): Promise<void>;
}

const settled = async () => {
  for (let turn = 0; turn < 3; turn += 1) await Promise.resolve();
};

/** An API whose calls wait until the test answers them, one by one, in any order. */
export function fakeApi() {
  const calls: PendingCall[] = [];
  const call = (name: ApiName, input: unknown) =>
    new Promise((resolve, reject) => {
      calls.push({
        name,
        input,
        answer: (value) => {
          resolve(value);
          return settled();
        },
        fail: (message, code = CommonError.diskIo) => {
          reject(new ApiCallError({ code, message }));
          return settled();
        },
      });
    });
  const unused = () => Promise.reject(new Error('not used in this test'));
  const api: ApiClient = {
    call: call as ApiClient['call'],
    openFile: unused,
    saveDownload: unused,
    printDownload: unused,
    saveDownloadsToFolder: unused,
    chooseFolder: unused,
  };
  const events = new DataEvents();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={api}>
      <DataEventsContext.Provider value={events}>{children}</DataEventsContext.Provider>
    </ApiContext.Provider>
  );
  return {
    api,
    events,
    wrapper,
    calls,
    /** The calls of one endpoint, oldest first. */
    callsOf<K extends ApiName>(name: K) {
      return calls.filter((pending) => pending.name === name) as (PendingCall & { input: ApiInput<K> })[];
    },
    last() {
      const pending = calls.at(-1);
      if (!pending) throw new Error('no call was made');
      return pending;
    },
  };
}
