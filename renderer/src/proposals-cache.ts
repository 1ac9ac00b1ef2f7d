import type { ProposalRow } from '../../electron/common/api/contract';
import { call } from './api';

/**
 * The proposals of a session, fetched when the session is chosen rather than when the table is
 * opened: the table is the screen a clerk goes back to all day, and ten thousand rows take the
 * main process a little while to read. Anything that changes proposals or their deadline rules
 * drops the cached list.
 */
const cache = new Map<number, Promise<ProposalRow[]>>();

export function loadProposals(sessionId: number, fresh = false): Promise<ProposalRow[]> {
  if (fresh || !cache.has(sessionId)) {
    const request = call('proposals.list', { sessionId });
    request.catch(() => cache.delete(sessionId));
    cache.set(sessionId, request);
  }
  return cache.get(sessionId)!;
}

export function dropProposals(sessionId?: number): void {
  if (sessionId === undefined) cache.clear();
  else cache.delete(sessionId);
}
